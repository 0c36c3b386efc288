/**
 * The lazy seam of the script-tag bundle, used in place of `lazy.ts` by `vite.config.ts`:
 * `porthole.js` is a classic script, so it loads its parts as ES modules, by URL, from the
 * folder it was itself loaded from (`porthole-kb.js`, `porthole-sanitize.js`,
 * `porthole-tickets.js`). `import()` of a same-origin module works under
 * `script-src 'self'`; from another origin the files need CORS headers (module scripts are
 * fetched in CORS mode).
 */
import { createChunkLoader } from './chunk-loader.js';
import type { ChunkName, Chunks } from './chunk-loader.js';

export type { ChunkLoader, ChunkName, Chunks } from './chunk-loader.js';

/**
 * Where `porthole.js` came from. `document.currentScript` is only set while the script first
 * runs, so this is read when the bundle starts, before anything waits.
 */
const scriptUrl = findScriptUrl();

function findScriptUrl(): string {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current.src;
  // Run some other way (injected by a tag manager after the fact, say): find the tag.
  const tags = document.querySelectorAll<HTMLScriptElement>('script[src]');
  const tag = [...tags].reverse().find((script) => /\/porthole\.js(?:[?#]|$)/.test(script.src));
  return tag?.src ?? new URL('/porthole.js', document.baseURI).href;
}

/**
 * The URL of a sibling file: same folder and same query string as `porthole.js` (so a
 * `?v=2` cache buster on the script tag reaches its parts), plus `retry=<n>` after a failed
 * load, because some browsers remember a failed module fetch for the life of the page.
 */
export function chunkUrl(file: string, base: string, attempt: number): string {
  const url = new URL(file, base);
  url.search = new URL(base).search;
  if (attempt > 0) url.searchParams.set('retry', String(attempt));
  return url.href;
}

function importSibling<K extends ChunkName>(file: string) {
  return (attempt: number): Promise<Chunks[K]> =>
    import(/* @vite-ignore */ /* webpackIgnore: true */ chunkUrl(file, scriptUrl, attempt));
}

export const chunks = createChunkLoader({
  kb: importSibling<'kb'>('porthole-kb.js'),
  sanitize: importSibling<'sanitize'>('porthole-sanitize.js'),
  tickets: importSibling<'tickets'>('porthole-tickets.js'),
});
