/**
 * Rendered articles by content hash, so a rebuild renders only what changed: the key covers
 * everything a render depends on (the file's path and text, the title, the files it includes,
 * and the compiler's version). A locale's built search index is kept the same way, by the hash
 * of everything it is built from, so a rebuild where nothing changed does not build it again.
 * Kept in memory by `porthole dev`, and on disk between `porthole build` runs (`v8.serialize`,
 * written atomically; entries not used by the last build are dropped, so it never grows beyond
 * one knowledge base).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { hashText, readLazily } from './build-record.js';
import type {
  BuiltSearchIndex,
  IndexArticle,
  IndexMemos,
  SearchIndexInput,
} from './index/build.js';
import type { ArticleTerms } from './index/records.js';
import type { CatalogMemo } from './catalog.js';
import { createRebuildMemo, type RebuildMemo } from './rebuild-memo.js';
import type { RenderedArticle, RenderJob } from './render.js';
import type { ReadMemo } from './sources.js';

/** Bump when rendering changes in a way old cache entries would hide. */
const RENDER_VERSION = 4;
/**
 * Rendered articles are spread over this many files by key, so a rebuild after one edit
 * rewrites one file of a few MB instead of one of 170 MB (9,739 articles).
 */
const SHARDS = 32;
const KEY_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const shardOf = (key: string) => Math.max(0, KEY_DIGITS.indexOf(key[0] ?? 'A')) % SHARDS;
const shardFile = (shard: number) => `render-v${RENDER_VERSION}-${shard}.bin`;

export interface RenderCache {
  get(key: string): RenderedArticle | undefined;
  set(key: string, value: RenderedArticle): void;
  /**
   * A search index by {@link indexCacheKey}. On disk only the names of its files are kept:
   * it is found when they are all in `outDir`, and its files are read from there when asked
   * for (their names are hashes of their content).
   */
  getIndex(key: string, outDir?: string): BuiltSearchIndex | undefined;
  setIndex(key: string, value: BuiltSearchIndex): void;
  /** Forget entries not read or written since the last call (so the cache tracks one KB). */
  prune(): void;
  /** Write to disk, if this cache has a folder and anything changed. */
  save(): Promise<void>;
  readonly size: number;
  /** Where a disk cache lives (the build record is kept there too). */
  readonly dir?: string | undefined;
  /**
   * In memory only (`porthole dev`, the Vite plugin): the content folder's files as last read
   * and their front matter, so a rebuild reads and parses only the files that changed; what
   * it can take over from the last build besides renders (rebuild-memo.ts); and what the last
   * search index build can lend the next.
   */
  readonly memo?:
    { reads: ReadMemo; catalog: CatalogMemo; rebuild: RebuildMemo; index: IndexMemos } | undefined;
  /** Reports a damaged cache or build record file (which is then ignored). */
  readonly warn?: ((message: string) => void) | undefined;
}

export function cacheKey(job: RenderJob, compilerVersion: string): string {
  const hash = createHash('sha256');
  hash.update(
    `${compilerVersion}\u0000${RENDER_VERSION}\u0000${job.path}\u0000${job.title ?? ''}\u0000${job.index ? 'indexed' : ''}\u0000`,
  );
  hash.update(job.text);
  if (job.includes) {
    for (const [key, path] of Object.entries(job.includes.targets).sort())
      hash.update(`\u0000${key}\u0000${path}`);
    for (const [path, text] of Object.entries(job.includes.texts).sort())
      hash.update(`\u0000${path}\u0000${text}`);
  }
  return hash.digest('base64url');
}

/** The key of a search index: a hash of its whole input (and the compiler's version). */
export function indexCacheKey(input: SearchIndexInput, compilerVersion: string): string {
  const hash = createHash('sha256');
  hash.update(
    `index\u0000${compilerVersion}\u0000${RENDER_VERSION}\u0000${JSON.stringify([input.locale, input.synonyms ?? []])}`,
  );
  for (const article of input.articles) hash.update(indexArticleDigest(article));
  return hash.digest('base64url');
}

