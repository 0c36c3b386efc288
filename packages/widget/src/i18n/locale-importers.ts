/**
 * How each built-in locale's catalog is imported: one dynamic `import()` per locale, so a
 * bundler (Vite, webpack, Rollup, esbuild) makes each its own file and a page downloads only
 * the one it uses. English is not here: it is bundled (`locales/en.ts`).
 *
 * The widget loads them as parts (`locale-<code>`) through its chunk loader, like its code
 * (`loading/importers.ts`); the script-tag build loads the prebuilt
 * `porthole-locale-<code>-<hash>.js` files beside `porthole.js` instead
 * (`loading/importers-script.ts`).
 */
import type { BuiltInLocale, DEFAULT_LOCALE } from './locales.js';
import type { Messages } from './types.js';

/** What a locale module exports. */
export interface LocaleModule {
  default: Messages;
}

/**
 * Imports one locale's module. `attempt` counts the failed loads before this one (0 the first
 * time), so an importer can ask for a fresh copy where a browser remembers a failed fetch.
 */
export type LocaleImporter = (attempt: number) => Promise<LocaleModule>;

export const localeImporters: {
  readonly [L in Exclude<BuiltInLocale, typeof DEFAULT_LOCALE>]: LocaleImporter;
} = {
  ar: () => import('./locales/ar.js'),
  de: () => import('./locales/de.js'),
  el: () => import('./locales/el.js'),
  es: () => import('./locales/es.js'),
  fr: () => import('./locales/fr.js'),
  he: () => import('./locales/he.js'),
  hr: () => import('./locales/hr.js'),
  it: () => import('./locales/it.js'),
  lv: () => import('./locales/lv.js'),
  nl: () => import('./locales/nl.js'),
  pl: () => import('./locales/pl.js'),
  pt: () => import('./locales/pt.js'),
  ru: () => import('./locales/ru.js'),
  uk: () => import('./locales/uk.js'),
};
