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
import {
  createTermDictionary,
  weighRecords,
  type ArticleTerms,
  type ArticleWeighing,
  type TermDictionary,
  type WeighedTerms,
} from './records.js';
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

/**
 * What one build of a locale's index keeps for the next in watch mode (`porthole dev`), so
 * that after one edit only that article is weighed again and only postings that changed are
 * encoded again. Every part is checked against the new input before it is used: the output
 * is the same as a build without it.
 */
export interface IndexMemo {
  synonyms: string;
  dictionary: TermDictionary;
  weighings: WeakMap<ArticleTerms, ArticleWeighing>;
  /** The last build's postings and each term's encoded postings, by term number. */
  previous?: { weighed: WeighedTerms; encoded: readonly string[] };
  /** The postings of the build before last, whose arrays the next build writes into. */
  older?: WeighedTerms | undefined;
  /** The last build's sorted vocabulary, its term numbers, stems and tail shards. */
  vocabulary?: Vocabulary;
  /** A stem key by term. */
  stemKeys: Map<string, string>;
  /** Chunks by kind and place: a chunk made of the same parts again is not rewritten. */
  chunks: Map<string, { parts: readonly string[]; path: string; json: string }>;
}

interface Vocabulary {
  terms: string[];
  /** Term numbers of `terms`. */
  order: number[];
  stems: ([number, number] | 0)[];
  /** Term numbers of the tail index, in its order. */
  tailOrder: number[];
  /** The tail index's shards as the root lists them, and their files. */
  tails: [string, string][];
  tailFiles: Record<string, string>;
}

/** One {@link IndexMemo} per locale, for a watcher's builds. */
export type IndexMemos = Map<string, IndexMemo>;

export function buildSearchIndex(input: SearchIndexInput, memos?: IndexMemos): BuiltSearchIndex {
  const { locale, articles } = input;
  const memo = memoFor(memos, locale, input.synonyms ?? []);
  const out = createEmitter(locale, memo);
  const weighed = weigh(input, memo, memos !== undefined);
  const vocabulary = sortVocabulary(memo, weighed, locale);
  Object.assign(out.files, vocabulary.tailFiles);
  const encoded = encodeAll(memo, weighed, memos !== undefined);
  const postings = emitPostings(out, vocabulary, encoded);
  const root: IndexRoot = {
    format: FORMAT_VERSION,
    locale,
    records: weighed.recordCount,
    sections: articles.map((a) => a.sections.length),
    terms: emitTermShards(out, vocabulary, postings.chunkOf, weighed.offsets),
    postings: postings.paths,
    tails: vocabulary.tails,
    fragments: emitFragments(out, articles),
    // All of them, not only those in the articles: a visitor's "my" must count little too.
    stopwords: [...listStopwords(locale)].sort(),
  };
  forgetUnused(memo, out.files);
  // Watch mode: the arrays the first edit's build writes its postings into, made (and their
  // pages touched) now rather than during that edit.
  if (memos && !memo.older) memo.older = blankPostings(weighed);
  return { root: out.emit('', root), files: out.files };
}

type Emitter = ReturnType<typeof createEmitter>;

/** Where a build's files go, by content-hashed name. */
function createEmitter(locale: string, memo: IndexMemo) {
  const files: Record<string, string> = {};
  const emitJson = (kind: string, json: string): string => {
    const path = indexFilePath(locale, kind, json);
    files[path] = json;
    return path;
  };
  return {
    files,
    emit: (kind: string, data: unknown) => emitJson(kind, JSON.stringify(data)),
    /**
     * A chunk of `parts`, its JSON made by `make` unless the last build's chunk at `at` had
     * the same parts.
     */
    emitChunk(kind: string, at: string, parts: readonly string[], make: () => string) {
      const key = `${kind}\u0000${at}`;
      const last = memo.chunks.get(key);
      if (last && sameStrings(last.parts, parts)) {
        files[last.path] = last.json;
        return last.path;
      }
      const json = make();
      const path = emitJson(kind, json);
      memo.chunks.set(key, { parts, path, json });
      return path;
    },
  };
}

