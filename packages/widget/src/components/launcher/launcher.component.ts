import { LitElement, html, svg } from 'lit';
import { sharedStyles } from '../../shared.styles.js';
import styles from './launcher.styles.js';

/**
 * @summary The round help bubble in the corner of the page that opens and closes the panel.
 *
 * The host element itself is the button (`role="button"`, focusable, Enter and Space activate
 * it) rather than a `<button>` inside its shadow root: `aria-controls` can only point at an
 * element in the same tree, and the panel it controls lives beside it in `porthole-widget`'s
 * shadow root.
 *
 * @slot - Replaces the default icon.
 *
 * @csspart base - The bubble.
 * @csspart icon - The default icon.
 *
 * @cssprop --porthole-accent - Background of the bubble.
 * @cssprop --porthole-accent-contrast - Colour of the icon.
 * @cssprop --porthole-launcher-size - Diameter of the bubble.
 */
export class PortholeLauncher extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = {
    label: {},
    expanded: { type: Boolean, reflect: true },
  };

  /**
   * Accessible name.
   * @default 'Help'
   */
  declare label: string;
  /**
   * Whether the panel it controls is open (`aria-expanded`).
   * @default false
   */
  declare expanded: boolean;

  constructor() {
    super();
    this.label = 'Help';
    this.expanded = false;
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.click();
      } else if (event.key === ' ') event.preventDefault(); // no page scroll; activates on keyup
    });
    this.addEventListener('keyup', (event) => {
      if (event.key === ' ') this.click();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'button');
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
  }

  protected override updated(): void {
    this.setAttribute('aria-label', this.label);
    this.setAttribute('aria-expanded', String(this.expanded));
  }

  protected override render() {
    return html`<span part="base" class="base">
      <slot>
        <svg part="icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
          ${
            this.expanded
              ? svg`<path d="M6 9l6 6 6-6" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>`
              : svg`<path d="M12 3C7 3 3 6.6 3 11c0 2.3 1.1 4.4 2.9 5.9L5 21l4.3-2.4c.9.3 1.8.4 2.7.4 5 0 9-3.6 9-8s-4-8-9-8z" fill="currentColor"/><path class="mark" d="M10 9.2a2 2 0 1 1 2.9 1.8c-.6.3-.9.8-.9 1.4v.4M12 15.4v.1" fill="none" stroke-width="1.9" stroke-linecap="round"/>`
          }
        </svg>
      </slot>
    </span>`;
  }
}
