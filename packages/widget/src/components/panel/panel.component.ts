import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import type { Placement } from '@floating-ui/dom';
import { LitElement, html } from 'lit';
import { emitInternal } from '../../events.js';
import { sharedStyles } from '../../shared.styles.js';
import styles from './panel.styles.js';

/** Below this the panel becomes a full-screen sheet instead of floating next to its anchor. */
const SHEET_QUERY = '(max-width: 480px), (max-height: 480px)';
/** Space kept between the panel and the viewport edges. */
const VIEWPORT_PADDING = 8;

/**
 * @summary The help dialog: a header with its title and a close button, and a scrolling body.
 * Floats next to its anchor (the launcher) with Floating UI so it always stays inside the
 * viewport; on very small viewports it fills the screen as a sheet.
 *
 * The host carries `role="dialog"` and `aria-label` so that the launcher can name it in
 * `aria-controls` from the same shadow root.
 *
 * @slot - The current view.
 *
 * @event ph-close - (internal, not composed) The close button was pressed or Escape was hit.
 *
 * @csspart header - The title bar.
 * @csspart title - The visible title.
 * @csspart close - The close button.
 * @csspart body - The scrolling area around the slot.
 *
 * @cssprop --porthole-panel-width - Width of the floating panel.
 * @cssprop --porthole-panel-height - Preferred height (the viewport may make it smaller).
 * @cssprop --porthole-background - Panel background.
 */
export class PortholePanel extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = {
    open: { type: Boolean, reflect: true },
    label: {},
    closeLabel: { attribute: 'close-label' },
    placement: {},
    anchor: { attribute: false },
    sheet: { type: Boolean, reflect: true },
  };

  /**
   * Shown or hidden.
   * @default false
   */
  declare open: boolean;
  /**
   * Accessible name and visible title.
   * @default 'Help'
   */
  declare label: string;
  /**
   * Accessible name of the close button.
   * @default 'Close'
   */
  declare closeLabel: string;
  /**
   * Preferred side of the anchor; Floating UI flips and shifts it to stay in view.
   * @default 'top-end'
   */
  declare placement: Placement;
  /** The element the panel floats next to. */
  declare anchor: Element | undefined;
  /** Set while the panel is shown as a full-screen sheet (read-only). */
  declare sheet: boolean;

  private stopAutoUpdate: (() => void) | undefined;

  constructor() {
    super();
    this.open = false;
    this.label = 'Help';
    this.closeLabel = 'Close';
    this.placement = 'top-end';
    this.anchor = undefined;
    this.sheet = false;
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        emitInternal(this, 'ph-close');
      }
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'dialog');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopPositioning();
  }

  protected override updated(changed: Map<string, unknown>): void {
    this.setAttribute('aria-label', this.label);
    if (changed.has('open') || changed.has('anchor') || changed.has('placement')) {
      this.stopPositioning();
      if (this.open && this.anchor) {
        const anchor = this.anchor;
        this.stopAutoUpdate = autoUpdate(anchor, this, () => void this.reposition(anchor));
      }
    }
  }

  private stopPositioning(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
  }

  /** Float next to the anchor, or fill the screen when the viewport is too small for that. */
  private async reposition(anchor: Element): Promise<void> {
    this.sheet = matchMedia(SHEET_QUERY).matches;
    if (this.sheet) {
      // Floating UI's coordinates are inline styles (set through CSSOM, which a strict CSP
      // allows); the sheet layout lives in the stylesheet and needs them gone.
      this.style.removeProperty('left');
      this.style.removeProperty('top');
      this.style.removeProperty('max-width');
      this.style.removeProperty('max-height');
      return;
    }
    const { x, y } = await computePosition(anchor, this, {
      strategy: 'fixed',
      placement: this.placement,
      middleware: [
        offset(12),
        flip({ padding: VIEWPORT_PADDING }),
        shift({ padding: VIEWPORT_PADDING }),
        size({
          padding: VIEWPORT_PADDING,
          apply: ({ availableWidth, availableHeight, elements }) => {
            elements.floating.style.maxWidth = `${Math.max(0, availableWidth)}px`;
            elements.floating.style.maxHeight = `${Math.max(0, availableHeight)}px`;
          },
        }),
      ],
    });
    // A sheet switch or a close may have happened while Floating UI measured.
    if (!this.open || this.sheet) return;
    this.style.left = `${x}px`;
    this.style.top = `${y}px`;
  }

  protected override render() {
    return html`
      <div part="header" class="header">
        <span part="title" class="title">${this.label}</span>
        <button
          part="close"
          class="close"
          type="button"
          aria-label=${this.closeLabel}
          @click=${() => emitInternal(this, 'ph-close')}
        >
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path
              d="M6 6l12 12M18 6L6 18"
              stroke="currentColor"
              stroke-width="2.2"
              stroke-linecap="round"
            />
          </svg>
        </button>
      </div>
      <div part="body" class="body"><slot></slot></div>
    `;
  }
}
