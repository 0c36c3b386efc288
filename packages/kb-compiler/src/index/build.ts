/**
 * Build one locale's search index as small, content-hashed files (format in
 * `@porthole/kb/format`): a root with the tables, the vocabulary in sorted shards, postings in
 * chunks, a tail index for typos in the first letters, and fragments (sections, snippet text,
 * body file) in chunks of consecutive articles. A browser downloads the root, then only the
 * shards, chunks and fragments that its query needs.
 */
import { createHash } from 'node:crypto';
import {
  FORMAT_VERSION,
  MAX_POSTINGS,
  normalizeText,
  type FragmentArticle,
  type IndexRoot,
  type ManifestArticle,
  type PostingChunk,
  type TailShard,
  type TermShard,
} from '@porthole/kb/format';
import type { ArticleSummary } from '@porthole/kb';
import { weighRecords, type RawPostings, type RecordFields } from './records.js';
import { extractSnippetTexts } from './snippet-text.js';
import { computeStemClasses } from './stemming.js';
import { listStopwords } from './stopwords.js';
import type { SynonymGroup } from './synonyms.js';

/** What the index needs of one compiled article. */
export interface IndexArticle {
  title: string;
  description?: string | undefined;
  category?: string | undefined;
  tags: readonly string[];
  keywords: readonly string[];
  /** Plain text before the first h2/h3. */
  intro: string;
  sections: readonly { id: string; title: string; level: number; text: string }[];
  /** Path of its compiled body file (`articles/….json`). */
  file: string;
  /**
   * Its sanitized HTML, from which snippets take prose only (no tables, code or link lists);
   * without it snippets come from `intro` and the sections' text.
   */
  html?: string | undefined;
}

export interface SearchIndexInput {
  locale: string;
  /** In manifest order: records and fragments refer to articles by position. */
  articles: readonly IndexArticle[];
  /** From `content/<locale>/synonyms.yml`. */
  synonyms?: readonly SynonymGroup[];
}

export interface BuiltSearchIndex {
  /** Path of the {@link IndexRoot}: what the manifest's locale entry references. */
  root: string;
  /** Every file of the index by path, JSON text. */
  files: Record<string, string>;
}

/**
 * Snippet text kept per record. Most sections are shorter, so snippets can show the match
 * wherever it is; text beyond this is still indexed, its snippet falls back to the start.
 */
export const SNIPPET_SOURCE_LENGTH = 2000;
/** Target size (JSON characters) of one shard, chunk or fragment file: ~3–5 kB gzip. */
const TERM_SHARD_SIZE = 12_000;
const POSTING_CHUNK_SIZE = 12_000;
const TAIL_SHARD_SIZE = 12_000;
const FRAGMENT_CHUNK_SIZE = 9_000;
/** Terms shorter than this are not in the tail index (a 4-letter typo has too many readings). */
const MIN_TAIL_TERM = 5;

