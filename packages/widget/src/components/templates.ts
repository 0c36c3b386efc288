import { html } from 'lit';
import { emitInternal } from '../core/events.js';
import type { MessagePart, Translator } from '../i18n/translator.js';

/**
 * A translated sentence with each inserted value (a query, a name, a reference) in `<bdi>`,
 * so text in another direction or script cannot reorder the sentence around it.
 */
export function isolate(parts: readonly MessagePart[]) {
  return parts.map((part) => (typeof part === 'string' ? part : html`<bdi>${part.value}</bdi>`));
}

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
export function renderContactPrompt(host: HTMLElement, { t }: Translator) {
  return html`<p part="contact" class="contact">
    <span class="muted">${t('contactPrompt')}</span>
    <button class="link" type="button" @click=${() => emitInternal(host, 'ph-contact')}>
      ${t('contactUs')}
    </button>
  </p>`;
}
