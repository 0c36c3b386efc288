/**
 * Numbers, sizes, times, lists, dates and language names for the widget's texts, all through
 * `Intl` so each locale gets its own digits, separators, units and grammar. Formatters are
 * costly to create and are made once per locale and options.
 */

const formatters = new Map<string, unknown>();

/** A formatter made once per kind, locale and options (shared with `format-units.ts`). */
export function cached<T>(kind: string, locale: string, options: object, create: () => T): T {
  const key = `${kind}\u0000${locale}\u0000${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatNumber(
  value: number,
  locale: string,
  options: Intl.NumberFormatOptions = {},
): string {
  return cached('number', locale, options, () => new Intl.NumberFormat(locale, options)).format(
    value,
  );
}

export function selectPlural(count: number, locale: string): Intl.LDMLPluralRule {
  return cached('plural', locale, {}, () => new Intl.PluralRules(locale)).select(count);
}

/** A date, by default in the locale's long style (“3 March 2026”, Polish “3 marca 2026”). */
export function formatDate(
  value: Date | string | number,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'long' },
): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return cached('date', locale, options, () => new Intl.DateTimeFormat(locale, options)).format(
    date,
  );
}

/**
 * The name of a language in the visitor's language (`de` in Polish → “niemiecki”), for the
 * badge on a result in another language. A tag `Intl` cannot name comes back as it is.
 */
export function formatLanguageName(code: string, locale: string): string {
  try {
    const options = { type: 'language' } as const;
    return (
      cached('language', locale, options, () => new Intl.DisplayNames(locale, options)).of(code) ??
      code
    );
  } catch {
    return code;
  }
}

/** How soon support usually replies, as the site configures it. */
export interface ReplyTime {
  /** A positive number of `unit`s. */
  value: number;
  unit: 'minute' | 'hour' | 'day';
}

/**
 * Reads a reply time as a site writes it in an attribute: `30m`, `2h`, `1d`, `90 minutes`,
 * `2 hours`, `1.5h`. Anything else (including zero or negative numbers) gives undefined.
 */
export function parseReplyTime(text: string): ReplyTime | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(m(?:in(?:utes?)?)?|h(?:ours?)?|d(?:ays?)?)\s*$/i.exec(text);
  const value = Number(match?.[1]);
  const unit = ({ m: 'minute', h: 'hour', d: 'day' } as const)[
    (match?.[2]?.[0]?.toLowerCase() ?? '') as 'm'
  ];
  return unit && value > 0 ? { value, unit } : undefined;
}