export function buildSearchIndex(input: SearchIndexInput): BuiltSearchIndex {
  const { locale, articles } = input;
  const files: Record<string, string> = {};
  const emit = (kind: string, data: unknown): string => {
    const json = JSON.stringify(data);
    const path = `index/${locale}${kind ? `.${kind}` : ''}.${hash(json)}.json`;
    files[path] = json;
    return path;
  };

  const records: RecordFields[] = [];
  for (const article of articles) {
    records.push({
      title: article.title,
      keywords: article.keywords,
      tags: article.tags,
      description: article.description ?? '',
      category: article.category ?? '',
      body: article.intro,
    });
    for (const section of article.sections) {
      records.push({ heading: section.title, body: section.text });
    }
  }
  const raw = weighRecords(records, input.synonyms ?? []);
  const terms = [...raw.keys()].sort();

  // Postings: the heaviest MAX_POSTINGS per term, delta-encoded, chunked in term order.
  const postingPaths: string[] = [];
  const chunkOf = new Map<string, number>();
  let chunk: Record<string, number[]> = {};
  let size = 0;
  const flushChunk = () => {
    if (size === 0) return;
    postingPaths.push(emit('p', { postings: chunk } satisfies PostingChunk));
    chunk = {};
    size = 0;
  };
  for (const term of terms) {
    const encoded = encodePostings(raw, term);
    const cost = term.length + 4 + JSON.stringify(encoded).length;
    if (size > 0 && size + cost > POSTING_CHUNK_SIZE) flushChunk();
    chunk[term] = encoded;
    chunkOf.set(term, postingPaths.length);
    size += cost;
  }
  flushChunk();

  // Vocabulary shards.
  const stems = computeStemClasses(locale, terms, normalizeText);
  const termShards: [string, string][] = [];
  packInShards(terms, TERM_SHARD_SIZE, (term, i) => 24 + term.length + (stems[i] ? 10 : 0)).forEach(
    ([from, to]) => {
      const slice = terms.slice(from, to);
      const shard: TermShard = {
        terms: slice,
        df: slice.map((t) => (raw.get(t)?.length ?? 0) / 3),
        chunk: slice.map((t) => chunkOf.get(t) ?? 0),
        stem: stems.slice(from, to),
      };
      termShards.push([slice[0] ?? '', emit('t', shard)]);
    },
  );

  // Tail index: terms by their letters from the fourth on.
  const tails = terms
    .filter((t) => t.length >= MIN_TAIL_TERM)
    .map((term) => [term.slice(3), term] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const tailShards: [string, string][] = [];
  packInShards(tails, TAIL_SHARD_SIZE, ([key, term]) => key.length + term.length + 6).forEach(
    ([from, to]) => {
      const slice = tails.slice(from, to);
      const shard: TailShard = { keys: slice.map(([k]) => k), terms: slice.map(([, t]) => t) };
      tailShards.push([slice[0]?.[0] ?? '', emit('k', shard)]);
    },
  );

  // Fragments of consecutive articles.
  const fragments = articles.map((article): FragmentArticle => {
    const plain = [article.intro, ...article.sections.map((s) => s.text)];
    const texts = article.html === undefined ? plain : extractSnippetTexts(article.html, plain);
    return {
      file: article.file,
      sections: article.sections.map(({ id, title, level }) => ({ id, title, level })),
      text: texts.map((t) => cut(t, SNIPPET_SOURCE_LENGTH)),
    };
  });
  const fragmentChunks: [number, string][] = [];
  packInShards(fragments, FRAGMENT_CHUNK_SIZE, (f) => JSON.stringify(f).length).forEach(
    ([from, to]) => {
      fragmentChunks.push([from, emit('f', { articles: fragments.slice(from, to) })]);
    },
  );

  const root: IndexRoot = {
    format: FORMAT_VERSION,
    locale,
    records: records.length,
    sections: articles.map((a) => a.sections.length),
    terms: termShards,
    postings: postingPaths,
    tails: tailShards,
    fragments: fragmentChunks,
    // All of them, not only those in the articles: a visitor's "my" must count little too.
    stopwords: [...listStopwords(locale)].sort(),
  };
  return { root: emit('', root), files };
}

/** `[record delta, weight, position, …]` of the heaviest postings, records ascending. */
function encodePostings(raw: RawPostings, term: string): number[] {
  const flat = raw.get(term) ?? [];
  const count = flat.length / 3;
  let keep: number[] | undefined;
  if (count > MAX_POSTINGS) {
    // Indexes of the heaviest entries, back in record order.
    keep = Array.from({ length: count }, (_, i) => i)
      .sort((a, b) => (flat[b * 3 + 1] ?? 0) - (flat[a * 3 + 1] ?? 0) || a - b)
      .slice(0, MAX_POSTINGS)
      .sort((a, b) => a - b);
  }
  const out: number[] = [];
  let previous = 0;
  for (let k = 0; k < (keep ? keep.length : count); k++) {
    const i = (keep ? (keep[k] ?? 0) : k) * 3;
    const record = flat[i] ?? 0;
    out.push(record - previous, flat[i + 1] ?? 0, flat[i + 2] ?? 0);
    previous = record;
  }
  return out;
}

/** Split items into consecutive `[from, to)` ranges of about `target` cost each. */
function packInShards<T>(
  items: readonly T[],
  target: number,
  cost: (item: T, index: number) => number,
): [number, number][] {
  const ranges: [number, number][] = [];
  let from = 0;
  let size = 0;
  items.forEach((item, i) => {
    const c = cost(item, i);
    if (size > 0 && size + c > target) {
      ranges.push([from, i]);
      from = i;
      size = 0;
    }
    size += c;
  });
  if (from < items.length) ranges.push([from, items.length]);
  return ranges;
}

/** At most `length` characters, cut at a word boundary. */
function cut(text: string, length: number): string {
  if (text.length <= length) return text;
  const space = text.lastIndexOf(' ', length);
  return text.slice(0, space > length / 2 ? space : length);
}

function hash(content: string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 10);
}

/** The manifest's entry for an article: its summary without `locale` and empty lists. */
export function toManifestArticle(summary: ArticleSummary): ManifestArticle {
  const entry: Partial<ArticleSummary> & ManifestArticle = { ...summary };
  delete entry.locale;
  if (summary.tags.length === 0) delete entry.tags;
  if (summary.pages.length === 0) delete entry.pages;
  return entry;
}
