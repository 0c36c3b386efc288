import type { TextRange } from '@porthole/kb';
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

/**
 * `text` with the given ranges (from a search hit's `matches`) in `<mark>`: text nodes and
 * elements, never HTML built from strings. Ranges out of order or out of bounds are skipped.
 */
export function marked(text: string, ranges: readonly TextRange[] = []) {
  const pieces: unknown[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end > text.length || start >= end) continue;
    pieces.push(text.slice(at, start), html`<mark>${text.slice(start, end)}</mark>`);
    at = end;
  }
  pieces.push(text.slice(at));
  return pieces;
}

/**
 * A chevron pointing back, or forward with `forward`: left and right in left-to-right text,
 * mirrored in right-to-left text (the shared styles flip `.flip`).
 */
export function chevron(forward = false) {
  return html`<svg class="flip" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true">
    <path
      d=${forward ? 'M6 3l5 5-5 5' : 'M10 3 5 8l5 5'}
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    />
  </svg>`;
}

/** The "‹ Back" button of the article view and the contact form; fires `ph-back`. */
export function renderBackButton(host: HTMLElement, label: string) {
  return html`<button
    part="back"
    class="back link"
    type="button"
    @click=${() => emitInternal(host, 'ph-back')}
  >
    ${chevron()} ${label}
  </button>`;
}

/**
 * "Didn't find what you need? Contact us", always in reach (with another lead-in on the home
 * view); fires `ph-contact`.
 */
export function renderContactPrompt(
  host: HTMLElement,
  { t }: Translator,
  lead: unknown = t('contactPrompt'),
) {
  return html`<p part="contact" class="contact">
    <span class="muted">${lead}</span>
    <button class="link" type="button" @click=${() => emitInternal(host, 'ph-contact')}>
      ${t('contactUs')}
    </button>
  </p>`;
}
