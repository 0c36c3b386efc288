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
  /**
   * Not set by `kb.articles()` (since format 2 the manifest leaves sections out, which keeps a
   * 10,000-article manifest small); an {@link Article} always has them.
   */
  sections?: ArticleSection[];
}

/** A full article, fetched lazily when a visitor opens it. */
export interface Article extends ArticleSummary {
  /** Its h2 and h3 headings, in order. */
  sections: ArticleSection[];
  /**
   * Sanitized HTML of the body (sanitized at compile time; render it through DOMPurify anyway).
   * Headings carry `id`s (the section ids). Links to other articles have a harmless
   * `href="#porthole-article=…"` plus `data-porthole-article="<slug>"` and, when they point at a
   * heading, `data-porthole-section="<id>"` (`data-porthole-locale` when in another locale):
   * intercept clicks on them to navigate inside the widget. External links have
   * `target="_blank" rel="noopener noreferrer"`. Images and files point at `<kb>/assets/…`.
   * DOMPurify's default `SANITIZE_DOM` drops ids like `title` or `images` (they could shadow
   * `document` properties); inside a shadow root they cannot, so keep them with
   * `SANITIZE_DOM: false`, or use `SANITIZE_NAMED_PROPS` and look for `user-content-<id>`.
   */
  html: string;
  /** Other locales of the same article (same `translationKey`): locale → slug. */
  translations: Record<string, string>;
}

/** `[start, end)`: UTF-16 offsets into a plain string; `text.slice(start, end)` is the match. */
export type TextRange = [start: number, end: number];

export interface SearchHit {
  slug: string;
  locale: string;
  /** The article's title. */
  title: string;
  /** Present when a section matches better than the article as a whole. */
  section?: { id: string; title: string };
  /**
   * Relevance in (0, 1]; higher is better. Comparable within one result list, and against
   * `minScore`: hits from the same knowledge base below about 0.3 are weak guesses.
   */
  score: number;
  /** Short plain-text excerpt (never HTML). */
  snippet: string;
  category?: string;
  /**
   * Where the query's words are in `title`, `section.title` and `snippet`, sorted and not
   * overlapping, so a UI can wrap them in `<mark>` as text nodes (never build HTML from them).
   * Always set by `openKnowledgeBase`'s knowledge bases; optional only so that test doubles of
   * {@link KnowledgeBase} stay valid.
   */
  matches?: { title: TextRange[]; section?: TextRange[]; snippet: TextRange[] };
}

/**
 * The hits of one search, best first, plus whether the best of them is a good answer.
 * An empty list with `confident: false` means "no good match": show a way to contact support
 * instead of weak guesses.
 */
export interface SearchResults extends Array<SearchHit> {
  /**
   * True when the best hit answers the query well (it covers the query's important words
   * closely enough; see `SearchOptions.minScore`). Always set by `openKnowledgeBase`'s
   * knowledge bases; optional only so that test doubles of {@link KnowledgeBase} stay valid.
   */
  confident?: boolean;
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
   * Fall back to these other locales when `locale` has no confident match, merging their hits
   * below equally good hits in `locale`. Lets a visitor who types Greek on an English page
   * still find the Greek article. Another locale is consulted only for a query with a word of
   * three or more letters, and then only its index root and the few index files the query's
   * words need are downloaded (never the whole index). `'all'` means every other locale the
   * knowledge base has.
   * @default []
   */
  alsoLocales?: readonly string[] | 'all';
  /**
   * Hits scoring below this are left out. `'auto'` applies the calibrated cut-off
   * (the best hit must cover the query's important words closely): when no hit passes it the result is empty and not confident —
   * "no good match". `0` returns every hit, weak ones included, and `results.confident` still
   * tells whether the best one is good.
   * @default 'auto'
   */
  minScore?: number | 'auto';
}
/** Why opening or reading a knowledge base failed; the `code` of a `KnowledgeBaseError`. */
export type KnowledgeBaseErrorCode =
  /** No such knowledge base, file or article. */
  | 'not-found'
  /** The request failed (offline, DNS, CORS, HTTP 5xx …); trying again may help. */
  | 'network'
  /** A file is not what the compiler writes (not JSON, fields missing); rebuild the KB. */
  | 'invalid-format'
  /** Written by a newer compiler than this reader understands; upgrade `@porthole/kb`. */
  | 'unsupported-version'
  /** The source or an option passed in is not usable (a relative URL with no base …). */
  | 'invalid-argument';

/**
 * An already-loaded compiled knowledge base: its files by path relative to the KB root
 * (`manifest.json`, `index/…`, `articles/…`), each as parsed JSON, JSON text or UTF-8 bytes.
 * `compileKnowledgeBase()` returns one as `result.files`.
 */
export interface KnowledgeBaseData {
  files: Readonly<Record<string, unknown>>;
}

/**
 * Where a compiled knowledge base is: its URL (a string is resolved against
 * `document.baseURI` in a browser), the URL of its `manifest.json`, already-loaded data, or — in
 * Node only — a folder path.
 */
export type KnowledgeBaseSource = string | URL | KnowledgeBaseData;

export interface OpenKnowledgeBaseOptions {
  /**
   * The `fetch` used for URL sources (e.g. one that adds headers, or a test double).
   * @default globalThis.fetch
   */
  fetch?: typeof fetch;
}

export interface KnowledgeBase {
  /** Locales that have at least one article, default first. */
  readonly locales: readonly string[];
  readonly defaultLocale: string;
  /** Resolve a requested locale (`hr-HR`, `HR`, `pt-BR`) to one this KB has. */
  resolveLocale(locale?: string): string;
  /** Every published article in a locale (default: the default locale), in `order` then title order. */
  articles(locale?: string): ArticleSummary[];
  /**
   * Ranked hits for what a visitor typed; `results.confident` says whether the best one is a
   * good answer. Downloads only the parts of the locale's index the query needs.
   */
  search(query: string, options?: SearchOptions): Promise<SearchResults>;
  /** The full article; rejects with a `KnowledgeBaseError` (code `not-found`) if there is none. */
  article(slug: string, locale?: string): Promise<Article>;
}
