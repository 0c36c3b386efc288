/**
 * One locale's search index as it is downloaded: the root at once, every other file (term
 * shards, posting chunks, tail shards, fragments) the first time a query needs it, each once
 * (concurrent queries share a download; a failed one is tried again by the next query).
 */
import { KnowledgeBaseError } from './errors.js';
import {
  FORMAT_VERSION,
  isSafeFilePath,
  type FragmentArticle,
  type FragmentChunk,
  type IndexRoot,
  type ManifestLocale,
  type PostingChunk,
  type TailShard,
  type TermShard,
} from './format.js';
import type { FileLoader } from './loader.js';

/** A vocabulary term with what scoring needs. */
export interface TermInfo {
  term: string;
  df: number;
  chunk: number;
  /** Stem class id and common prefix length, or undefined. */
  stem: readonly [number, number] | undefined;
}

/** Decoded postings: `[record, weight × 10, first position, …]` (absolute records). */
export type Postings = Int32Array;

export class LocaleIndex {
  readonly locale: string;
  readonly entry: ManifestLocale;
  readonly root: IndexRoot;
  readonly stopwords: ReadonlySet<string>;
  /** Per article, its first record; per record, its article and section (−1: the article's own). */
  readonly articleStart: Int32Array;
  readonly recordArticle: Int32Array;
  readonly recordSection: Int32Array;
  private readonly loader: FileLoader;
  private readonly files = new Map<string, Promise<unknown>>();
  private readonly shards = new Map<number, TermInfo[]>();
  private readonly decoded = new Map<string, Postings>();

  constructor(entry: ManifestLocale, root: IndexRoot, loader: FileLoader) {
    this.locale = entry.locale;
    this.entry = entry;
    this.root = root;
    this.loader = loader;
    this.stopwords = new Set(root.stopwords);
    this.articleStart = new Int32Array(root.sections.length);
    this.recordArticle = new Int32Array(root.records);
    this.recordSection = new Int32Array(root.records);
    let record = 0;
    root.sections.forEach((count, article) => {
      this.articleStart[article] = record;
      for (let s = -1; s < count && record < root.records; s++, record++) {
        this.recordArticle[record] = article;
        this.recordSection[record] = s;
      }
    });
  }

  static async load(entry: ManifestLocale, loader: FileLoader): Promise<LocaleIndex> {
    const root = readIndexRoot(await loader.readJson(entry.index), entry);
    return new LocaleIndex(entry, root, loader);
  }

  /** Term shards (by number) that may hold terms starting with `prefix`. */
  shardsFor(prefix: string): number[] {
    return rangeFor(this.root.terms, prefix);
  }

