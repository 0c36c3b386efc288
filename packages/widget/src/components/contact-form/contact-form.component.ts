import type { FieldErrors, parseTicket } from '@porthole/tickets';
import { LitElement, html, nothing } from 'lit';
import type { TicketContext } from '../../controllers/contact.controller.js';
import { draftFields } from '../../controllers/draft.js';
import type { Draft, DraftField } from '../../controllers/draft.js';
import { emitInternal } from '../../core/events.js';
import { translateFieldErrors } from '../../i18n/field-errors.js';
import { englishTranslator } from '../../i18n/translator.js';
import type { Translator } from '../../i18n/translator.js';
import { sharedStyles } from '../shared.styles.js';
import { renderBackButton } from '../templates.js';
import styles from './contact-form.styles.js';

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
 * It sends nothing itself: it fires `ph-send` with the validated ticket and the panel does
 * the rest, setting `sending` and `error`.
 *
 * @event ph-draft - (internal) A field changed; `detail` is `{ field, value }`.
 * @event ph-send - (internal) The form is valid; `detail` is the validated `Ticket`.
 * @event ph-back - (internal) "Back" was pressed.
 *
 * @csspart back - The back button.
 * @csspart title - The form's heading.
 * @csspart field - A label, its control and its error message.
 * @csspart label - A field label.
 * @csspart control - An input or the textarea.
 * @csspart field-error - The message under an invalid field.
 * @csspart error - The alert shown when sending failed.
 * @csspart send - The Send button.
 */
export class PortholeContactForm extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = {
    draft: { attribute: false },
    context: { attribute: false },
    sending: { type: Boolean },
    error: {},
    i18n: { attribute: false },
    fieldErrors: { attribute: false },
    parseTicket: { attribute: false },
    formError: { state: true },
  };

  /** The visitor's fields. */
  declare draft: Pick<Draft, DraftField>;
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

  declare private formError: string | undefined;

  /** Validation waits for the first Send; after that, typing re-checks. */
  private attempted = false;

  constructor() {
    super();
    this.draft = { name: '', email: '', subject: '', message: '' };
    this.context = {};
    this.sending = false;
    this.error = undefined;
    this.i18n = englishTranslator();
    this.fieldErrors = {};
    this.parseTicket = undefined;
    this.formError = undefined;
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
      const first = draftFields.find((field) => errors[field]);
      if (first) this.control(first)?.focus();
    });
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

  private control(field: DraftField): HTMLInputElement | HTMLTextAreaElement | null {
    return this.renderRoot.querySelector(`#${field}`);
  }

  /**
   * Validate with the shared schema; returns the ticket, or undefined after showing errors
   * (or without the schema).
   */
  private validate() {
    if (!this.parseTicket) return undefined;
    const input: Record<string, string> = { ...this.context };
    for (const field of draftFields) input[field] = this.draft[field];
    const result = this.parseTicket(input);
    this.fieldErrors = result.success
      ? {}
      : translateFieldErrors(result.fieldErrors, result.fieldIssues, this.i18n);
    // A problem outside the visible fields (say, a page address the schema refuses) still
    // needs saying, or Send would seem to do nothing.
    this.formError =
      result.success || draftFields.some((field) => result.fieldErrors[field])
        ? undefined
        : result.message;
    return result.success ? result.ticket : undefined;
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
      <form novalidate @submit=${this.submit}>
        <h2 part="title">${t('contactTitle')}</h2>
        ${draftFields.map((field) => this.renderField(field))}
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
