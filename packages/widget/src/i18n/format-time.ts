/**
 * Waits in words, for the outbox's messages: apart from `format.ts` so that only the `outbox`
 * part carries it, not every visit.
 */
import { cached } from './format.js';

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
