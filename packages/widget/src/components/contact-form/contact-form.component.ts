import type { FieldErrors, parseTicket } from '@porthole/tickets';
import { LitElement, html, nothing } from 'lit';
import type { TicketContext } from '../../controllers/contact.controller.js';
import { draftFields } from '../../controllers/draft.js';
import type { Draft, DraftField } from '../../controllers/draft.js';
import type { FormField } from '../../controllers/fields.js';
import type { Chunks } from '../../core/chunk-loader.js';
import { emitInternal } from '../../core/events.js';
import { translateFieldErrors } from '../../i18n/field-errors.js';
import { englishTranslator } from '../../i18n/translator.js';
import type { Translator } from '../../i18n/translator.js';
import { attachControlStyles, renderAttachControl } from '../attachments/attach-control.js';
import { sharedStyles } from '../shared.styles.js';
import { renderBackButton } from '../templates.js';
import styles from './contact-form.styles.js';
import { customFieldId, fieldErrorKey } from './field-ids.js';

export type { TicketContext };

const INPUTS: Record<DraftField, { type: string; autocomplete: string; required: boolean }> = {
  name: { type: 'text', autocomplete: 'name', required: false },
  email: { type: 'email', autocomplete: 'email', required: true },
  subject: { type: 'text', autocomplete: 'off', required: true },
  message: { type: 'textarea', autocomplete: 'off', required: true },
};

/**
 * @summary The contact form: Name, Email, Subject, Message and Send, validated with the shared
 * ticket schema (`parseTicket` from `@porthole/tickets`) on submit. Errors sit under their
 * fields (`aria-invalid`, `aria-describedby`) and the first invalid field gets focus; after
 * that, an error goes as soon as the visitor's typing fixes it.
 *
 * Nothing changes when a field loses focus: a message appearing or vanishing then would move
 * Send between the press and the release of a click on it, and the click would be lost.
 *
 * The site's own fields (`fields`) follow the built-in ones and travel in `metadata`; hidden
 * ones are never shown. "Attach files" (when `can-attach`) takes files picked, dropped on
 * the form or pasted into it; their list is slotted in (`attachments` slot).
 *
 * It sends nothing itself: it fires `ph-send` with the validated ticket and the panel does
 * the rest, setting `sending` and `error`.
 *
 * @slot attachments - The list of attached files (`porthole-attachments`).
 *
 * @event ph-draft - (internal) A field changed; `detail` is `{ field, value }`.
 * @event ph-field - (internal) A site field changed; `detail` is `{ name, value }`.
 * @event ph-files - (internal) Files were picked, dropped or pasted; `detail` is `File[]`.
 * @event ph-send - (internal) The form is valid; `detail` is the validated `Ticket`.
 * @event ph-back - (internal) "Back" was pressed.
 *
 * @csspart back - The back button.
 * @csspart title - The form's heading.
 * @csspart field - A label, its control and its error message.
 * @csspart label - A field label.
 * @csspart control - An input or the textarea.
 * @csspart field-error - The message under an invalid field.
 * @csspart attach - "Attach files" and the drop hint beside it.
 * @csspart error - The alert shown when sending failed.
 * @csspart send - The Send button.
 */
export class PortholeContactForm extends LitElement {
  static override styles = [sharedStyles, styles, attachControlStyles];
  static override properties = {
    draft: { attribute: false },
    context: { attribute: false },
    sending: { type: Boolean },
    error: {},
    i18n: { attribute: false },
    fieldErrors: { attribute: false },
    parseTicket: { attribute: false },
    fields: { attribute: false },
    fieldKit: { attribute: false },
    canAttach: { type: Boolean, attribute: 'can-attach' },
    formError: { state: true },
    dragging: { state: true },
  };

