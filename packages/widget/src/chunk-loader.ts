import type * as KbChunk from './chunks/kb.js';
import type * as SanitizeChunk from './chunks/sanitize.js';
import type * as TicketsChunk from './chunks/tickets.js';

/** The parts of the widget that load when first needed, by name. */
export interface Chunks {
  /** `@porthole/kb` + Fuse.js: open and search a knowledge base. */
  kb: typeof KbChunk;
  /** DOMPurify + the article rules: make article HTML safe to insert. */
  sanitize: typeof SanitizeChunk;
  /** `@porthole/tickets` + valibot: validate and send tickets. */
  tickets: typeof TicketsChunk;
}

export type ChunkName = keyof Chunks;

/**
 * Imports one chunk. `attempt` counts the failed loads before this one (0 the first time), so
 * an importer can ask for a fresh copy where a browser might remember a failed module fetch.
 */
export type ChunkImporters = { [K in ChunkName]: (attempt: number) => Promise<Chunks[K]> };

export interface ChunkLoader {
  /** How each chunk is imported. Tests replace entries to watch loads or make them fail. */
  readonly importers: ChunkImporters;
  /**
   * The chunk's module. Loaded once and shared by every caller; a failed load is not kept, so
   * the next call tries again. Rejects with an `Error` whose `cause` is the import's error.
   */
  load<K extends ChunkName>(name: K): Promise<Chunks[K]>;
  /** The chunk's module if it has loaded, else undefined: for code that must not wait. */
  get<K extends ChunkName>(name: K): Chunks[K] | undefined;
  /** Forget every loaded chunk and failure count (tests only; modules stay cached by the browser). */
  reset(): void;
}

/** The one place the widget's lazily loaded parts come from (see `lazy.ts`). */
export function createChunkLoader(importers: ChunkImporters): ChunkLoader {
  const loading = new Map<ChunkName, Promise<unknown>>();
  const loaded = new Map<ChunkName, unknown>();
  const failures = new Map<ChunkName, number>();

  const load = <K extends ChunkName>(name: K): Promise<Chunks[K]> => {
    let promise = loading.get(name) as Promise<Chunks[K]> | undefined;
    if (!promise) {
      const attempt = failures.get(name) ?? 0;
      const importer = importers[name] as (attempt: number) => Promise<Chunks[K]>;
      // `Promise.resolve().then` turns an importer that throws into a rejection.
      const current: Promise<Chunks[K]> = Promise.resolve()
        .then(() => importer(attempt))
        .then(
          (module) => {
            loaded.set(name, module);
            return module;
          },
          (error: unknown) => {
            if (loading.get(name) === current) loading.delete(name);
            failures.set(name, attempt + 1);
            throw new Error(`The help widget could not load its "${name}" code.`, {
              cause: error,
            });
          },
        );
      promise = current;
      loading.set(name, promise);
    }
    return promise;
  };

  return {
    importers,
    load,
    get: <K extends ChunkName>(name: K) => loaded.get(name) as Chunks[K] | undefined,
    reset() {
      loading.clear();
      loaded.clear();
      failures.clear();
    },
  };
}
