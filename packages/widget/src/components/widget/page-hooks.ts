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

/**
 * Where a deep link opens the widget: an article (its slug; at a section; in a locale other
 * than the page's) or a search.
 */
export type DeepLink = { article: string; section?: string; locale?: string } | { search: string };

/**
 * What a `#porthole-article=<slug>[&section=<id>][&locale=<code>]` or
 * `#porthole-search=<query>` fragment asks for, if anything. Values are URL-encoded; a query
 * may come form-encoded (`refund+policy`).
 */
export function readDeepLink(hash: string): DeepLink | undefined {
  if (!hash.startsWith('#porthole-')) return undefined;
  const params = new URLSearchParams(hash.slice(1));
  const value = (name: string) => params.get(name)?.trim() || undefined;
  const article = value('porthole-article');
  if (article) {
    const section = value('section');
    const locale = value('locale');
    return { article, ...(section && { section }), ...(locale && { locale }) };
  }
  const search = value('porthole-search');
  return search ? { search } : undefined;
}

/** The fragment that opens `link`: the inverse of {@link readDeepLink}. */
export function writeDeepLink(link: DeepLink): string {
  const params = new URLSearchParams();
  if ('search' in link) params.set('porthole-search', link.search);
  else {
    params.set('porthole-article', link.article);
    if (link.section) params.set('section', link.section);
    if (link.locale) params.set('locale', link.locale);
  }
  // Spaces as %20 rather than +: the fragment is read by people too.
  return `#${params.toString().replaceAll('+', '%20')}`;
}