  /** Terms of loaded shards that start with `prefix`, in order (load the shards first). */
  termsStartingWith(prefix: string): TermInfo[] {
    const found: TermInfo[] = [];
    for (const shard of this.shardsFor(prefix)) {
      const terms = this.shards.get(shard) ?? [];
      // Binary search for the first term ≥ prefix: shards hold a thousand terms or more.
      let low = 0;
      let high = terms.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((terms[middle]?.term ?? '') < prefix) low = middle + 1;
        else high = middle;
      }
      for (let i = low; i < terms.length; i++) {
        const info = terms[i];
        if (!info?.term.startsWith(prefix)) break;
        found.push(info);
      }
    }
    return found;
  }

  /** The term, if it is in the vocabulary (load its shards first). */
  lookup(term: string): TermInfo | undefined {
    return this.termsStartingWith(term).find((info) => info.term === term);
  }

  async loadShards(shards: Iterable<number>): Promise<void> {
    await Promise.all(
      [...new Set(shards)].map(async (shard) => {
        if (this.shards.has(shard)) return;
        const path = this.root.terms[shard]?.[1] ?? '';
        const data = (await this.read(path)) as TermShard;
        if (!Array.isArray(data.terms) || !Array.isArray(data.df) || !Array.isArray(data.stem)) {
          throw invalid(path, 'term shard');
        }
        this.shards.set(
          shard,
          data.terms.map((term, i) => {
            const stem = data.stem[i];
            return {
              term,
              df: data.df[i] ?? 1,
              chunk: data.chunk[i] ?? 0,
              stem: Array.isArray(stem) ? stem : undefined,
            };
          }),
        );
      }),
    );
  }

  /** Terms whose letters from the fourth on start with `key` (typos in the first three). */
  async findByTail(key: string): Promise<string[]> {
    const found: string[] = [];
    for (const shard of rangeFor(this.root.tails, key)) {
      const path = this.root.tails[shard]?.[1] ?? '';
      const data = (await this.read(path)) as TailShard;
      if (!Array.isArray(data.keys) || !Array.isArray(data.terms))
        throw invalid(path, 'tail shard');
      data.keys.forEach((k, i) => {
        if (k.startsWith(key)) found.push(data.terms[i] ?? '');
      });
    }
    return found;
  }

  async loadPostings(terms: readonly TermInfo[]): Promise<void> {
    await Promise.all(
      [...new Set(terms.map((t) => t.chunk))].map(async (chunk) => {
        const path = this.root.postings[chunk] ?? '';
        const data = (await this.read(path)) as PostingChunk;
        if (typeof data.postings !== 'object' || data.postings === null) {
          throw invalid(path, 'posting chunk');
        }
        for (const info of terms) {
          if (info.chunk !== chunk || this.decoded.has(info.term)) continue;
          const list = Int32Array.from(data.postings[info.term] ?? []);
          for (let p = 3; p < list.length; p += 3) list[p] = (list[p] ?? 0) + (list[p - 3] ?? 0);
          this.decoded.set(info.term, list);
        }
      }),
    );
  }

  /** Postings of a term whose chunk is loaded. */
  postings(term: string): Postings {
    return this.decoded.get(term) ?? EMPTY;
  }

  /** Sections, snippet text and body file of an article (by manifest position). */
  async fragment(article: number): Promise<FragmentArticle> {
    const { fragments } = this.root;
    let low = 0;
    let high = fragments.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((fragments[middle]?.[0] ?? 0) <= article) low = middle;
      else high = middle - 1;
    }
    const [first = 0, path = ''] = fragments[low] ?? [];
    const data = (await this.read(path)) as FragmentChunk;
    const found = Array.isArray(data.articles) ? data.articles[article - first] : undefined;
    if (!found || typeof found.file !== 'string' || !Array.isArray(found.text)) {
      throw invalid(path, `fragment of article ${article}`);
    }
    return found;
  }

  private read(path: string): Promise<unknown> {
    let pending = this.files.get(path);
    if (!pending) {
      if (!isSafeFilePath(path)) {
        return Promise.reject(invalid(path, 'index file (unsafe path)'));
      }
      pending = this.loader.readJson(path).then((data) => {
        if (typeof data !== 'object' || data === null) throw invalid(path, 'index file');
        return data;
      });
      pending.catch(() => this.files.delete(path));
      this.files.set(path, pending);
    }
    return pending;
  }
}

const EMPTY = new Int32Array(0);

/** Shards `[first, path][]` (sorted by first) whose range may hold strings starting with `prefix`. */
function rangeFor(shards: readonly [string, string][], prefix: string): number[] {
  if (shards.length === 0) return [];
  const end = `${prefix}\uffff`;
  // The last shard starting at or before `prefix`: everything from `prefix` on begins there.
  let low = 0;
  let high = shards.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((shards[middle]?.[0] ?? '') <= prefix) low = middle;
    else high = middle - 1;
  }
  const result: number[] = [];
  for (let i = low; i < shards.length && (i === low || (shards[i]?.[0] ?? '') < end); i++) {
    result.push(i);
  }
  return result;
}

function invalid(path: string, what: string): KnowledgeBaseError {
  return new KnowledgeBaseError('invalid-format', `${path} is not a Porthole ${what}.`);
}

/** Check an index root's shape before trusting it; throws `invalid-format`. */
export function readIndexRoot(data: unknown, entry: ManifestLocale): IndexRoot {
  const where = entry.index;
  const fail = (what: string): never => {
    throw new KnowledgeBaseError(
      'invalid-format',
      `${where} is not a Porthole search index: ${what}.`,
    );
  };
  if (typeof data !== 'object' || data === null) return fail('not a JSON object');
  const root = data as Partial<IndexRoot>;
  if (typeof root.format === 'number' && root.format > FORMAT_VERSION) {
    throw new KnowledgeBaseError(
      'unsupported-version',
      `${where} has format ${root.format}; this @porthole/kb reads format ${FORMAT_VERSION}. Upgrade @porthole/kb.`,
    );
  }
  if (root.format !== FORMAT_VERSION) return fail(`format is ${String(root.format)}`);
  if (typeof root.records !== 'number' || !Array.isArray(root.sections)) {
    return fail('records missing');
  }
  if (root.sections.length !== entry.articles.length) return fail('articles differ from manifest');
  for (const key of ['terms', 'postings', 'tails', 'fragments', 'stopwords'] as const) {
    if (!Array.isArray(root[key])) return fail(`${key} missing`);
  }
  return root as IndexRoot;
}