/**
 * Each article's part of an index key, remembered by its terms: in watch mode the terms of
 * unchanged articles are the same objects from build to build, so after one edit only that
 * article is hashed again (hashing all of them was 0.3 s at 9,739 pages).
 */
const digestMemo = new WeakMap<
  ArticleTerms,
  { file: string; sections: IndexArticle['sections']; snippets: readonly string[]; digest: Buffer }
>();

function indexArticleDigest({ file, sections, terms, snippets }: IndexArticle): Buffer {
  const memo = digestMemo.get(terms);
  if (memo && memo.file === file && memo.sections === sections && memo.snippets === snippets)
    return memo.digest;
  const hash = createHash('sha256');
  // Only what the index reads of the sections: their text is already in the terms and snippets.
  const heads = sections.map(({ id, title, level }) => [id, title, level]);
  hash.update(JSON.stringify([file, heads, terms.vocabulary, snippets, terms.stream.length]));
  hash.update(
    new Uint8Array(terms.stream.buffer, terms.stream.byteOffset, terms.stream.byteLength),
  );
  const digest = hash.digest();
  digestMemo.set(terms, { file, sections, snippets, digest });
  return digest;
}

/** An in-memory cache (`porthole dev`, the Vite plugin). */
export function createMemoryCache(): RenderCache {
  return createCache(new Map(), undefined, undefined, {
    reads: new Map(),
    catalog: { options: '', files: new Map() },
    rebuild: createRebuildMemo(),
    index: new Map(),
  });
}

export interface DiskCacheOptions {
  /**
   * Told about cache files that exist but cannot be read (damaged, truncated): they are
   * ignored, and what they held is rendered again.
   * @default process.emitWarning
   */
  onWarning?: (message: string) => void;
}

/**
 * A cache kept in `dir` between runs. Each of its files is read when a build first needs an
 * entry from it (a build answered from its build record reads none); a missing or outdated
 * file is an empty one, a damaged one too, with a warning.
 */
export function openDiskCache(dir: string, options: DiskCacheOptions = {}): Promise<RenderCache> {
  const warn = options.onWarning ?? ((message: string) => process.emitWarning(message));
  return Promise.resolve(createCache(new Map(), dir, warn));
}

/** A shard's entries from disk, or none (with a warning when the file is there but damaged). */
function readShard(dir: string, shard: number, warn: (message: string) => void) {
  const path = join(dir, shardFile(shard));
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return new Map<string, RenderedArticle>();
  }
  try {
    const data = deserialize(bytes) as unknown;
    if (data instanceof Map && [...data.values()].every(isRenderedArticle))
      return data as Map<string, RenderedArticle>;
  } catch {
    // Reported below.
  }
  warn(`ignoring the damaged cache file ${path}: its articles are rendered again`);
  return new Map<string, RenderedArticle>();
}

function isRenderedArticle(value: unknown): value is RenderedArticle {
  const v = value as Partial<RenderedArticle> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.html === 'string' &&
    Array.isArray(v.sections) &&
    Array.isArray(v.anchors) &&
    Array.isArray(v.problems)
  );
}

/**
 * On disk, each search index is a small file of its own, named by its key, listing the index's
 * files: after an edit the old one is neither loaded nor kept, and the index itself, tens of
 * MB at 10,000 articles, is never copied into the cache (serializing it cost a second per edit).
 */
const indexFile = (key: string) => `index-v${RENDER_VERSION}-${key}.json`;

function createCache(
  entries: Map<string, RenderedArticle>,
  dir: string | undefined,
  warn: (message: string) => void = () => {},
  memo?: RenderCache['memo'],
): RenderCache {
  const renders = createRenderStore(entries, dir, warn);
  const indexes = createIndexStore(dir, warn);
  return {
    dir,
    warn,
    memo,
    get: renders.get,
    set: renders.set,
    getIndex: indexes.get,
    setIndex: indexes.set,
    prune() {
      renders.prune();
      indexes.prune();
    },
    async save() {
      if (!dir) return;
      await mkdir(dir, { recursive: true });
      await renders.save(dir);
      await indexes.save(dir);
    },
    get size() {
      return entries.size;
    },
  };
}

