/**
 * The locales the widget has texts for. English is bundled with the code; every other one is
 * its own module (`locales/<code>.ts`), loaded only when a page needs it (`load.ts`).
 */
export const BUILT_IN_LOCALES = [
  'ar',
  'de',
  'el',
  'en',
  'es',
  'fr',
  'he',
  'hr',
  'it',
  'lv',
  'nl',
  'pl',
  'pt',
  'ru',
  'uk',
] as const;

export type BuiltInLocale = (typeof BUILT_IN_LOCALES)[number];

/** The locale whose texts are bundled and fill in any text another catalog lacks. */
export const DEFAULT_LOCALE = 'en';
