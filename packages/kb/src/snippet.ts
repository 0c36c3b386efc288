import { forEachToken, normalizeWithOffsets } from './text.js';

/** About how long a snippet is, in characters. */
const SNIPPET_LENGTH = 160;
/** How much text to keep before the first match. */
const LEAD = 50;
/** Matches closer than this (in folded characters) count as one passage. */
const PASSAGE = 100;

/**
 * A short plain-text excerpt of `text` around the passage where the matched terms (folded, with
 * their weights) are densest, or its beginning when none occurs. Cut at word boundaries and
 * marked with "…" where it was cut.
 */
export function buildSnippet(
  text: string,
  matched: ReadonlyMap<string, number>,
): { text: string; matched: boolean } {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return { text: '', matched: false };
  let center = -1;
  if (matched.size > 0) {
    const folded = normalizeWithOffsets(clean);
    const hits: { at: number; term: string; weight: number }[] = [];
    forEachToken(folded.text, (token, index) => {
      const weight = matched.get(token);
      if (weight !== undefined) hits.push({ at: index, term: token, weight });
    });
    let bestWeight = 0;
    hits.forEach((first, i) => {
      const terms = new Map<string, number>();
      for (const hit of hits.slice(i)) {
        if (hit.at - first.at >= PASSAGE) break;
        terms.set(hit.term, hit.weight + 1);
      }
      let weight = 0;
      for (const value of terms.values()) weight += value;
      if (weight > bestWeight) {
        bestWeight = weight;
        center = folded.offsets[first.at] ?? 0;
      }
    });
  }
  return { text: cutAround(clean, Math.max(center, 0)), matched: center >= 0 };
}

function cutAround(text: string, center: number): string {
  if (text.length <= SNIPPET_LENGTH) return text;
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
  const body = text.slice(start, end).trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
