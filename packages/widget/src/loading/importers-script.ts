/**
 * The importers of the script-tag bundle, used in place of `importers.ts` by `vite.config.ts`:
 * `porthole.js` is a classic script, so it loads its parts as ES modules, by URL, from the
 * folder it was itself loaded from. Their names carry a content hash (`porthole-panel-
 * 1k2j3h4g5f.js`), known here from the build (`__PORTHOLE_PARTS__`), so a `porthole.js` only
 * ever loads the parts of its own build and servers may cache them forever. `import()` of a
 * same-origin module works under `script-src 'self'`; from another origin the files need CORS
 * headers (module scripts are fetched in CORS mode).
 */
import type { ChunkImporters, ChunkName, Chunks } from '../core/chunk-loader.js';
import { BUILT_IN_LOCALES, DEFAULT_LOCALE } from '../i18n/locales.js';

/** File name of each part of code, written into the bundle by the build. */
declare const __PORTHOLE_PARTS__: Record<string, string>;
/** The one hash of every language's part (`porthole-locale-pl-<hash>.js`), likewise. */
declare const __PORTHOLE_LOCALES__: string;

/** Every part's file name: the code, and each interface language's texts. */
const PARTS = { ...__PORTHOLE_PARTS__ } as Record<ChunkName, string>;
for (const code of BUILT_IN_LOCALES) {
  if (code !== DEFAULT_LOCALE)
    PARTS[`locale-${code}`] = `porthole-locale-${code}-${__PORTHOLE_LOCALES__}.js`;
}

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
 * The URL of a sibling file in the script's folder, plus `retry=<n>` after a failed load,
 * because a browser may remember a failed module fetch for the life of the page.
 */
export function chunkUrl(file: string, base: string, attempt: number): string {
  const url = new URL(file, base);
  if (attempt > 0) url.searchParams.set('retry', String(attempt));
  return url.href;
}

function importPart<K extends ChunkName>(name: K) {
  const file = PARTS[name];
  return (attempt: number): Promise<Chunks[K]> =>
    import(/* @vite-ignore */ /* webpackIgnore: true */ chunkUrl(file, scriptUrl, attempt));
}

export const importers = Object.fromEntries(
  Object.keys(PARTS).map((name) => [name, importPart(name as ChunkName)]),
) as ChunkImporters;

/**
 * Fetch a part ahead of need with `<link rel="modulepreload">` (added to the page's `<head>`):
 * the browser downloads and compiles it, but runs nothing until the part is imported.
 */
export function prefetch(name: ChunkName): void {
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = chunkUrl(PARTS[name], scriptUrl, 0);
  document.head.append(link);
}
