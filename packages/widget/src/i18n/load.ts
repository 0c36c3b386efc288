/**
 * Loads a locale's texts when a page needs them: English is bundled, every other built-in
 * locale is its own module, imported once (`locale-importers.ts`).
 */
import { localeImporters } from './locale-importers.js';
import type { LocaleImporter } from './locale-importers.js';
import { DEFAULT_LOCALE } from './locales.js';
import en from './locales/en.js';
import type { Messages } from './types.js';

export interface MessageLoader {
  /** Every locale it can load, English included. */
  readonly locales: readonly string[];
  /**
   * The texts of one of {@link locales} (any case). Each module is imported once and shared by
   * every caller; a failed import is not kept, so the next call tries again. Rejects with a
   * `RangeError` for a locale it has no texts for (pick one with `resolveLocale` first), and
   * with an `Error` whose `cause` is the import's error when the module cannot be loaded.
   */
  load(locale: string): Promise<Messages>;
  /** The texts if already loaded (English always is), for code that must not wait. */
  get(locale: string): Messages | undefined;
}

/** A loader over the given importers (tests pass their own to watch or fail imports). */
export function createMessageLoader(
  importers: Readonly<Record<string, LocaleImporter>>,
): MessageLoader {
  const loading = new Map<string, Promise<Messages>>();
  const loaded = new Map<string, Messages>([[DEFAULT_LOCALE, en]]);
  const failures = new Map<string, number>();
  const codes = new Map(
    [DEFAULT_LOCALE, ...Object.keys(importers)].map((code) => [code.toLowerCase(), code]),
  );

  const load = (locale: string): Promise<Messages> => {
    const code = codes.get(locale.toLowerCase());
    if (code === undefined) {
      return Promise.reject(
        new RangeError(
          `The help widget has no texts for "${locale}" (it has ${[...codes.values()].join(', ')}).`,
        ),
      );
    }
    const done = loaded.get(code);
    if (done) return Promise.resolve(done);
    let promise = loading.get(code);
    if (!promise) {
      const attempt = failures.get(code) ?? 0;
      const importer = importers[code] as LocaleImporter;
      const current: Promise<Messages> = Promise.resolve()
        .then(() => importer(attempt))
        .then((module) => {
          if (typeof module?.default !== 'object' || module.default === null) {
            throw new TypeError(`The module for "${code}" has no default export of texts.`);
          }
          loaded.set(code, module.default);
          return module.default;
        })
        .catch((error: unknown) => {
          failures.set(code, attempt + 1);
          throw new Error(`The help widget could not load its "${code}" texts.`, {
            cause: error,
          });
        })
        .finally(() => {
          if (loading.get(code) === current) loading.delete(code);
        });
      promise = current;
      loading.set(code, promise);
    }
    return promise;
  };

  return {
    locales: [...codes.values()],
    load,
    get: (locale) => {
      const code = codes.get(locale.toLowerCase());
      return code === undefined ? undefined : loaded.get(code);
    },
  };
}

/** The widget's own loader, over the built-in locales. */
export const messageLoader: MessageLoader = createMessageLoader(localeImporters);

/**
 * The texts of a built-in locale, importing only that locale's module (English without any
 * import). See {@link MessageLoader.load}.
 */
export function loadMessages(locale: string): Promise<Messages> {
  return messageLoader.load(locale);
}
