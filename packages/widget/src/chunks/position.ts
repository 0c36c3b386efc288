/**
 * The positioning chunk (`porthole-position-<hash>.js`): Floating UI, loaded only when the
 * panel opens next to a page's own button (`data-porthole-open`) instead of the launcher in
 * its corner, which plain CSS places.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import type { Placement } from '@floating-ui/dom';

/** Space kept between the panel and the viewport edges. */
const VIEWPORT_PADDING = 8;

/**
 * Keep `panel` next to `anchor` and inside the viewport while either moves or resizes.
 * Coordinates are set through the CSSOM (which a strict CSP allows). Returns the function
 * that stops following.
 */
export function placeNextTo(anchor: Element, panel: HTMLElement, placement: Placement) {
  return autoUpdate(anchor, panel, async () => {
    const { x, y } = await computePosition(anchor, panel, {
      strategy: 'fixed',
      placement,
      middleware: [
        offset(8),
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
    panel.style.left = `${x}px`;
    panel.style.top = `${y}px`;
  });
}
