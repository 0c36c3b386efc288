/**
 * How the page reaches the widget without calling it: deep links in the page's URL
 * (`#porthole-article=billing%2Frefunds&section=window`, `#porthole-search=refund`). The
 * keyboard shortcut is `shortcut.ts`, a part loaded only where a site sets one.
 */

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
