/**
 * How the widget's parts are imported when it is bundled by an app (npm) and in the tests:
 * plain dynamic `import()`s, which the app's bundler splits into files of their own.
 *
 * The script-tag build (`vite.config.ts`) replaces this module with `importers-script.ts`,
 * which imports the prebuilt, content-hashed `porthole-*.js` files from beside `porthole.js`.
 * Both export the same `importers`.
 */
import type { ChunkImporters, ChunkName, LocaleChunkName } from '../core/chunk-loader.js';
import { localeImporters } from '../i18n/locale-importers.js';
import type { LocaleImporter } from '../i18n/locale-importers.js';

const languages = Object.fromEntries(
  Object.entries(localeImporters).map(([code, importer]) => [`locale-${code}`, importer]),
) as Record<LocaleChunkName, LocaleImporter>;

export const importers: ChunkImporters = {
  panel: () => import('../chunks/panel.js'),
  kb: () => import('../chunks/kb.js'),
  sanitize: () => import('../chunks/sanitize.js'),
  tickets: () => import('../chunks/tickets.js'),
  position: () => import('../chunks/position.js'),
  attachments: () => import('../chunks/attachments.js'),
  fields: () => import('../chunks/fields.js'),
  outbox: () => import('../chunks/outbox.js'),
  shortcut: () => import('../chunks/shortcut.js'),
  overrides: () => import('../chunks/overrides.js'),
  ...languages,
};

/** A bundler decides itself what to prefetch: nothing to do here. */
export const prefetch: ((name: ChunkName) => void) | undefined = undefined;
