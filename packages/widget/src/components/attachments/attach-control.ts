import { css, html } from 'lit';
import { emitInternal } from '../../core/events.js';
import type { Translator } from '../../i18n/translator.js';

/**
 * "Attach files" on the contact form: a real file input (so keyboards, screen readers and
 * `setInputFiles` reach it, named by its label) dressed as a button, and the slot where the
 * list of files appears once its code has loaded. Dropping and pasting files are handled by
 * the form around it; all three fire `ph-files`.
 */
export function renderAttachControl(host: HTMLElement, { t }: Translator) {
  const onChange = (event: Event) => {
    const input = event.target as HTMLInputElement;
    emitInternal(host, 'ph-files', [...(input.files ?? [])]);
    // The same file picked again (after removing it) must fire `change` again.
    input.value = '';
  };
  return html`<div part="attach" class="attach">
      <input id="attach" class="attach-input" type="file" multiple @change=${onChange} />
      <label for="attach" class="secondary attach-button">
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <path
            d="M20 11.5l-8.1 8.1a5 5 0 0 1-7.1-7.1l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4l7.8-7.8"
            fill="none"
            stroke="currentColor"
            stroke-width="1.8"
            stroke-linecap="round"
          />
        </svg>
        ${t('attachFiles')}
      </label>
      <span class="muted">${t('dropZone')}</span>
    </div>
    <slot name="attachments"></slot>`;
}

export const attachControlStyles = css`
  .attach {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em 0.7em;
    margin-bottom: 0.9em;
  }
  /* Out of sight, not out of reach: the label is what people see and click. */
  .attach-input {
    position: absolute;
    width: 1px;
    height: 1px;
    opacity: 0;
    overflow: hidden;
  }
  .attach-button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: 0.45em 0.9em;
    border: 1px solid var(--porthole-border);
    border-radius: calc(var(--porthole-radius) / 2);
    cursor: pointer;
  }
  .attach-input:focus-visible + .attach-button {
    outline: var(--porthole-focus-ring-width) solid var(--porthole-focus-ring-color);
    outline-offset: 2px;
  }
  .dragging {
    outline: 2px dashed var(--porthole-accent);
    outline-offset: 4px;
  }
  ::slotted(porthole-attachments) {
    margin: -0.5em 0 0.9em;
  }
`;
