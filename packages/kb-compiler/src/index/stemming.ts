/**
 * Stem classes, computed at build time so the browser needs no stemmer: terms of one locale
 * whose stems agree ("syncing", "synced", "sync") form a class, and every member of a class
 * starts with the class's common prefix, so the reader finds a class by scanning the sorted
 * vocabulary from that prefix. Stemmers: Snowball algorithms as packaged by @orama/stemmers
 * (evaluation in docs/decisions/2026-12-01-chunked-search-index.md). Languages without one
 * (Polish, Latvian …) rely on prefixes and typo tolerance, as before.
 */
import { stemmer as bulgarian } from '@orama/stemmers/bulgarian';
import { stemmer as danish } from '@orama/stemmers/danish';
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as finnish } from '@orama/stemmers/finnish';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as greek } from '@orama/stemmers/greek';
import { stemmer as hungarian } from '@orama/stemmers/hungarian';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as lithuanian } from '@orama/stemmers/lithuanian';
import { stemmer as norwegian } from '@orama/stemmers/norwegian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as romanian } from '@orama/stemmers/romanian';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as serbian } from '@orama/stemmers/serbian';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stemmer as swedish } from '@orama/stemmers/swedish';
import { stemmer as turkish } from '@orama/stemmers/turkish';
import { stemmer as ukrainian } from '@orama/stemmers/ukrainian';

type Stemmer = (word: string) => string;

/** By language subtag. Croatian and Bosnian use the Serbian algorithm (same morphology). */
const STEMMERS: Readonly<Record<string, Stemmer>> = {
  bg: bulgarian,
  bs: serbian,
  da: danish,
  de: german,
  el: (word) => greek(word.replace(/σ$/, 'ς')),
  en: english,
  es: spanish,
  fi: finnish,
  fr: french,
  hr: serbian,
  hu: hungarian,
  it: italian,
  lt: lithuanian,
  nb: norwegian,
  nl: dutch,
  no: norwegian,
  pt: portuguese,
  ro: romanian,
  ru: russian,
  sr: serbian,
  sv: swedish,
  tr: turkish,
  uk: ukrainian,
};

/** Shortest common prefix a class may have; shorter ones would make the reader scan too much. */
const MIN_CLASS_PREFIX = 3;

export function findStemmer(locale: string): Stemmer | undefined {
  return STEMMERS[(locale.split('-')[0] ?? '').toLowerCase()];
}

/**
 * For each term (sorted, folded) its `[class id, common prefix length]`, or 0 when it shares
 * its stem with no other term (or the locale has no stemmer). `keys` remembers each term's
 * folded stem between calls (watch mode).
 */
export function computeStemClasses(
  locale: string,
  terms: readonly string[],
  fold: (text: string) => string,
  keys = new Map<string, string>(),
): ([number, number] | 0)[] {
  const stem = findStemmer(locale);
  const result: ([number, number] | 0)[] = terms.map(() => 0);
  if (!stem) return result;
  const classes = new Map<string, number[]>();
  terms.forEach((term, i) => {
    // Digits-only and very short terms have no inflection worth conflating.
    if (term.length < 3 || /^\d+$/.test(term)) return;
    let key = keys.get(term);
    if (key === undefined) keys.set(term, (key = fold(stem(term))));
    const members = classes.get(key);
    if (members) members.push(i);
    else classes.set(key, [i]);
  });
  let id = 0;
  for (const members of classes.values()) {
    if (members.length < 2) continue;
    let prefix = terms[members[0] ?? 0] ?? '';
    for (const member of members) prefix = commonPrefix(prefix, terms[member] ?? '');
    if (prefix.length < MIN_CLASS_PREFIX) continue;
    id++;
    for (const member of members) result[member] = [id, prefix.length];
  }
  return result;
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return a.slice(0, i);
}