/** Rendered articles by key, in memory and (with `dir`) in shard files read on first use. */
function createRenderStore(
  entries: Map<string, RenderedArticle>,
  dir: string | undefined,
  warn: (message: string) => void,
) {
  const loaded = new Set<number>();
  /** Entries of `key`'s shard are in `entries` once this ran (on disk: read on first use). */
  const load = (key: string) => {
    const shard = shardOf(key);
    if (!dir || loaded.has(shard)) return;
    loaded.add(shard);
    for (const [k, value] of readShard(dir, shard, warn))
      if (!entries.has(k)) entries.set(k, value);
  };
  let used = new Set<string>();
  const changed = new Set<number>();
  const unused = new Set<number>();
  return {
    get(key: string) {
      load(key);
      const value = entries.get(key);
      if (value) used.add(key);
      return value;
    },
    set(key: string, value: RenderedArticle) {
      load(key);
      entries.set(key, value);
      used.add(key);
      changed.add(shardOf(key));
    },
    prune() {
      // A build asks for every article's key: a shard it never needed holds nothing it used.
      for (let shard = 0; shard < SHARDS; shard++) if (!loaded.has(shard)) unused.add(shard);
      for (const key of entries.keys()) {
        if (!used.has(key)) {
          entries.delete(key);
          changed.add(shardOf(key));
        }
      }
      used = new Set();
    },
    async save(folder: string) {
      for (const shard of changed) {
        if (!loaded.has(shard)) continue;
        const part = new Map([...entries].filter(([key]) => shardOf(key) === shard));
        await writeAtomically(join(folder, shardFile(shard)), serialize(part));
      }
      changed.clear();
      for (const shard of unused) await rm(join(folder, shardFile(shard)), { force: true });
      unused.clear();
    },
  };
}

/**
 * Search indexes by key: in memory the index itself; with `dir`, a list of its files, which
 * are found in the output folder.
 */
function createIndexStore(dir: string | undefined, warn: (message: string) => void) {
  const indexes = new Map<string, BuiltSearchIndex>();
  const used = new Set<string>();
  const read = (key: string, outDir: string | undefined): BuiltSearchIndex | undefined => {
    if (!dir) return indexes.get(key);
    if (!outDir) return undefined;
    const path = join(dir, indexFile(key));
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
    const listed = parseIndexList(text);
    if (!listed) {
      warn(`ignoring the damaged cache file ${path}: the index is built again`);
      return undefined;
    }
    if (!listed.paths.every((file) => existsSync(join(outDir, file)))) return undefined;
    const files = readLazily(outDir, listed.paths, () => true) as Record<string, string>;
    return { root: listed.root, files };
  };
  return {
    get(key: string, outDir?: string) {
      const value = read(key, outDir);
      if (value) used.add(key);
      return value;
    },
    set(key: string, value: BuiltSearchIndex) {
      indexes.set(key, value);
      used.add(key);
    },
    prune() {
      for (const key of indexes.keys()) if (!used.has(key)) indexes.delete(key);
      // On disk, save() deletes the unused index files and starts the next round.
      if (!dir) used.clear();
    },
    async save(folder: string) {
      for (const [key, index] of indexes) {
        const list = JSON.stringify({ root: index.root, paths: Object.keys(index.files) });
        await writeAtomically(join(folder, indexFile(key)), `${hashText(list)}\n${list}`);
      }
      indexes.clear();
      for (const name of await readdir(folder)) {
        const key = /^index-v(\d+)-(.+)\.(?:bin|json)$/.exec(name);
        if (key && (Number(key[1]) !== RENDER_VERSION || !used.has(key[2] ?? '')))
          await rm(join(folder, name), { force: true });
      }
      used.clear();
    },
  };
}

/** An index list written by `save`, if it is whole. */
function parseIndexList(text: string): { root: string; paths: string[] } | undefined {
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  if (newline < 0 || text.slice(0, newline) !== hashText(body)) return undefined;
  try {
    const list = JSON.parse(body) as { root?: unknown; paths?: unknown };
    if (typeof list.root === 'string' && Array.isArray(list.paths))
      return { root: list.root, paths: list.paths as string[] };
  } catch {
    // Reported by the caller.
  }
  return undefined;
}

async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}
