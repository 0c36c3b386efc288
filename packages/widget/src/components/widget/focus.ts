/**
 * Focus across shadow roots: what has focus, and which elements Tab can reach inside an
 * element, in order, looking into shadow roots and slots as the browser does.
 */

/** The element that has focus, looking through every shadow root. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function childrenOf(node: Element): Element[] {
  if (node.shadowRoot) return [...node.shadowRoot.children];
  if (node instanceof HTMLSlotElement) return node.assignedElements({ flatten: true });
  return [...node.children];
}

/** The elements Tab reaches inside `root` (no positive `tabindex` is ever used here). */
export function tabbableElements(root: Element): HTMLElement[] {
  const found: HTMLElement[] = [];
  const walk = (node: Element) => {
    for (const child of childrenOf(node)) {
      if (!child.checkVisibility()) continue;
      const focusable =
        child instanceof HTMLElement &&
        child.tabIndex >= 0 &&
        !(child as HTMLButtonElement).disabled &&
        !child.inert;
      if (focusable) found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

/**
 * Keep Tab inside `container` (the modal sheet): from its last element Tab goes to its first,
 * from the first Shift+Tab to the last, instead of out to the browser or the page.
 */
export function wrapTab(event: KeyboardEvent, container: Element): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
  const tabbable = tabbableElements(container);
  const first = tabbable[0];
  const last = tabbable.at(-1);
  const active = deepActiveElement();
  const target = event.shiftKey
    ? active === first || !tabbable.includes(active as HTMLElement)
      ? last
      : undefined
    : active === last
      ? first
      : undefined;
  if (target) {
    event.preventDefault();
    target.focus();
  }
}
