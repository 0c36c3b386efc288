/**
 * Public types of a Porthole knowledge base. The compiled format (manifest, index, article
 * files) is private to `@porthole/kb` and `@porthole/kb-compiler`; everything a consumer sees
 * is here.
 */

/** One heading-delimited part of an article (split at h2/h3). */
export interface ArticleSection {
  /** The heading's `id` in the article HTML, usable as a URL fragment. */
  id: string;
  title: string;
  /** 2 or 3. */
  level: number;
}

/** What the manifest knows about an article without fetching its body. */
export interface ArticleSummary {
  slug: string;
  locale: string;
  title: string;
  description?: string;
  category?: string;
  tags: string[];
  order?: number;
  /** ISO date from front matter `updated`. */
  updated?: string;
  translationKey?: string;
  /** URL path globs where the widget suggests this article. */
  pages: string[];
  sections: ArticleSection[];
}

/** A full article, fetched lazily when a visitor opens it. */
export interface Article extends ArticleSummary {
  /** Sanitized HTML of the body (sanitized at compile time; render it through DOMPurify anyway). */
  html: string;
  /** Other locales of the same article (same `translationKey`): locale → slug. */
  translations: Record<string, string>;
}

export interface SearchHit {
  slug: string;
  locale: string;
  /** The article's title. */
  title: string;
  /** Present when a section matches better than the article as a whole. */
  section?: { id: string; title: string };
  /** Relevance in (0, 1]; higher is better. Comparable only within one result list. */
  score: number;
  /** Short plain-text excerpt (never HTML). */
  snippet: string;
  category?: string;
}

export interface SearchOptions {
  /**
   * Locale to search. Falls back to the closest available locale (`pt-BR` → `pt`), then to
   * the knowledge base's default locale.
   * @default the knowledge base's default locale
   */
  locale?: string;
  /**
   * Maximum number of hits.
   * @default 10
   */
  limit?: number;
  /**
   * Also search these other locales and merge their hits, ranked below equally good hits in
   * `locale`. Lets a visitor who types Greek on an English page still find the Greek article.
   * `'all'` means every other locale the knowledge base has.
   * @default []
   */
  alsoLocales?: readonly string[] | 'all';
}

export interface KnowledgeBase {
  /** Locales that have at least one article, default first. */
  readonly locales: readonly string[];
  readonly defaultLocale: string;
  /** Resolve a requested locale (`hr-HR`, `HR`, `pt-BR`) to one this KB has. */
  resolveLocale(locale?: string): string;
  /** Every published article in a locale (default: the default locale), in `order` then title order. */
  articles(locale?: string): ArticleSummary[];
  /** Ranked hits for what a visitor typed. Loads the locale's index on first use. */
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  /** The full article; rejects with a `KnowledgeBaseError` (code `not-found`) if there is none. */
  article(slug: string, locale?: string): Promise<Article>;
}
