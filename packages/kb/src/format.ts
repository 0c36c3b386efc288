/**
 * The compiled knowledge-base format: what `@porthole/kb-compiler` writes and `@porthole/kb`
 * reads. It is shared by those two packages only (through the `@porthole/kb/format` subpath);
 * applications use the types in `types.ts`. Bump {@link FORMAT_VERSION} on any change that an
 * older reader would misread.
 *
 * Layout of a compiled folder (all paths relative to its root):
 * - `manifest.json` — {@link ManifestFile}
 * - `index/<locale>.<hash>.json` — {@link IndexFile}, one per locale, fetched on first search
 * - `articles/<hash>.json` — {@link ArticleFile}, one per article, fetched when it is opened
 * - `assets/<hash>.<ext>` — images and other files the articles link to
 */
import type { Article, ArticleSummary } from './types.js';

export const FORMAT_VERSION = 1;
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
  /** Path of this locale's {@link IndexFile}. */
  index: string;
  /** In `order`, then title order. Index records refer to articles by position here. */
  articles: ManifestArticle[];
  /** Old slugs (front matter `aliases`, `redirect_from`) → the article's slug. */
  redirects?: Record<string, string>;
}

export interface ManifestArticle extends ArticleSummary {
  /** Path of the {@link ArticleFile}. */
  file: string;
}

export type ArticleFile = Article;

/** One string record of a serialized Fuse.js index (`FuseIndex#toJSON()`). */
export interface FuseStringRecord {
  /** Position in the source list. */
  i: number;
  /** The text. */
  v: string;
  /** Fuse's field-length norm. */
  n: number;
}

/**
 * The search index of one locale. A "record" is either a whole article (its title, keywords,
 * tags, description and the text before its first h2/h3) or one of its sections (heading and
 * text). Terms are normalized with `normalizeText` and listed in `vocab`, a Fuse.js index over
 * the terms sorted by UTF-16 code units, so that a query token can be matched to terms
 * fuzzily (Fuse), by prefix (binary search) or exactly.
 */
export interface IndexFile {
  format: typeof FORMAT_VERSION;
  locale: string;
  /** Per record: `[article position in ManifestLocale.articles, section position or -1]`. */
  records: [article: number, section: number][];
  /** Per record: plain text for snippets (may be cut short). */
  text: string[];
  /** `Fuse.createIndex([], terms).toJSON()`; record `i` is term number `i`. */
  vocab: { keys: never[]; records: FuseStringRecord[] };
  /**
   * Per term: `[recordDelta, weight, recordDelta, weight, …]`, records ascending and
   * delta-encoded; weight × 10 (rounded) is the sum over the record's fields of field weight ×
   * BM25-saturated, length-normalized term frequency.
   */
  postings: number[][];
  /** Function words of the locale's language that occur in it ("how", "kako"); they count little. */
  stopwords: string[];
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
