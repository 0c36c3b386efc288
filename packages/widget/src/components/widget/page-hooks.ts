/**
 * How the page reaches the widget without calling it: a keyboard shortcut and deep links in
 * the page's URL (`#porthole-article=billing%2Frefunds`, `#porthole-search=refund`).
 */

const APPLE = /Mac|iPhone|iPad|iPod/;

/**
 * True when `event` is the key combination `shortcut` (`'?'`, `'Mod+/'`, `'Alt+Shift+H'`;
 * `Mod` is ⌘ on Apple devices, Ctrl elsewhere). A shortcut without Ctrl, Alt or Meta never
 * fires while the visitor types into a field, and no shortcut fires on a repeated key.
 */
export function matchesShortcut(event: KeyboardEvent, shortcut: string): boolean {
  if (event.repeat || event.isComposing) return false;
  const parts = shortcut.split('+').map((part) => part.trim().toLowerCase());
  // `Mod++` and `+` name the plus key itself.
  const key = shortcut.endsWith('+') ? '+' : (parts.pop() ?? '');
  const wanted = new Set(parts.filter(Boolean));
  if (wanted.delete('mod')) wanted.add(APPLE.test(navigator.platform) ? 'meta' : 'ctrl');
  const pressed = {
    ctrl: event.ctrlKey,
    alt: event.altKey,
    meta: event.metaKey,
    shift: event.shiftKey,
  };
  for (const [name, down] of Object.entries(pressed)) {
    // Shift is part of printable keys such as `?`: only checked when the shortcut names it.
    if (name === 'shift' && !wanted.has('shift') && key.length === 1 && !/[a-z]/.test(key)) {
      continue;
    }
    if (down !== wanted.has(name)) return false;
  }
  if (event.key.toLowerCase() !== key) return false;
  const typing = isEditable(event.composedPath()[0]);
  return !typing || pressed.ctrl || pressed.alt || pressed.meta;
}

function isEditable(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement &&
      !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(target.type))
  );
}

export type DeepLink = { kind: 'article'; slug: string } | { kind: 'search'; query: string };

/** What a `#porthole-article=…` or `#porthole-search=…` fragment asks for, if anything. */
export function readDeepLink(hash: string): DeepLink | undefined {
  const match = /^#porthole-(article|search)=(.*)$/.exec(hash);
  if (!match?.[2]) return undefined;
  let value: string;
  try {
    // A query may come form-encoded (`refund+policy`); a slug never has spaces.
    const raw = match[1] === 'search' ? match[2].replace(/\+/g, ' ') : match[2];
    value = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (!value.trim()) return undefined;
  return match[1] === 'article'
    ? { kind: 'article', slug: value }
    : { kind: 'search', query: value };
}
