import { LitElement, html, nothing } from 'lit';
import type { AttachmentItem, AttachmentList } from '../../controllers/attachments.js';
import { fileSize } from '../../controllers/attachments.js';
import { emitInternal } from '../../core/events.js';
import { formatPercent } from '../../i18n/format-units.js';
import { englishTranslator } from '../../i18n/translator.js';
import type { Translator } from '../../i18n/translator.js';
import { sharedStyles } from '../shared.styles.js';
import styles from './attachments.styles.js';

/**
 * @summary The files attached to the contact form: each with its name, size, upload progress
 * and a remove button, and the reason beside any file that will not be sent. Part of the
 * `attachments` chunk, loaded when a visitor first attaches something; the contact form shows
 * it in its `attachments` slot.
 *
 * It displays an `AttachmentList` (the files and their uploads, which outlive this element
 * when the visitor leaves the form and comes back) and re-renders when its `version` changes.
 *
 * @event ph-focus-attach - (internal) The last file was removed: focus "Attach files".
 *
 * @csspart list - The list of files.
 * @csspart file - One file.
 * @csspart file-name - Its name.
 * @csspart file-size - Its size.
 * @csspart progress - Its upload progress bar.
 * @csspart file-error - Why it will not be sent.
 * @csspart remove - Its remove button.
 */
export class PortholeAttachments extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = {
    list: { attribute: false },
    version: { type: Number },
    i18n: { attribute: false },
  };

  /** The files. */
  declare list: AttachmentList | undefined;
  /** The list's `version`: a new value re-renders. @default 0 */
  declare version: number;
  /** The interface's words, in the page's language. @default English */
  declare i18n: Translator;

  constructor() {
    super();
    this.list = undefined;
    this.version = 0;
    this.i18n = englishTranslator();
  }

  /** Remove a file; focus moves to the next one's button, or back to "Attach files". */
  private async removeFile(item: AttachmentItem, index: number): Promise<void> {
    this.list?.remove(item);
    this.version = this.list?.version ?? this.version + 1;
    await this.updateComplete;
    const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>('[part=remove]');
    const next = buttons[Math.min(index, buttons.length - 1)];
    if (next) next.focus();
    else emitInternal(this, 'ph-focus-attach');
  }

  private renderItem(item: AttachmentItem, index: number) {
    const i18n = this.i18n;
    const { t } = i18n;
    const { name, size } = item.file;
    const uploading = !item.uploaded && !item.error;
    return html`<li part="file" class=${item.error ? 'failed' : ''}>
      <span part="file-name" class="name">${name}</span>
      <span part="file-size" class="size muted">${fileSize(size, i18n)}</span>
      <button
        part="remove"
        class="remove"
        type="button"
        aria-label=${t('attachmentRemove', { name })}
        @click=${() => void this.removeFile(item, index)}
      >
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2" />
        </svg>
      </button>
      ${
        uploading
          ? html`<progress
                part="progress"
                max="100"
                .value=${Math.round(item.progress * 100)}
                aria-label=${t('uploadProgressLabel', { name })}
              ></progress
              ><span class="status muted"
                >${t('uploadProgress', { percent: formatPercent(item.progress, i18n.locale) })}</span
              >`
          : nothing
      }
      ${item.error ? html`<p part="file-error" class="error">${item.error}</p>` : nothing}
    </li>`;
  }

  protected override render() {
    const items = this.list?.items ?? [];
    const sent = items.filter((item) => !item.error).length;
    const count = sent > 0 ? this.i18n.t('attachmentCount', { count: sent }) : '';
    return html`
      ${
        items.length > 0
          ? html`<ul part="list" aria-label=${this.i18n.t('attachmentsLabel')}>
              ${items.map((item, index) => this.renderItem(item, index))}
            </ul>`
          : nothing
      }
      <p class="announce" role="status">${count}</p>
      <div class="announce" role="alert">
        ${[...items].reverse().find((item) => item.error)?.error ?? ''}
      </div>
    `;
  }
}
