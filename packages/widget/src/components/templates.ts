import { html } from 'lit';
import { emitInternal } from '../core/events.js';
import type { PortholeStrings } from '../core/strings.js';

/** The "‹ Back" button of the article view and the contact form; fires `ph-back`. */
export function renderBackButton(host: HTMLElement, label: string) {
  return html`<button
    part="back"
    class="back link"
    type="button"
    @click=${() => emitInternal(host, 'ph-back')}
  >
    ‹ ${label}
  </button>`;
}

/** "Didn't find what you need? Contact us", always in reach; fires `ph-contact`. */
export function renderContactPrompt(host: HTMLElement, strings: PortholeStrings) {
  return html`<p part="contact" class="contact">
    <span class="muted">${strings.contactPrompt}</span>
    <button class="link" type="button" @click=${() => emitInternal(host, 'ph-contact')}>
      ${strings.contactUs}
    </button>
  </p>`;
}
