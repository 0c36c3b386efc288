/**
 * Snippets and match ranges. Words are found in the original text and folded one by one (not
 * character by character, which was a sixth of the query time at scale), so every range is an
 * offset into the string the visitor sees.
 */
import { normalizeText } from './text.js';
import type { TextRange } from './types.js';

/** About how long a snippet is, in characters. */
const SNIPPET_LENGTH = 160;
/** How far before the densest passage the snippet starts. */
const LEAD = 40;
/** Matches closer than this (characters) count as one passage. */
const PASSAGE = 100;

/** Letters, digits and marks; Han and Kana characters stand alone (as in `text.ts`). */
const WORD =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}\p{M}])+/gu;

const ASCII = /^[\x20-\x7e]*$/;

/**
 * Tells whether a folded word is one the query matched, and how much it weighs (0: no).
 * `heads`, when given, holds {@link headOf} every word that can weigh more than 0, so that
 * ASCII text is scanned without cutting out and folding the words that cannot.
 */
export interface MatchWeight {
  (folded: string): number;
  heads?: ReadonlySet<number>;
}

/** A folded word's first two UTF-16 units as one number (the second 0 for a one-unit word). */
export function headOf(folded: string): number {
  return folded.charCodeAt(0) * 0x10000 + (folded.length > 1 ? folded.charCodeAt(1) : 0);
}

interface Word {
  start: number;
  end: number;
  folded: string;
  weight: number;
}

function findMatches(text: string, weigh: MatchWeight): Word[] {
  if (weigh.heads && ASCII.test(text)) return findAsciiMatches(text, weigh, weigh.heads);
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    // Most words are ASCII, whose folding is lower-casing: skip NFKD for them.
    const folded = ASCII.test(match[0]) ? match[0].toLowerCase() : normalizeText(match[0]);
    const weight = weigh(folded);
    if (weight > 0) {
      words.push({ start: match.index, end: match.index + match[0].length, folded, weight });
    }
  }
  return words;
}

/** ASCII letters and digits: what {@link WORD} matches in ASCII text. */
function isWordUnit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/**
 * {@link findMatches} for ASCII text, lower-cased once: a word is cut out and weighed only
 * when its first two letters are those of a word that can match (a fifth of the query time
 * at 9,739 pages went to folding every word of ten snippets' text).
 */
function findAsciiMatches(text: string, weigh: MatchWeight, heads: ReadonlySet<number>): Word[] {
  const lower = text.toLowerCase();
  const words: Word[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    if (!isWordUnit(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isWordUnit(lower.charCodeAt(i))) i++;
    const head =
      lower.charCodeAt(start) * 0x10000 + (i - start > 1 ? lower.charCodeAt(start + 1) : 0);
    if (!heads.has(head)) continue;
    const folded = lower.slice(start, i);
    const weight = weigh(folded);
    if (weight > 0) words.push({ start, end: i, folded, weight });
  }
  return words;
}

/** Ranges of the matched words of a short text (a title, a heading). */
export function findRanges(text: string, weigh: MatchWeight): TextRange[] {
  return findMatches(text, weigh).map((w) => [w.start, w.end]);
}

/**
 * A short plain-text excerpt of `text` around the passage where matched words are densest
 * (or its beginning when none occurs), cut at word boundaries and marked with "…" where cut,
 * with the ranges of the matched words in it.
 */
export function buildSnippet(
  text: string,
  weigh: MatchWeight,
): { text: string; ranges: TextRange[]; matched: boolean } {
  // The compiler's snippet text is collapsed already: then cut from it without copying it.
  const clean = /\s\s|[^\S ]|^\s|\s$/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  if (!clean) return { text: '', ranges: [], matched: false };
  const hits = findMatches(clean, weigh);
  let center = -1;
  let bestWeight = 0;
  hits.forEach((first, i) => {
    let weight = 0;
    for (let j = i; j < hits.length; j++) {
      const hit = hits[j];
      if (!hit || hit.start - first.start >= PASSAGE) break;
      // Distinct words count fully, repeats a little (a passage holds a few words: no Set).
      let repeat = false;
      for (let k = i; k < j && !repeat; k++) repeat = hits[k]?.folded === hit.folded;
      weight += repeat ? 0.1 : hit.weight + 1;
    }
    if (weight > bestWeight) {
      bestWeight = weight;
      center = first.start;
    }
  });
  const { start, end } = cutAround(clean, Math.max(center, 0));
  const lead = start > 0 ? '…' : '';
  const body = clean.slice(start, end);
  const trimmedStart = start + (body.length - body.trimStart().length);
  const trimmed = body.trim();
  const shift = lead.length - trimmedStart;
  const ranges: TextRange[] = hits
    .filter((h) => h.start >= trimmedStart && h.end <= trimmedStart + trimmed.length)
    .map((h) => [h.start + shift, h.end + shift]);
  return {
    text: `${lead}${trimmed}${end < clean.length ? '…' : ''}`,
    ranges,
    matched: center >= 0,
  };
}

function cutAround(text: string, center: number): { start: number; end: number } {
  if (text.length <= SNIPPET_LENGTH) return { start: 0, end: text.length };
  let start = 0;
  if (center > LEAD) {
    start = Math.min(center - LEAD, text.length - SNIPPET_LENGTH);
    const space = text.indexOf(' ', start);
    start = space === -1 || space >= center ? start : space + 1;
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + SNIPPET_LENGTH / 2) end = space;
  }
  // Never cut a surrogate pair in half (emoji, rare CJK).
  if (isLowSurrogate(text.charCodeAt(start))) start++;
  if (isLowSurrogate(text.charCodeAt(end))) end--;
  return { start, end };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
