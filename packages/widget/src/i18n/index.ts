/**
 * The widget's interface texts in every built-in language: choosing the locale
 * (`resolveLocale`), importing only its texts (`localeImporters`), and turning them into words
 * (`createTranslator`), with plurals, numbers, sizes and dates through `Intl`.
 * See docs/translations.md.
 *
 * @example
 * const locale = resolveLocale({
 *   dataLocale: script.dataset.locale,
 *   htmlLang: document.documentElement.lang,
 *   navigatorLanguages: navigator.languages,
 * });
 * const messages = locale === 'en' ? englishMessages : (await localeImporters[locale](0)).default;
 * const { t } = createTranslator(locale, messages, checkOverrides(options.strings, englishMessages, console.warn));
 * t('resultsCount', { count: 5 }); // pl: “Znaleziono 5 artykułów”
 */
export { BUILT_IN_LOCALES, DEFAULT_LOCALE } from './locales.js';
export type { BuiltInLocale } from './locales.js';
export { resolveLocale, matchLocale, direction } from './resolve.js';
export type { ResolveLocaleOptions, TextDirection } from './resolve.js';
export { localeImporters } from './locale-importers.js';
export type { LocaleImporter, LocaleModule } from './locale-importers.js';
export { createTranslator, englishTranslator, formatReplyTime } from './translator.js';
export { checkOverrides, isMessage } from './overrides.js';
export type { UsableOverrides } from './overrides.js';
export type { MessagePart, Translator } from './translator.js';
export { formatDate, formatLanguageName, formatNumber, parseReplyTime } from './format.js';
export { formatFileSize, formatList, formatPercent } from './format-units.js';
export { formatTimeUntil } from './format-time.js';
export type { ReplyTime } from './format.js';
export { default as englishMessages } from './english.js';
export type {
  Message,
  MessageArgs,
  MessageKey,
  Messages,
  MessageValues,
  Placeholder,
  PluralCategory,
  PluralKey,
  PluralMessage,
  StringOverrides,
} from './types.js';
