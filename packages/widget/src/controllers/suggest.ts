import type { Article, ArticleSummary } from '@porthole/kb';

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

/** What the home view lists before the visitor types. */
export interface HomeArticles {
  /** The articles whose `pages` match this page, then the most useful others. */
  suggestions: ArticleSummary[];
  /** How many of `suggestions`, from the start, are for this page. */
  forPage: number;
  /** Every article by category (alphabetical; those without one last), when there are two or more. */
  topics: [category: string | undefined, articles: ArticleSummary[]][];
}

/**
 * The home view's lists. The knowledge base lists articles by front matter `order`, then
 * title, so the most useful others are the first of that order: the articles authors put
 * first in each category.
 */
export function homeArticles(
  articles: readonly ArticleSummary[],
  pathname: string,
  limit = 5,
): HomeArticles {
  const forPage = articles.filter((article) => matchesPage(article.pages, pathname)).slice(0, 3);
  const popular = articles.filter((article) => !forPage.includes(article)).slice(0, limit);
  const topics = new Map<string | undefined, ArticleSummary[]>();
  for (const article of articles) {
    topics.set(article.category, [...(topics.get(article.category) ?? []), article]);
  }
  return {
    suggestions: [...forPage, ...popular],
    forPage: forPage.length,
    topics:
      topics.size > 1
        ? [...topics].sort(([a], [b]) => (a ?? '\uffff').localeCompare(b ?? '\uffff'))
        : [],
  };
}

const LINK = /data-porthole-article="([^"]+)"/g;

/**
 * What to read after `article`: the articles it links to, in the order it links to them,
 * then the others of its category, in the knowledge base's order; never itself.
 */
export function relatedArticles(
  article: Article,
  articles: readonly ArticleSummary[],
  limit = 5,
): ArticleSummary[] {
  const bySlug = new Map(articles.map((summary) => [summary.slug, summary]));
  const linked = [...article.html.matchAll(LINK)].map((match) => bySlug.get(match[1] ?? ''));
  const sameCategory = article.category
    ? articles.filter((summary) => summary.category === article.category)
    : [];
  const related = new Set([...linked, ...sameCategory]);
  related.delete(bySlug.get(article.slug));
  return [...related].filter((summary) => summary !== undefined).slice(0, limit);
}
