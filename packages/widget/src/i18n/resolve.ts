/**
 * Which language the widget speaks on a page, and which way that language is written.
 */
import { BUILT_IN_LOCALES, DEFAULT_LOCALE } from './locales.js';

export interface ResolveLocaleOptions {
  /**
   * What the site asked for: `data-locale` on the script tag or the `locale` option.
   * @default undefined
   */
  dataLocale?: string | null | undefined;
  /**
   * The page's language: `<html lang>` (or the `lang` nearest the widget).
   * @default undefined
   */
  htmlLang?: string | null | undefined;
  /**
   * The visitor's languages, most preferred first: `navigator.languages`.
   * @default []
   */
  navigatorLanguages?: readonly string[] | undefined;
  /**
   * The locales there are texts for.
   * @default BUILT_IN_LOCALES
   */
  available?: readonly string[] | undefined;
  /**
   * What to use when nothing matches.
   * @default 'en'
   */
  fallback?: string | undefined;
}

/**
 * Picks the locale to use, from `available`: the first of `dataLocale`, `htmlLang` and
 * `navigatorLanguages` that matches one, else `fallback`. Case does not matter and `_` counts
 * as `-` (`pt_br`). A tag matches itself, then its shorter forms of the same script (`pt-BR` →
 * `pt`; `sr-Latn-RS` → `sr-Latn`, but not `sr`, which is Cyrillic; `zh-Hant-TW` → not `zh`,
 * which is Simplified), then another available region of the same language and script
 * (`pt` → `pt-BR`). Legacy and mistaken codes are understood (`iw` → `he`, `ua` → `uk`).
 * Returns the tag as spelt in `available`.
 */
export function resolveLocale(options: ResolveLocaleOptions = {}): string {
  const available = options.available ?? BUILT_IN_LOCALES;
  const candidates = [options.dataLocale, options.htmlLang, ...(options.navigatorLanguages ?? [])];
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const match = matchLocale(candidate, available);
    if (match !== undefined) return match;
  }
  return options.fallback ?? DEFAULT_LOCALE;
}

/**
 * Country codes that sites put in `lang` by mistake, which are no language's code, mapped to
 * the language meant. (Legacy codes such as `iw` are mapped by `Intl.getCanonicalLocales`.)
 */
const MISTAKEN_CODES: Readonly<Record<string, string>> = {
  cz: 'cs',
  dk: 'da',
  gr: 'el',
  jp: 'ja',
  ua: 'uk',
};

/** The best of `available` for one language tag, or undefined (see {@link resolveLocale}). */
export function matchLocale(tag: string, available: readonly string[]): string | undefined {
  const byLowerCase = new Map(available.map((locale) => [normalize(locale), locale]));
  for (const form of spellings(tag)) {
    const script = scriptOf(form);
    // The tag, then shorter forms of it, as long as they are written the same way.
    for (let prefix = form; prefix; prefix = prefix.replace(/-?[^-]*$/, '')) {
      const found = byLowerCase.get(prefix);
      if (found !== undefined && scriptOf(prefix) === script) return found;
    }
    // Another region of the same language and script (`pt` → `pt-BR`).
    const language = form.split('-')[0];
    const sibling = available.find(
      (locale) => normalize(locale).split('-')[0] === language && scriptOf(locale) === script,
    );
    if (sibling !== undefined) return sibling;
  }
  return undefined;
}

/** The lower-case forms to try for a tag: as written, canonical, and a mistaken code fixed. */
function spellings(tag: string): string[] {
  const written = normalize(tag);
  if (!/^[a-z]{2,8}(?:-[a-z0-9]{1,8})*$/.test(written)) return [];
  const forms = [written];
  try {
    const canonical = Intl.getCanonicalLocales(written)[0];
    if (canonical) forms.push(normalize(canonical));
  } catch {
    // Well-formed but invalid (`en-x`): the written form is all there is.
  }
  const [language = '', ...rest] = written.split('-');
  const meant = MISTAKEN_CODES[language];
  if (meant) forms.push([meant, ...rest].join('-'));
  return [...new Set(forms)];
}

function normalize(tag: string): string {
  return tag.trim().replaceAll('_', '-').toLowerCase();
}

/**
 * The scripts of the built-in languages not written in Latin letters; the others are `Latn`.
 * No region changes them (`en-IN`, `pt-MO`, `ar-IL`: `resolve.test.ts` checks every region
 * against the browser's CLDR data). `maximize()` would say the same, but its first call loads
 * ICU's likely-subtags data: 25–35 ms of the host page's main thread (over 100 ms at 4× CPU
 * slowdown), paid on page load, where the widget picks its language and direction.
 */
export const NOT_LATIN: Readonly<Record<string, string>> = {
  ar: 'Arab',
  el: 'Grek',
  he: 'Hebr',
  ru: 'Cyrl',
  uk: 'Cyrl',
};

/** The script a tag is written in, explicit or likely (`sr` → `Cyrl`), or '' if unknown. */
function scriptOf(tag: string): string {
  try {
    const locale = new Intl.Locale(tag);
    if (locale.script) return locale.script;
    if ((BUILT_IN_LOCALES as readonly string[]).includes(locale.language)) {
      return NOT_LATIN[locale.language] ?? 'Latn';
    }
    return locale.maximize().script ?? '';
  } catch {
    return '';
  }
}

export type TextDirection = 'ltr' | 'rtl';

/** Scripts written right to left (ISO 15924). */
const RTL_SCRIPTS = new Set([
  'Adlm', // Adlam (Fula)
  'Arab', // Arabic, Persian, Urdu, Pashto, Sindhi, Uyghur, Kurdish (Sorani)
  'Hebr', // Hebrew, Yiddish
  'Mand', // Mandaic
  'Mend', // Mende Kikakui
  'Nkoo', // N’Ko
  'Rohg', // Hanifi Rohingya
  'Samr', // Samaritan
  'Syrc', // Syriac
  'Thaa', // Thaana (Dhivehi)
  'Yezi', // Yezidi
]);

/**
 * Which way a locale is written: `rtl` for Arabic, Hebrew, Persian, Urdu and every other
 * language in a right-to-left script (`ar`, `he`, `fa`, `ur`, `ps`, `yi`, `ckb`, `az-Arab`),
 * `ltr` otherwise, including for tags that are not valid.
 */
export function direction(locale: string): TextDirection {
  return RTL_SCRIPTS.has(scriptOf(normalize(locale))) ? 'rtl' : 'ltr';
}