/** Every record's postings, from the articles' weighings (the memo's where it has them). */
function weigh(input: SearchIndexInput, memo: IndexMemo, remember: boolean): WeighedTerms {
  const weighed = weighRecords(
    input.articles.map((a) => a.terms),
    input.synonyms ?? [],
    memo.dictionary,
    (terms, weighArticle) => {
      let weighing = memo.weighings.get(terms);
      if (!weighing) {
        weighing = weighArticle();
        // Remembered only for a next build (kept to the end of this one, they were 64 MB more).
        if (remember) memo.weighings.set(terms, weighing);
      }
      return weighing;
    },
    memo.older,
    memo.previous?.weighed,
  );
  // Without a next build, nothing holds on to the articles' weighings.
  return remember ? weighed : { ...weighed, weighings: [] };
}

/** Postings: the heaviest MAX_POSTINGS per term, delta-encoded, chunked in term order. */
function emitPostings(out: Emitter, { terms, order }: Vocabulary, encoded: readonly string[]) {
  const paths: string[] = [];
  const chunkOf: number[] = [];
  let chunk: string[] = [];
  let size = 0;
  const flushChunk = () => {
    if (size === 0) return;
    const parts = chunk;
    paths.push(out.emitChunk('p', parts[0] ?? '', parts, () => postingChunkJson(parts)));
    chunk = [];
    size = 0;
  };
  for (const [i, term] of terms.entries()) {
    const json = encoded[order[i] ?? 0] ?? '[]';
    const cost = term.length + 4 + json.length;
    if (size > 0 && size + cost > POSTING_CHUNK_SIZE) flushChunk();
    chunk.push(term, json);
    chunkOf.push(paths.length);
    size += cost;
  }
  flushChunk();
  return { paths, chunkOf };
}

/** The vocabulary in shards: each term's document frequency, posting chunk and stem class. */
function emitTermShards(
  out: Emitter,
  { terms, order, stems }: Vocabulary,
  chunkOf: readonly number[],
  offsets: Uint32Array,
): [string, string][] {
  const df = (i: number) => (offsets[(order[i] ?? 0) + 1] ?? 0) - (offsets[order[i] ?? 0] ?? 0);
  const shards: [string, string][] = [];
  packInShards(terms, TERM_SHARD_SIZE, (term, i) => 24 + term.length + (stems[i] ? 10 : 0)).forEach(
    ([from, to]) => {
      const slice = terms.slice(from, to);
      const shard: TermShard = {
        terms: slice,
        df: slice.map((_, k) => df(from + k)),
        chunk: chunkOf.slice(from, to),
        stem: stems.slice(from, to),
      };
      shards.push([slice[0] ?? '', out.emit('t', shard)]);
    },
  );
  return shards;
}

/** Fragments (sections, snippet text, body file) of consecutive articles. */
function emitFragments(out: Emitter, articles: readonly IndexArticle[]): [number, string][] {
  const fragments = articles.map(fragmentJson);
  const chunks: [number, string][] = [];
  packInShards(fragments, FRAGMENT_CHUNK_SIZE, (f) => f.length).forEach(([from, to]) => {
    const parts = fragments.slice(from, to);
    // The JSON of { articles: [...] }, from the articles' JSON.
    const json = () => `{"articles":[${parts.join(',')}]}`;
    chunks.push([from, out.emitChunk('f', String(from), parts, json)]);
  });
  return chunks;
}

function memoFor(
  memos: IndexMemos | undefined,
  locale: string,
  synonyms: readonly SynonymGroup[],
): IndexMemo {
  const key = JSON.stringify(synonyms);
  const found = memos?.get(locale);
  if (found?.synonyms === key) return found;
  const memo: IndexMemo = {
    synonyms: key,
    dictionary: createTermDictionary(),
    weighings: new WeakMap(),
    stemKeys: found?.stemKeys ?? new Map(),
    chunks: new Map(),
  };
  memos?.set(locale, memo);
  return memo;
}

