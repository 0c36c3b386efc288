import type { TicketReceipt } from '@porthole/tickets';
import { LitElement, html } from 'lit';
import { emitInternal } from '../../core/events.js';
import { sharedStyles } from '../shared.styles.js';
import { englishTranslator } from '../../i18n/translator.js';
import type { Translator } from '../../i18n/translator.js';
import styles from './confirmation.styles.js';

/**
 * @summary Tells the visitor their message was sent and shows the ticket reference — or that
 * it is saved and will be sent by itself (`queued`), and later that it was (`later`).
 *
 * @event ph-back - (internal) "Back to search" was pressed.
 *
 * @csspart title - The heading.
 * @csspart reference - The ticket reference.
 * @csspart back - The "Back to search" button.
 */
export class PortholeConfirmation extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = {
    receipt: { attribute: false },
    i18n: { attribute: false },
    queued: {},
    later: { type: Boolean },
  };

  /** The server's answer. */
  declare receipt: TicketReceipt | undefined;
  /** The interface's words, in the page's language. @default English */
  declare i18n: Translator;
  /** Not sent yet, but saved: the browser is `offline`, or the `server` failed. */
  declare queued: 'offline' | 'server' | undefined;
  /** The receipt is that of a message that was saved first and sent by itself. @default false */
  declare later: boolean;

  constructor() {
    super();
    this.receipt = undefined;
    this.i18n = englishTranslator();
    this.queued = undefined;
    this.later = false;
  }

  /** Focus the heading, so a screen reader reads the confirmation out. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('h2')?.focus(options);
  }

  protected override render() {
    const { t, parts } = this.i18n;
    // The reference is its own element (to style and select it): the sentence is rendered
    // from its parts, never from a string with markup.
    const reference = parts('reference', { reference: this.receipt?.reference ?? '' }).map(
      (part) =>
        typeof part === 'string'
          ? part
          : html`<bdi part="reference" class="reference">${part.value}</bdi>`,
    );
    return html`
      <div class="icon ${this.queued ? 'waiting' : ''}" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="40" height="40">
          <circle cx="12" cy="12" r="11" fill="currentColor" />
          <path
            class="tick"
            d=${this.queued ? 'M12 6.5V12l3.5 2.5' : 'M7 12.5l3.2 3.2L17 9'}
            fill="none"
            stroke-width="2.4"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        </svg>
      </div>
      <div role="status">
        <h2 part="title" tabindex="-1">${t(this.queued ? 'queuedTitle' : 'sentTitle')}</h2>
        ${
          this.queued
            ? html`<p>${t(this.queued === 'offline' ? 'queuedOffline' : 'queuedServerDown')}</p>`
            : html`<p>${t(this.later ? 'queuedSent' : 'sentBody')}</p>
                <p>${reference}</p>`
        }
      </div>
      <button
        part="back"
        class="secondary"
        type="button"
        @click=${() => emitInternal(this, 'ph-back')}
      >
        ${t('backToSearch')}
      </button>
    `;
  }
}
