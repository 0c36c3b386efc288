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

/** What the home view lists before the visitor types, group by group. */
export interface HomeArticles {
  /** Every article listed, in the order shown: the options of the home view's list. */
  suggestions: ArticleSummary[];
  /**
   * The groups `suggestions` is cut into, in order: the articles for this page (`category`
   * undefined, `forPage` true), then each category's first articles; `size` of each.
   */
  groups: { forPage?: boolean; category?: string; size: number }[];
}

/**
 * The home view's list: the articles whose `pages` match this page, then, topic by topic
 * (alphabetical, those without one last), each category's first `perTopic` articles in the
 * knowledge base's order — front matter `order`, then title — so the ones authors put first.
 */
export function homeArticles(
  articles: readonly ArticleSummary[],
  pathname: string,
  perTopic = 3,
): HomeArticles {
  const forPage = articles.filter((article) => matchesPage(article.pages, pathname)).slice(0, 3);
  const topics = new Map<string | undefined, ArticleSummary[]>();
  for (const article of articles) {
    if (forPage.includes(article)) continue;
    const topic = topics.get(article.category) ?? [];
    if (topic.length < perTopic) topics.set(article.category, [...topic, article]);
  }
  const byName = [...topics].sort(([a], [b]) => (a ?? '\uffff').localeCompare(b ?? '\uffff'));
  const groups: HomeArticles['groups'] = forPage.length
    ? [{ forPage: true, size: forPage.length }]
    : [];
  for (const [category, list] of byName) {
    groups.push({ ...(category !== undefined && { category }), size: list.length });
  }
  return { suggestions: [...forPage, ...byName.flatMap(([, list]) => list)], groups };
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