/**
 * The terms that have postings, sorted, with their numbers, stem classes and the tail
 * index's shards: the last build's when the same terms have postings.
 */
function sortVocabulary(memo: IndexMemo, weighed: WeighedTerms, locale: string): Vocabulary {
  const { offsets, terms: byNumber } = weighed;
  const live = (t: number) => (offsets[t + 1] ?? 0) > (offsets[t] ?? 0);
  const last = memo.vocabulary;
  const name = (t: number) => byNumber[t] as string;
  const byTerm = (a: number, b: number) => (name(a) < name(b) ? -1 : 1);
  // The tail index: terms by their letters from the fourth on (then by the whole term).
  const inTails = (t: number) => name(t).length >= MIN_TAIL_TERM;
  const byTail = (a: number, b: number) => {
    const [keyA, keyB] = [name(a).slice(3), name(b).slice(3)];
    return keyA < keyB || (keyA === keyB && name(a) < name(b)) ? -1 : 1;
  };
  let order: number[];
  let tailOrder: number[];
  if (last) {
    // The last build's order with the terms that lost their postings left out and the new
    // ones merged in: sorting the whole vocabulary again was most of a new word's cost.
    const known = new Uint8Array(byNumber.length);
    for (const t of last.order) known[t] = 1;
    const added: number[] = [];
    let removed = false;
    for (let t = 0; t < byNumber.length; t++) {
      if (live(t) !== (known[t] === 1)) {
        if (known[t]) removed = true;
        else added.push(t);
      }
    }
    if (added.length === 0 && !removed) return last;
    added.sort(byTerm);
    order = mergeOrders(last.order.filter(live), added, byTerm);
    const newTails = added.filter(inTails).sort(byTail);
    tailOrder = mergeOrders(last.tailOrder.filter(live), newTails, byTail);
  } else {
    order = [];
    for (let t = 0; t < byNumber.length; t++) if (live(t)) order.push(t);
    order.sort(byTerm);
    // Each key sliced once: the stable sort keeps equal keys in term order, as byTail does.
    const keyed = order.filter(inTails).map((t) => [name(t).slice(3), t] as const);
    keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    tailOrder = keyed.map(([, t]) => t);
  }
  const terms = order.map((t) => byNumber[t] as string);
  const stems = computeStemClasses(locale, terms, normalizeText, memo.stemKeys);
  const tailTerms = tailOrder.map((t) => byNumber[t] as string);
  memo.vocabulary = { terms, order, stems, tailOrder, ...buildTails(locale, tailTerms) };
  return memo.vocabulary;
}

/** Two lists of distinct term numbers, each sorted by `compare`, as one. */
function mergeOrders(
  a: readonly number[],
  b: readonly number[],
  compare: (a: number, b: number) => number,
) {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    out.push(compare(a[i] as number, b[j] as number) < 0 ? (a[i++] as number) : (b[j++] as number));
  }
  while (i < a.length) out.push(a[i++] as number);
  while (j < b.length) out.push(b[j++] as number);
  return out;
}

/** The tail index's shards, from its terms in order. */
function buildTails(locale: string, terms: readonly string[]) {
  const entries = terms.map((term) => [term.slice(3), term] as const);
  const tails: [string, string][] = [];
  const tailFiles: Record<string, string> = {};
  packInShards(entries, TAIL_SHARD_SIZE, ([key, term]) => key.length + term.length + 6).forEach(
    ([from, to]) => {
      const slice = entries.slice(from, to);
      const shard: TailShard = { keys: slice.map(([k]) => k), terms: slice.map(([, t]) => t) };
      const json = JSON.stringify(shard);
      const path = indexFilePath(locale, 'k', json);
      tailFiles[path] = json;
      tails.push([slice[0]?.[0] ?? '', path]);
    },
  );
  return { tails, tailFiles };
}

