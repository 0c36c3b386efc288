import type { TicketReceipt } from '@porthole/tickets';
import { LitElement, html } from 'lit';
import { emitInternal } from '../../core/events.js';
import { sharedStyles } from '../shared.styles.js';
import { defaultStrings } from '../../core/strings.js';
import type { PortholeStrings } from '../../core/strings.js';
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
    strings: { attribute: false },
    queued: {},
    later: { type: Boolean },
  };

  /** The server's answer. */
  declare receipt: TicketReceipt | undefined;
  /** UI text. @default defaultStrings */
  declare strings: PortholeStrings;
  /** Not sent yet, but saved: the browser is `offline`, or the `server` failed. */
  declare queued: 'offline' | 'server' | undefined;
  /** The receipt is that of a message that was saved first and sent by itself. @default false */
  declare later: boolean;

  constructor() {
    super();
    this.receipt = undefined;
    this.strings = defaultStrings;
    this.queued = undefined;
    this.later = false;
  }

  /** Focus the heading, so a screen reader reads the confirmation out. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('h2')?.focus(options);
  }

  protected override render() {
    const s = this.strings;
    // The reference is its own element (to style and select it), so the sentence around it is
    // split at the placeholder rather than formatted into one string.
    const [before = '', after = ''] = s.reference.split('{reference}');
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
        <h2 part="title" tabindex="-1">${this.queued ? s.queuedTitle : s.sentTitle}</h2>
        ${
          this.queued
            ? html`<p>${this.queued === 'offline' ? s.queuedOffline : s.queuedServerDown}</p>`
            : html`<p>${this.later ? s.queuedSent : s.sentBody}</p>
                <p>
                  ${before}<strong part="reference" class="reference"
                    >${this.receipt?.reference}</strong
                  >${after}
                </p>`
        }
      </div>
      <button
        part="back"
        class="secondary"
        type="button"
        @click=${() => emitInternal(this, 'ph-back')}
      >
        ${s.backToSearch}
      </button>
    `;
  }
}
