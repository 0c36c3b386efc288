import type { ArticleSummary } from '@porthole/kb';

/** Turn a `pages` glob (`/billing/**`, `/account/*`, `/pricing`) into a RegExp (no eval). */
function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob.charAt(i);
    if (char === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}/?$`);
}

/** True when the page path matches one of the article's `pages` globs. */
export function matchesPage(pages: readonly string[], pathname: string): boolean {
  return pages.some((glob) => globToRegExp(glob).test(pathname));
}

/**
 * What to show before the visitor types: articles whose `pages` match this page first, then
 * the knowledge base's own order (front matter `order`, then title).
 */
export function suggestArticles(
  articles: readonly ArticleSummary[],
  pathname: string,
  limit = 5,
): ArticleSummary[] {
  const forPage = articles.filter((article) => matchesPage(article.pages, pathname));
  const rest = articles.filter((article) => !forPage.includes(article));
  return [...forPage, ...rest].slice(0, limit);
}
