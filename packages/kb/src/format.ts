/**
 * The compiled knowledge-base format: what `@porthole/kb-compiler` writes and `@porthole/kb`
 * reads. It is shared by those two packages only (through the `@porthole/kb/format` subpath);
 * applications use the types in `types.ts`. Bump {@link FORMAT_VERSION} on any change that an
 * older reader would misread.
 *
 * Layout of a compiled folder (all paths relative to its root; every name but the manifest's
 * carries a content hash, so all of them can be cached forever):
 * - `manifest.json` — {@link ManifestFile}: locales and the article list, read when opened
 * - `index/<locale>.<hash>.json` — {@link IndexRoot}: the tables of one locale's search
 *   index, read on the first search in that locale
 * - `index/<locale>.t.<hash>.json` — {@link TermShard}: a range of the sorted vocabulary
 * - `index/<locale>.p.<hash>.json` — {@link PostingChunk}: the postings of some terms
 * - `index/<locale>.k.<hash>.json` — {@link TailShard}: terms by their letters after the third
 *   (finds "apssword" → "password", a typo in the first letters)
 * - `index/<locale>.f.<hash>.json` — {@link FragmentChunk}: sections, snippet text and body
 *   file of some articles, read for the hits shown (and for `kb.article`)
 * - `articles/<hash>.json` — {@link ArticleFile}, one per article, fetched when it is opened
 * - `assets/<hash>.<ext>` — images and other files the articles link to
 */
import type { Article, ArticleSection, ArticleSummary } from './types.js';

export const FORMAT_VERSION = 2;
export const MANIFEST_FILE = 'manifest.json';

export interface ManifestFile {
  format: typeof FORMAT_VERSION;
  /** Name and version of the compiler that wrote it. */
  generator: string;
  defaultLocale: string;
  /** Default locale first, then alphabetical. */
  locales: ManifestLocale[];
}

export interface ManifestLocale {
  locale: string;
  /** Path of this locale's {@link IndexRoot}. */
  index: string;
  /**
   * In `order`, then title order; search records and fragments refer to articles by position
   * here. Sections and the body file are in the fragments, so that a 10,000-article manifest
   * stays small.
   */
  articles: ManifestArticle[];
  /** Old slugs (front matter `aliases`, `redirect_from`) → the article's slug. */
  redirects?: Record<string, string>;
}

/** An {@link ArticleSummary} without `locale` (it is the entry's) and without empty lists. */
export type ManifestArticle = Omit<ArticleSummary, 'locale' | 'tags' | 'pages'> & {
  tags?: string[];
  pages?: string[];
};

export type ArticleFile = Article;

/**
 * The entry point of one locale's search index. Records are numbered article by article: an
 * article's own record (title, keywords, tags, description, category, text before its first
 * h2/h3), then one per section (heading and text). `sections[a]` is article `a`'s section count,
 * so article `a`'s first record is the sum of `sections[0..a) + a`.
 */
export interface IndexRoot {
  format: typeof FORMAT_VERSION;
  locale: string;
  /** Number of records (for IDF). */
  records: number;
  /** Per article (manifest position): how many sections it has. */
  sections: number[];
  /** {@link TermShard}s: `[first term, path]`, by first term (UTF-16 order). */
  terms: [first: string, path: string][];
  /** {@link PostingChunk} paths; a term's entry says which one holds its postings. */
  postings: string[];
  /** {@link TailShard}s: `[first key, path]`, by first key. */
  tails: [first: string, path: string][];
  /** {@link FragmentChunk}s: `[first article position, path]`, ascending. */
  fragments: [first: number, path: string][];
  /** Function words of the locale's language ("how", "kako"); they count little. */
  stopwords: string[];
}

/**
 * A contiguous range of the locale's sorted vocabulary (normalized with `normalizeText`).
 * Parallel arrays, one entry per term.
 */
export interface TermShard {
  terms: string[];
  /** Records containing the term (before postings were cut to {@link MAX_POSTINGS}). */
  df: number[];
  /** Index into {@link IndexRoot.postings} of the chunk with the term's postings. */
  chunk: number[];
  /**
   * Stem class: `[class id, prefix length]` when other terms share the term's stem (the
   * compiler stems, the browser does not: "syncing", "synced" and "sync" are one class whose
   * members all start with the first `prefix length` letters), else 0.
   */
  stem: ([id: number, prefix: number] | 0)[];
}

/** The most postings kept per term: the heaviest ones (a term this common weighs little). */
export const MAX_POSTINGS = 600;

/** Postings of some terms. */
export interface PostingChunk {
  /**
   * Term → `[recordDelta, weight, position, …]`, records ascending and delta-encoded. Weight ×
   * 10 (rounded) is the sum over the record's fields of field weight × BM25-saturated,
   * length-normalized term frequency. Position is the term's first token position: title or
   * heading from {@link POSITION_TITLE}, keywords/tags/description/category from
   * {@link POSITION_META}, text from {@link POSITION_TEXT}.
   */
  postings: Record<string, number[]>;
}

export const POSITION_TITLE = 0;
export const POSITION_META = 500;
export const POSITION_TEXT = 1000;

/** Terms keyed by their letters from the fourth on, for typos in the first three. */
export interface TailShard {
  /** `term.slice(3)`, sorted; parallel to `terms`. */
  keys: string[];
  terms: string[];
}

/** What the hits of some consecutive articles need, and where their bodies are. */
export interface FragmentChunk {
  articles: FragmentArticle[];
}

export interface FragmentArticle {
  /** Path of the {@link ArticleFile}. */
  file: string;
  sections: ArticleSection[];
  /** Plain text per record (the article's own, then each section's), cut for snippets. */
  text: string[];
}

/** A relative path inside a compiled folder that is safe to join or resolve. */
export function isSafeFilePath(path: string): boolean {
  return (
    /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/.test(path) && !path.includes('..')
  );
}

export {
  MAX_TOKEN_LENGTH,
  normalizeText,
  normalizeWithOffsets,
  splitTokens,
  tokenizeText,
} from './text.js';
