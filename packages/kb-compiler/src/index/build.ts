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
  type TailShard,
  type TermShard,
} from '@porthole/kb/format';
import type { ArticleSummary } from '@porthole/kb';
import { weighRecords, type ArticleTerms, type WeighedTerms } from './records.js';
import { computeStemClasses } from './stemming.js';
import { listStopwords } from './stopwords.js';
import type { SynonymGroup } from './synonyms.js';

/** What the index needs of one compiled article. */
export interface IndexArticle {
  sections: readonly { id: string; title: string; level: number }[];
  /** Path of its compiled body file (`articles/….json`). */
  file: string;
  /** Its records' terms (`tokenizeRecords`): the article's own, then one per section. */
  terms: ArticleTerms;
  /** Snippet text per record, in the same order (`snippetTexts`). */
  snippets: readonly string[];
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
  const emitJson = (kind: string, json: string): string => {
    const path = `index/${locale}${kind ? `.${kind}` : ''}.${hash(json)}.json`;
    files[path] = json;
    return path;
  };
  const emit = (kind: string, data: unknown) => emitJson(kind, JSON.stringify(data));

  const weighed = weighRecords(
    articles.map((a) => a.terms),
    input.synonyms ?? [],
  );
  const numbers = new Map(weighed.terms.map((term, number) => [term, number]));
  const terms = [...weighed.terms].sort();
  const order = terms.map((term) => numbers.get(term) ?? 0);
  const df = (i: number) =>
    (weighed.offsets[(order[i] ?? 0) + 1] ?? 0) - (weighed.offsets[order[i] ?? 0] ?? 0);

  // Postings: the heaviest MAX_POSTINGS per term, delta-encoded, chunked in term order.
  const postingPaths: string[] = [];
  const chunkOf: number[] = [];
  let chunk: [term: string, json: string][] = [];
  let size = 0;
  const flushChunk = () => {
    if (size === 0) return;
    postingPaths.push(emitJson('p', postingChunkJson(chunk)));
    chunk = [];
    size = 0;
  };
  for (const [i, term] of terms.entries()) {
    const encoded = encodePostings(weighed, order[i] ?? 0);
    const cost = term.length + 4 + encoded.length;
    if (size > 0 && size + cost > POSTING_CHUNK_SIZE) flushChunk();
    chunk.push([term, encoded]);
    chunkOf.push(postingPaths.length);
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
        df: slice.map((_, k) => df(from + k)),
        chunk: chunkOf.slice(from, to),
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
  const fragments = articles.map(fragmentJson);
  const fragmentChunks: [number, string][] = [];
  packInShards(fragments, FRAGMENT_CHUNK_SIZE, (f) => f.length).forEach(([from, to]) => {
    // The JSON of { articles: [...] }, from the articles' JSON.
    const json = `{"articles":[${fragments.slice(from, to).join(',')}]}`;
    fragmentChunks.push([from, emitJson('f', json)]);
  });

  const root: IndexRoot = {
    format: FORMAT_VERSION,
    locale,
    records: weighed.recordCount,
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

/**
 * An article's fragment JSON, remembered by its snippet list: in watch mode (`porthole dev`)
 * the lists of unchanged articles are the same objects from build to build, and writing the
 * snippets of 9,739 articles as JSON again was a fifth of the index's time after one edit.
 */
const fragmentMemo = new WeakMap<
  readonly string[],
  { file: string; sections: IndexArticle['sections']; json: string }
>();

function fragmentJson(article: IndexArticle): string {
  const { file, sections, snippets } = article;
  const memo = fragmentMemo.get(snippets);
  if (memo && memo.file === file && memo.sections === sections) return memo.json;
  const json = JSON.stringify({
    file,
    sections: sections.map(({ id, title, level }) => ({ id, title, level })),
    text: [...snippets],
  } satisfies FragmentArticle);
  fragmentMemo.set(snippets, { file, sections, json });
  return json;
}

/** The JSON of `[record delta, weight, position, …]` of the heaviest postings, records ascending. */
function encodePostings(weighed: WeighedTerms, term: number): string {
  const from = weighed.offsets[term] ?? 0;
  const count = (weighed.offsets[term + 1] ?? 0) - from;
  let keep: Uint32Array | undefined;
  if (count > MAX_POSTINGS) keep = heaviest(weighed.weights.subarray(from, from + count));
  let json = '[';
  let previous = 0;
  for (let k = 0; k < (keep ? keep.length : count); k++) {
    const i = from + (keep ? (keep[k] ?? 0) : k);
    const record = weighed.records[i] ?? 0;
    json += `${k > 0 ? ',' : ''}${record - previous},${weighed.weights[i] ?? 0},${weighed.firsts[i] ?? 0}`;
    previous = record;
  }
  return `${json}]`;
}

/**
 * Indexes of the MAX_POSTINGS heaviest `weights` (the first of equal ones), ascending. As one
 * number per entry, `(max − weight) × count + index`, sorted natively: a comparator sorting
 * the 1.5 M postings of common terms took a second of every rebuild at 9,739 pages.
 */
function heaviest(weights: Uint32Array): Uint32Array {
  const count = weights.length;
  let max = 0;
  for (const weight of weights) if (weight > max) max = weight;
  let keys: Float64Array | undefined;
  if ((max + 1) * count <= Number.MAX_SAFE_INTEGER) {
    keys = new Float64Array(count);
    for (let k = 0; k < count; k++) keys[k] = (max - (weights[k] as number)) * count + k;
    keys.sort();
    return Uint32Array.from(keys.subarray(0, MAX_POSTINGS), (key) => key % count).sort();
  }
  return Uint32Array.from(
    Array.from({ length: count }, (_, k) => k)
      .sort((a, b) => (weights[b] as number) - (weights[a] as number) || a - b)
      .slice(0, MAX_POSTINGS),
  ).sort();
}

/**
 * The JSON of a posting chunk (`PostingChunk` in the format) from its terms' encoded postings, in the order
 * `JSON.stringify` would write the object: integer-like keys first, ascending.
 */
function postingChunkJson(chunk: readonly [term: string, json: string][]): string {
  const integer = (term: string) => /^(?:0|[1-9]\d{0,9})$/.test(term) && Number(term) < 2 ** 32 - 1;
  const entries = [
    ...chunk.filter(([term]) => integer(term)).sort(([a], [b]) => Number(a) - Number(b)),
    ...chunk.filter(([term]) => !integer(term)),
  ];
  return `{"postings":{${entries.map(([term, json]) => `${JSON.stringify(term)}:${json}`).join(',')}}}`;
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
