import type * as AttachmentsChunk from '../chunks/attachments.js';
import type * as FieldsChunk from '../chunks/fields.js';
import type * as KbChunk from '../chunks/kb.js';
import type * as OutboxChunk from '../chunks/outbox.js';
import type * as OverridesChunk from '../chunks/overrides.js';
import type * as PanelChunk from '../chunks/panel.js';
import type * as PositionChunk from '../chunks/position.js';
import type * as SanitizeChunk from '../chunks/sanitize.js';
import type * as ShortcutChunk from '../chunks/shortcut.js';
import type * as TicketsChunk from '../chunks/tickets.js';
import type { LocaleModule } from '../i18n/locale-importers.js';
import type { BuiltInLocale, DEFAULT_LOCALE } from '../i18n/locales.js';

/** A built-in interface language other than English (which is bundled). */
export type LoadableLocale = Exclude<BuiltInLocale, typeof DEFAULT_LOCALE>;

/** The part holding one language's texts: `locale-pl` (`porthole-locale-pl-<hash>.js`). */
export type LocaleChunkName = `locale-${LoadableLocale}`;

/**
 * The parts of the widget that load when first needed, by name: the code, and each
 * interface language's texts (`locale-<code>`, only the page's one is ever loaded).
 */
export interface Chunks extends Record<LocaleChunkName, LocaleModule> {
  /** Lit, the panel and its views: everything shown once the visitor reaches for help. */
  panel: typeof PanelChunk;
  /** `@porthole/kb` + Fuse.js: open and search a knowledge base. */
  kb: typeof KbChunk;
  /** DOMPurify + the article rules, for browsers without the HTML Sanitizer API. */
  sanitize: typeof SanitizeChunk;
  /** `@porthole/tickets`: validate and send tickets. */
  tickets: typeof TicketsChunk;
  /** Floating UI: keeps the panel next to a page's own button. */
  position: typeof PositionChunk;
  /** The attached files and their uploads: loaded when a visitor first attaches one. */
  attachments: typeof AttachmentsChunk;
  /** The site's own contact-form fields: loaded with the form, when there are any. */
  fields: typeof FieldsChunk;
  /** Sends what waits in the outbox: loaded only when something does. */
  outbox: typeof OutboxChunk;
  /** Checking the site's `strings`, where a site sets them. */
  overrides: typeof OverridesChunk;
  /** The keyboard shortcut, where a site sets one. */
  shortcut: typeof ShortcutChunk;
}

export type ChunkName = keyof Chunks;

/**
 * Imports one chunk. `attempt` counts the failed loads before this one (0 the first time), so
 * an importer can ask for a fresh copy where a browser might remember a failed module fetch.
 */
export type ChunkImporters = { [K in ChunkName]: (attempt: number) => Promise<Chunks[K]> };

export interface ChunkLoader {
  /**
   * The chunk's module. Loaded once and shared by every caller; a failed load is not kept, so
   * the next call tries again. Rejects with an `Error` whose `cause` is the import's error.
   */
  load<K extends ChunkName>(name: K): Promise<Chunks[K]>;
  /** The chunk's module if it has loaded, else undefined: for code that must not wait. */
  get<K extends ChunkName>(name: K): Chunks[K] | undefined;
  /**
   * Fetch (and let the browser compile) a chunk without running it, where the build can:
   * its code then costs the page nothing until it is loaded. Does nothing otherwise.
   */
  prefetch(name: ChunkName): void;
}

export interface ChunkLoaderOptions {
  /** How to fetch a chunk without running it (the script bundle's modulepreload). */
  prefetch?: ((name: ChunkName) => void) | undefined;
}

/**
 * The one place a widget's lazily loaded parts come from. Each `porthole-widget` makes its own
 * (the browser's module cache shares the files), so nothing is kept at module level.
 */
export function createChunkLoader(
  importers: ChunkImporters,
  options: ChunkLoaderOptions = {},
): ChunkLoader {
  const prefetched = new Set<ChunkName>();
  const loading = new Map<ChunkName, Promise<unknown>>();
  const loaded = new Map<ChunkName, unknown>();
  const failures = new Map<ChunkName, number>();

  const load = <K extends ChunkName>(name: K): Promise<Chunks[K]> => {
    const existing = loading.get(name) as Promise<Chunks[K]> | undefined;
    if (existing) return existing;
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
    loading.set(name, current);
    return current;
  };

  return {
    load,
    get: <K extends ChunkName>(name: K) => loaded.get(name) as Chunks[K] | undefined,
    prefetch(name) {
      if (loading.has(name) || prefetched.has(name)) return;
      prefetched.add(name);
      options.prefetch?.(name);
    },
  };
}
