/**
 * Numbers, sizes, times, lists, dates and language names for the widget's texts, all through
 * `Intl` so each locale gets its own digits, separators, units and grammar. Formatters are
 * costly to create and are made once per locale and options.
 */

const formatters = new Map<string, unknown>();

function cached<T>(kind: string, locale: string, options: object, create: () => T): T {
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

const SIZE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * A file size for people: “532 bytes”, “12.5 kB”, “1.5 MB” (Polish “1,5 MB”, Russian
 * “1,5 МБ”, French “1,5 Mo”). Decimal units (1 kB = 1,000 bytes), as `Intl`'s unit names mean
 * and as macOS, iOS, Android and GNOME show sizes; one decimal below 10, none above.
 */
export function formatFileSize(bytes: number, locale: string): string {
  let value = Number.isFinite(bytes) ? Math.max(0, bytes) : 0;
  let index = 0;
  for (;;) {
    const digits = index === 0 || value >= 10 ? 0 : 1;
    const rounded = Number(value.toFixed(digits));
    if (rounded >= 1000 && index < SIZE_UNITS.length - 1) {
      value /= 1000;
      index += 1;
      continue;
    }
    return formatNumber(rounded, locale, {
      style: 'unit',
      unit: SIZE_UNITS[index],
      // “532 bytes” reads better than “532 byte”; “12.5 kB” better than “12.5 kilobytes”.
      unitDisplay: index === 0 ? 'long' : 'short',
      maximumFractionDigits: digits,
    });
  }
}

/** Progress as a percentage: 0.42 → “42%” (French and German “42 %”). Clamped to 0–100 %. */
export function formatPercent(fraction: number, locale: string): string {
  const clamped = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  return formatNumber(clamped, locale, { style: 'percent', maximumFractionDigits: 0 });
}

/**
 * How long until something can happen again, as a phrase that fits after a verb: 90 →
 * “in 2 minutes” (Polish “za 2 minuty”, Russian “через 2 минуты”, German “in 2 Minuten”).
 * Rounded up to whole seconds, minutes, hours or days, so it never promises too early.
 */
export function formatTimeUntil(seconds: number, locale: string): string {
  const s = Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : 1;
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    s < 60
      ? [s, 'second']
      : s < 3600
        ? [Math.ceil(s / 60), 'minute']
        : s < 86_400
          ? [Math.ceil(s / 3600), 'hour']
          : [Math.ceil(s / 86_400), 'day'];
  // `always`: `auto` would say 1 day as “tomorrow”, which 25 hours before midnight is wrong.
  const options = { numeric: 'always' } as const;
  const text = cached(
    'relative',
    locale,
    options,
    () => new Intl.RelativeTimeFormat(locale, options),
  ).format(value, unit);
  // CLDR's Hebrew patterns spell one and two in words and repeat the number in brackets
  // (“בעוד שעתיים (2)”, “in two hours (2)”); the words say it already.
  return text.replace(/\s\(\p{Nd}+\)$/u, '');
}

/** “A, B and C” (`conjunction`) or “A, B or C” (`disjunction`) in the locale's words. */
export function formatList(
  items: readonly string[],
  locale: string,
  type: 'conjunction' | 'disjunction' = 'conjunction',
): string {
  const options = { type } as const;
  return cached('list', locale, options, () => new Intl.ListFormat(locale, options)).format(items);
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
