/**
 * Turns a catalog into text: looks a key up (the site's overrides, then the locale's catalog,
 * then English), picks the plural form with `Intl.PluralRules`, fills in `{placeholders}`.
 */
import { formatNumber, selectPlural } from './format.js';
import type { ReplyTime } from './format.js';
import { DEFAULT_LOCALE } from './locales.js';
import en from './locales/en.js';
import type { UsableOverrides } from './overrides.js';
import type { Message, MessageArgs, MessageKey, Messages, PluralMessage } from './types.js';

/** A piece of a formatted message: literal text, or the value of one placeholder. */
export type MessagePart = string | { readonly placeholder: string; readonly value: string };

export interface Translator {
  /** The locale of the texts: put it in `lang` on the widget's own elements. */
  readonly locale: string;
  /**
   * The text for `key` with its placeholders filled in. Plain text, never HTML: render it as
   * text. Plural messages pick their form by `values.count`.
   *
   * @example t('resultsCount', { count: 5 }) // pl: “Znaleziono 5 artykułów”
   */
  t<K extends MessageKey>(key: K, ...args: MessageArgs<K>): string;
  /**
   * Like {@link t}, split into literal text and placeholder values, so a view can style a
   * value (the reference in bold, the query in quotes) without building HTML from strings.
   *
   * @example parts('reference', { reference: 'PH-7KQ2' })
   * // → ['Your reference is ', { placeholder: 'reference', value: 'PH-7KQ2' }]
   */
  parts<K extends MessageKey>(key: K, ...args: MessageArgs<K>): MessagePart[];
  /**
   * A number with the locale's digits and separators. Sizes, percentages, lists, dates,
   * language names and times are `formatFileSize(bytes, i18n.locale)` and the other
   * functions of `format.ts`, `format-units.ts` and `format-time.ts`: separate, so a build
   * (and each part of it) carries only those it uses.
   */
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * The English texts every translator falls back to: those of `porthole.js` and the panel, and
 * those each part loaded when used adds when it arrives (see `english.ts`).
 */
const englishTexts: Partial<Record<MessageKey, Message>> = { ...en };

/** Add a part's English texts to the fallback of every translator. */
export function addEnglishTexts(texts: Partial<Record<MessageKey, Message>>): void {
  Object.assign(englishTexts, texts);
}

/**
 * A translator for `locale` with its catalog and the site's overrides (the `strings` option,
 * passed through `checkOverrides` from `overrides.ts`, which warns about the unusable ones).
 * Any key the catalog lacks, or holds in a wrong shape, falls back to English; an override
 * replaces both.
 */
export function createTranslator(
  locale: string,
  messages: Partial<Messages> = {},
  usableOverrides: UsableOverrides = {},
): Translator {
  /** The message for a key, and the locale whose plural rules choose among its forms. */
  const lookUp = (key: MessageKey): [Message, string] => {
    const override = usableOverrides[key];
    if (override !== undefined) return [override, locale];
    const own = messages[key] as Message | undefined;
    // A catalog entry of the wrong shape (a community translation's slip) falls back too.
    if (typeof own === 'string' || typeof own?.other === 'string') return [own, locale];
    // A text a build left out because no code shows it reads as its key, never as nothing.
    return [englishTexts[key] ?? key, DEFAULT_LOCALE];
  };

  const template = (key: MessageKey, values: Readonly<Record<string, unknown>>): string => {
    const [message, rulesLocale] = lookUp(key);
    if (typeof message === 'string') return message;
    const count = values['count'];
    const category = typeof count === 'number' ? selectPlural(count, rulesLocale) : 'other';
    return (message as PluralMessage)[category] ?? message.other;
  };

  const show = (value: unknown): string =>
    typeof value === 'number' ? formatNumber(value, locale) : String(value);

  const parts = (key: MessageKey, values: Readonly<Record<string, unknown>> = {}) => {
    const result: MessagePart[] = [];
    let last = 0;
    const text = template(key, values);
    for (const match of text.matchAll(PLACEHOLDER)) {
      const name = match[1] ?? '';
      // A placeholder without a value stays visible, so a missing value is noticed.
      if (!Object.hasOwn(values, name)) continue;
      if (match.index > last) result.push(text.slice(last, match.index));
      result.push({ placeholder: name, value: show(values[name]) });
      last = match.index + match[0].length;
    }
    if (last < text.length) result.push(text.slice(last));
    return result;
  };

  const t = (key: MessageKey, values: Readonly<Record<string, unknown>> = {}) =>
    parts(key, values)
      .map((part) => (typeof part === 'string' ? part : part.value))
      .join('');

  return {
    locale,
    t: t as Translator['t'],
    parts: parts as Translator['parts'],
    number: (value, options) => formatNumber(value, locale, options),
  };
}

const REPLY_TIME_KEYS = {
  minute: 'replyTimeMinutes',
  hour: 'replyTimeHours',
  day: 'replyTimeDays',
} as const;

/** The reply-time sentence for the home view: “We usually reply within 2 hours”. */
export function formatReplyTime({ t }: Translator, time: ReplyTime): string {
  return t(REPLY_TIME_KEYS[time.unit], { count: time.value });
}

let english: Translator | undefined;

/** The English translator without overrides: what a view shows before it is given one. */
export function englishTranslator(): Translator {
  return (english ??= createTranslator(DEFAULT_LOCALE));
}