  /** The visitor's fields (and the values of the site's fields, by name). */
  declare draft: Pick<Draft, DraftField> & Partial<Pick<Draft, 'fields'>>;
  /** Locale and page address sent along with the ticket. @default {} */
  declare context: TicketContext;
  /** A send is under way: Send is disabled, fields are read-only. @default false */
  declare sending: boolean;
  /** Why the last send failed, shown in an alert with a "Try again" button. */
  declare error: string | undefined;
  /** The interface's words, in the page's language. @default English */
  declare i18n: Translator;
  /** Messages under the fields (from the schema here, or from the server). @default {} */
  declare fieldErrors: FieldErrors;
  /** The shared schema's check (`parseTicket` from `@porthole/tickets`). */
  declare parseTicket: typeof parseTicket | undefined;
  /** The site's own fields and hidden values, checked (`readFields`). @default [] */
  declare fields: readonly FormField[];
  /** The code that draws and checks them (the `fields` chunk). */
  declare fieldKit: Chunks['fields'] | undefined;
  /** Offer "Attach files". @default false */
  declare canAttach: boolean;

  declare private formError: string | undefined;
  declare private dragging: boolean;

  /** Validation waits for the first Send; after that, typing re-checks. */
  private attempted = false;

  constructor() {
    super();
    this.draft = { name: '', email: '', subject: '', message: '', fields: {} };
    this.context = {};
    this.sending = false;
    this.error = undefined;
    this.i18n = englishTranslator();
    this.fieldErrors = {};
    this.parseTicket = undefined;
    this.fields = [];
    this.fieldKit = undefined;
    this.canAttach = false;
    this.formError = undefined;
    this.dragging = false;
    this.addEventListener('ph-focus-attach', () => this.control('attach')?.focus());
  }

  /** Focus the first empty field (a prefilled name and email need no attention). */
  override focus(options?: FocusOptions): void {
    const field = draftFields.find((name) => !this.draft[name].trim()) ?? 'message';
    this.control(field)?.focus(options);
  }

  /** Show errors (e.g. the server's) and focus the first invalid field. */
  showErrors(errors: FieldErrors): void {
    this.attempted = true;
    this.fieldErrors = errors;
    void this.updateComplete.then(() => {
      const first = this.errorTargets().find(([key]) => errors[key]);
      if (first) this.control(first[1])?.focus();
    });
  }

  /** Error keys in the order the fields are shown, with the id of each one's control. */
  private errorTargets(): [key: string, id: string][] {
    const targets: [string, string][] = draftFields.map((field) => [field, field]);
    this.fields.forEach((field, index) => {
      if (field.type !== 'hidden') targets.push([fieldErrorKey(field.name), customFieldId(index)]);
    });
    return targets;
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    // After a first Send, the messages follow what the visitor types.
    if (changed.has('draft') && this.attempted && !this.sending) this.validate();
  }

  protected override updated(changed: Map<string, unknown>): void {
    // Send was disabled while sending, so focus fell out of the form: put it on the way out.
    if (changed.has('error') && this.error) {
      this.renderRoot.querySelector<HTMLElement>('.error button')?.focus();
    }
  }

  private control(id: string): HTMLInputElement | HTMLTextAreaElement | null {
    return this.renderRoot.querySelector(`#${id}`);
  }

  /**
   * Validate with the shared schema; returns the ticket, or undefined after showing errors
   * (or without the schema).
   */
  private validate() {
    if (!this.parseTicket) return undefined;
    const input: Record<string, unknown> = { ...this.context };
    for (const field of draftFields) input[field] = this.draft[field];
    const kit = this.fieldKit;
    const values = this.draft.fields ?? {};
    const metadata = kit?.collectMetadata(this.fields, values);
    if (metadata) input.metadata = metadata;
    const result = this.parseTicket(input);
    const required = kit?.requiredErrors(this.fields, values, this.i18n) ?? {};
    const invalid = result.success
      ? {}
      : translateFieldErrors(result.fieldErrors, result.fieldIssues, this.i18n);
    this.fieldErrors = { ...required, ...invalid };
    // A problem outside the visible fields (say, a page address the schema refuses) still
    // needs saying, or Send would seem to do nothing.
    this.formError =
      result.success || this.errorTargets().some(([key]) => this.fieldErrors[key])
        ? undefined
        : result.message;
    return result.success && Object.keys(required).length === 0 ? result.ticket : undefined;
  }

