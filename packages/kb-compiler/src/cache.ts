/**
 * Rendered articles by content hash, so a rebuild renders only what changed: the key covers
 * everything a render depends on (the file's path and text, the title, the files it includes,
 * and the compiler's version). Kept in memory by `porthole dev`, and in one file on disk
 * between `porthole build` runs (`v8.serialize`, written atomically; entries not used by the
 * last build are dropped, so it never grows beyond one knowledge base).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { RenderedArticle, RenderJob } from './render.js';

/** Bump when rendering changes in a way old cache entries would hide. */
const RENDER_VERSION = 2;
const FILE = `render-cache-v${RENDER_VERSION}.bin`;

export interface RenderCache {
  get(key: string): RenderedArticle | undefined;
  set(key: string, value: RenderedArticle): void;
  /** Forget entries not read or written since the last call (so the cache tracks one KB). */
  prune(): void;
  /** Write to disk, if this cache has a folder and anything changed. */
  save(): Promise<void>;
  readonly size: number;
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

/** An in-memory cache (`porthole dev`, the Vite plugin). */
export function createMemoryCache(): RenderCache {
  return createCache(new Map(), undefined);
}

/** A cache kept in `dir` between runs; an unreadable or outdated file is an empty cache. */
export async function openDiskCache(dir: string): Promise<RenderCache> {
  let entries = new Map<string, RenderedArticle>();
  try {
    const data = deserialize(await readFile(join(dir, FILE))) as unknown;
    if (data instanceof Map) entries = data as Map<string, RenderedArticle>;
  } catch {
    // No cache yet, or one from another Node version: start empty.
  }
  return createCache(entries, dir);
}

function createCache(entries: Map<string, RenderedArticle>, dir: string | undefined): RenderCache {
  let used = new Set<string>();
  let changed = false;
  return {
    get(key) {
      const value = entries.get(key);
      if (value) used.add(key);
      return value;
    },
    set(key, value) {
      entries.set(key, value);
      used.add(key);
      changed = true;
    },
    prune() {
      for (const key of entries.keys()) {
        if (!used.has(key)) {
          entries.delete(key);
          changed = true;
        }
      }
      used = new Set();
    },
    async save() {
      if (!dir || !changed) return;
      await mkdir(dir, { recursive: true });
      const temporary = join(dir, `${FILE}.${process.pid}.tmp`);
      await writeFile(temporary, serialize(entries));
      await rename(temporary, join(dir, FILE));
      changed = false;
    },
    get size() {
      return entries.size;
    },
  };
}
