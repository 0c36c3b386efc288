/**
 * Sizes, percentages and lists for the attachment list: apart from `format.ts` so that only
 * the `attachments` part carries them, not every visit.
 */
import { cached, formatNumber } from './format.js';

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

/** “A, B and C” (`conjunction`) or “A, B or C” (`disjunction`) in the locale's words. */
export function formatList(
  items: readonly string[],
  locale: string,
  type: 'conjunction' | 'disjunction' = 'conjunction',
): string {
  const options = { type } as const;
  return cached('list', locale, options, () => new Intl.ListFormat(locale, options)).format(items);
}