  private onDrag(event: DragEvent): void {
    // Only files: dragged text and links go where they are dropped, as ever.
    if (!this.canAttach || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    // Moving from one of the form's own elements to another is not leaving it.
    this.dragging =
      event.type === 'dragover' || this.renderRoot.contains(event.relatedTarget as Node | null);
  }

  private takeFiles(event: DragEvent | ClipboardEvent): void {
    const data = 'dataTransfer' in event ? event.dataTransfer : event.clipboardData;
    const files = [...(data?.files ?? [])];
    this.dragging = false;
    if (!this.canAttach || files.length === 0) return;
    // Files, not their names as text, and no browser tab opening the dropped file.
    event.preventDefault();
    emitInternal(this, 'ph-files', files);
  }

  private submit(event?: Event): void {
    event?.preventDefault();
    if (this.sending) return;
    this.attempted = true;
    const ticket = this.validate();
    if (ticket) emitInternal(this, 'ph-send', ticket);
    else this.showErrors(this.fieldErrors);
  }

  private renderField(field: DraftField) {
    const { type, autocomplete, required } = INPUTS[field];
    const error = this.fieldErrors[field];
    const common = {
      describedBy: error ? `${field}-error` : nothing,
      invalid: error ? 'true' : nothing,
    };
    const onInput = (event: Event) => {
      const { value } = event.target as HTMLInputElement | HTMLTextAreaElement;
      emitInternal(this, 'ph-draft', { field, value });
    };
    return html`<div part="field" class="field">
      <label part="label" for=${field}>${this.i18n.t(field)}</label>
      ${
        type === 'textarea'
          ? html`<textarea
              part="control"
              id=${field}
              name=${field}
              rows="5"
              ?required=${required}
              ?readonly=${this.sending}
              aria-invalid=${common.invalid}
              aria-describedby=${common.describedBy}
              .value=${this.draft[field]}
              @input=${onInput}
            ></textarea>`
          : html`<input
              part="control"
              id=${field}
              name=${field}
              type=${type}
              autocomplete=${autocomplete}
              ?required=${required}
              ?readonly=${this.sending}
              aria-invalid=${common.invalid}
              aria-describedby=${common.describedBy}
              .value=${this.draft[field]}
              @input=${onInput}
            />`
      }
      ${
        error
          ? html`<p part="field-error" class="field-error" id="${field}-error">${error}</p>`
          : nothing
      }
    </div>`;
  }

  protected override render() {
    const { t } = this.i18n;
    return html`
      ${renderBackButton(this, t('back'))}
      <form
        novalidate
        class=${this.dragging ? 'dragging' : ''}
        @submit=${this.submit}
        @dragover=${this.onDrag}
        @dragleave=${this.onDrag}
        @drop=${this.takeFiles}
        @paste=${this.takeFiles}
      >
        <h2 part="title">${t('contactTitle')}</h2>
        ${draftFields.map((field) => this.renderField(field))}
        ${this.fields.map((field, index) =>
          field.type === 'hidden' || !this.fieldKit
            ? nothing
            : this.fieldKit.renderCustomField(
                this,
                field,
                index,
                this.draft.fields ?? {},
                this.fieldErrors[fieldErrorKey(field.name)],
                this.i18n,
                this.sending,
              ),
        )}
        ${this.canAttach ? renderAttachControl(this, this.i18n) : nothing}
        <div role="alert" part="error" class="error" ?hidden=${!this.error && !this.formError}>
          ${
            this.error
              ? html`<p>${this.error}</p>
                  <button class="secondary" type="button" @click=${() => this.submit()}>
                    ${t('tryAgain')}
                  </button>`
              : this.formError
          }
        </div>
        <div class="actions">
          <button part="send" class="primary" type="submit" ?disabled=${this.sending}>
            ${t('send')}
          </button>
          <span class="muted" role="status">${this.sending ? t('sending') : ''}</span>
        </div>
        <p class="muted note">${t('draftKept')}</p>
      </form>
    `;
  }
}
