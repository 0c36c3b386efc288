import type english from './english.js';

/** A CLDR plural category, as `Intl.PluralRules.prototype.select` returns it. */
export type PluralCategory = Intl.LDMLPluralRule;

/**
 * A text that depends on a number (`count`): one form per plural category of the language,
 * chosen with `Intl.PluralRules`. `other` is required because every language has it; a
 * language gives exactly the categories `new Intl.PluralRules(locale)` can return (English:
 * `one`, `other`; Polish: `one`, `few`, `many`, `other`; Arabic: all six).
 */
export type PluralMessage = { readonly other: string } & {
  readonly [C in Exclude<PluralCategory, 'other'>]?: string;
};

/** One entry of a catalog: a text, or a text per plural category. */
export type Message = string | PluralMessage;

/** The English catalog, whose keys and shapes every other catalog follows. */
type English = typeof english;

/** The name of one of the widget's texts. */
export type MessageKey = keyof English;

/** The keys whose message is a {@link PluralMessage}, chosen by the `count` value. */
export type PluralKey = {
  [K in MessageKey]: English[K] extends string ? never : K;
}[MessageKey];

/**
 * A complete catalog: every key of the English one, each a text where English has a text and
 * a plural object where English has one. Each `locales/<code>.ts` module is typed with it, so
 * a missing, misspelt or wrongly shaped key does not compile.
 */
export type Messages = {
  readonly [K in MessageKey]: K extends PluralKey ? PluralMessage : string;
};

/**
 * Replacements for any texts, for the widget's `strings` option: a text, or a plural object
 * (`{ one, few, many, other }`). A plain text for a plural key is used for every number; a
 * plural object may name only some categories, the rest fall back to its `other`.
 */
export type StringOverrides = { readonly [K in MessageKey]?: Message } & {
  /** @deprecated Use the plural `resultsCount`; still read, with a warning, until 0.3. */
  readonly resultsOne?: string;
  /** @deprecated Use the plural `resultsCount`; still read, with a warning, until 0.3. */
  readonly resultsMany?: string;
};

/** `"a {x} b {y}"` → `"x" | "y"`. */
type PlaceholdersIn<S> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersIn<Rest>
  : never;

/** The `{name}` placeholders of the English message `K` (`count` for every plural key). */
export type Placeholder<K extends MessageKey> = English[K] extends string
  ? PlaceholdersIn<English[K]>
  : PlaceholdersIn<English[K][keyof English[K]]> | 'count';

/**
 * The values a message needs, by placeholder. Numbers are written with the locale's digits
 * and separators (`Intl.NumberFormat`); strings are inserted as they are. `count` also picks
 * the plural form.
 */
export type MessageValues<K extends MessageKey> = {
  readonly [P in Placeholder<K>]: P extends 'count' ? number : string | number;
};

/** `t(key)` for a message without placeholders, `t(key, values)` for one with them. */
export type MessageArgs<K extends MessageKey> = [Placeholder<K>] extends [never]
  ? []
  : [values: MessageValues<K>];