/**
 * Every term's encoded postings by term number: the last build's string where the term's
 * postings are the same as then.
 */
function encodeAll(memo: IndexMemo, weighed: WeighedTerms, remember: boolean): string[] {
  const encoded: string[] = new Array<string>(weighed.terms.length);
  const last = memo.previous;
  for (let t = 0; t < weighed.terms.length; t++) {
    const from = weighed.offsets[t] ?? 0;
    const to = weighed.offsets[t + 1] ?? 0;
    if (to === from) continue;
    const kept = last?.encoded[t];
    encoded[t] =
      kept !== undefined && last && samePostings(last.weighed, weighed, t)
        ? kept
        : encodePostings(weighed, t);
  }
  if (!remember) return encoded;
  memo.older = last?.weighed;
  memo.previous = { weighed, encoded };
  return encoded;
}

function blankPostings(weighed: WeighedTerms): WeighedTerms {
  const blank = () => new Uint32Array(Math.ceil(weighed.records.length * 1.05)).fill(0);
  return { ...weighed, records: blank(), weights: blank(), firsts: blank() };
}

function samePostings(a: WeighedTerms, b: WeighedTerms, term: number): boolean {
  const from = a.offsets[term] ?? 0;
  const count = (a.offsets[term + 1] ?? 0) - from;
  const start = b.offsets[term] ?? 0;
  if ((b.offsets[term + 1] ?? 0) - start !== count) return false;
  for (let k = 0; k < count; k++) {
    if (
      a.records[from + k] !== b.records[start + k] ||
      a.weights[from + k] !== b.weights[start + k] ||
      a.firsts[from + k] !== b.firsts[start + k]
    )
      return false;
  }
  return true;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}

/** Drop remembered chunks this build did not use. */
function forgetUnused(memo: IndexMemo, files: Record<string, string>): void {
  for (const [key, { path }] of memo.chunks)
    if (!Object.hasOwn(files, path)) memo.chunks.delete(key);
}

function indexFilePath(locale: string, kind: string, json: string): string {
  return `index/${locale}${kind ? `.${kind}` : ''}.${hash(json)}.json`;
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
  const n = keep ? keep.length : count;
  // Numbers, then one JSON.stringify: a flat string. Added up piece by piece, each term's
  // JSON was a rope of thousands of nodes, 80 MB more while all of them were kept.
  const numbers = new Array<number>(n * 3);
  let previous = 0;
  for (let k = 0; k < n; k++) {
    const i = from + (keep ? (keep[k] ?? 0) : k);
    const record = weighed.records[i] ?? 0;
    numbers[k * 3] = record - previous;
    numbers[k * 3 + 1] = weighed.weights[i] ?? 0;
    numbers[k * 3 + 2] = weighed.firsts[i] ?? 0;
    previous = record;
  }
  return JSON.stringify(numbers);
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
 * The JSON of a posting chunk (`PostingChunk` in the format) from `[term, encoded postings, …]`,
 * in the order `JSON.stringify` would write the object: integer-like keys first, ascending.
 */
function postingChunkJson(parts: readonly string[]): string {
  const integer = (term: string) => /^(?:0|[1-9]\d{0,9})$/.test(term) && Number(term) < 2 ** 32 - 1;
  const entries: [term: string, json: string][] = [];
  for (let i = 0; i < parts.length; i += 2) entries.push([parts[i] ?? '', parts[i + 1] ?? '']);
  const sorted = [
    ...entries.filter(([term]) => integer(term)).sort(([a], [b]) => Number(a) - Number(b)),
    ...entries.filter(([term]) => !integer(term)),
  ];
  return `{"postings":{${sorted.map(([term, json]) => `${JSON.stringify(term)}:${json}`).join(',')}}}`;
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
