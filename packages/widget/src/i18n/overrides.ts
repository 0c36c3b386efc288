/**
 * The site's replacements for the interface's texts (the `strings` option), checked: unknown
 * keys and invalid values are left out with one coded warning each, and the pre-0.2 result
 * texts are read as their plural successor. A part of its own in the widget (`chunks/
 * overrides.ts`), loaded only for a page that sets `strings`.
 */
import type { issueWarning } from '../core/warnings.js';
import type { Message, MessageKey, Messages, PluralCategory, StringOverrides } from './types.js';

/** Overrides that passed {@link checkOverrides}, ready for `createTranslator`. */
export type UsableOverrides = Partial<Record<MessageKey, Message>>;

const PLURAL_CATEGORIES: ReadonlySet<string> = new Set<PluralCategory>([
  'zero',
  'one',
  'two',
  'few',
  'many',
  'other',
]);

/** A text, or an object of plural forms with at least `other`. */
export function isMessage(value: unknown): value is Message {
  if (typeof value === 'string') return true;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    typeof (value as { other?: unknown }).other === 'string' &&
    entries.every(([category, form]) => PLURAL_CATEGORIES.has(category) && typeof form === 'string')
  );
}

/**
 * `resultsOne` and `resultsMany` (before 0.2) as the plural `resultsCount`, unless that is
 * given too. Read for one more release, with a warning.
 */
function upgradeOverrides(
  { resultsOne, resultsMany, ...rest }: StringOverrides,
  warn: typeof issueWarning,
) {
  if (resultsOne === undefined && resultsMany === undefined) return rest;
  warn(
    'deprecated-string',
    'strings.resultsOne and strings.resultsMany are now one plural text, strings.resultsCount.',
  );
  if (rest.resultsCount !== undefined || typeof resultsMany !== 'string') return rest;
  const one = typeof resultsOne === 'string' ? { one: resultsOne } : {};
  return { ...rest, resultsCount: { ...one, other: resultsMany } };
}

/**
 * The overrides that can be used; the others are reported through `warn`, with why. The
 * caller passes its catalog and its `issueWarning`, which it has bundled already, so this part
 * shares no code with the others.
 */
export function checkOverrides(
  overrides: StringOverrides,
  /** The English catalog, which names every text. */
  english: Messages,
  warn: typeof issueWarning,
): UsableOverrides {
  const isKey = (key: string): key is MessageKey => Object.hasOwn(english, key);
  const usable: UsableOverrides = {};
  for (const [key, value] of Object.entries(upgradeOverrides(overrides, warn))) {
    if (!isKey(key)) {
      warn('unknown-string', `strings.${key} is not one of the widget's texts; ignored.`);
    } else if (!isMessage(value)) {
      warn(
        'invalid-string',
        `strings.${key} must be a string or an object of plural forms with "other"; ignored.`,
      );
    } else {
      usable[key] = value;
    }
  }
  return usable;
}
