/**
 * The JSON corpora as Markdown for the compiler. A JSON page keeps its headings apart from
 * its body (one line per block) and does not say where each heading stood, so the sections
 * have to be rebuilt. Sharing the lines out evenly (the first version) put text under the
 * wrong heading — the "PDF" line of "Accepted file formats" under "Embed files", "View can be
 * displayed…" under "How to use bases" — and cost hit@3 against the same help center written
 * in Markdown. Here each heading goes, in order, before the line that shares most of its words
 * (the first line of a section usually names its topic), the even share breaking ties.
 */
import type { ContentSource } from '@porthole/kb-compiler';
import { tokenizeText } from '../src/text.js';
import type { Page } from './peers.js';

/** Letters of a word compared, so "embed" meets "embedded" and "file" "files". */
const STEM_LETTERS = 4;

const stemsOf = (text: string) =>
  new Set(tokenizeText(text).map((word) => word.slice(0, STEM_LETTERS)));

/**
 * Where each heading starts, as the index of its first body line: strictly increasing, at
 * least one line before the first heading and one per heading. Dynamic programming over
 * (heading, line) maximizing words shared between each heading and its first line, then
 * closeness to the even share.
 */
export function placeHeadings(headings: readonly string[], lines: readonly string[]): number[] {
  const H = headings.length;
  const L = lines.length;
  const even = headings.map((_, i) => Math.round(((i + 1) * L) / (H + 1)));
  if (L < H + 1) return even;
  const lineStems = lines.map(stemsOf);
  const headingStems = headings.map((h) => [...stemsOf(h)].filter((stem) => stem.length >= 3));
  const total = new Float64Array(H * L).fill(-Infinity);
  const from = new Int32Array(H * L).fill(-1);
  for (let i = 0; i < H; i++) {
    let bestBefore = i === 0 ? 0 : -Infinity;
    let bestAt = -1;
    for (let j = i + 1; j <= L - (H - i); j++) {
      if (i > 0 && (total[(i - 1) * L + j - 1] ?? -Infinity) > bestBefore) {
        bestBefore = total[(i - 1) * L + j - 1] ?? -Infinity;
        bestAt = j - 1;
      }
      const stems = lineStems[j] as Set<string>;
      const shared = (headingStems[i] ?? []).filter((stem) => stems.has(stem)).length;
      const distance = Math.abs(j - (even[i] ?? j));
      total[i * L + j] = bestBefore + shared * (L + 1) - distance;
      from[i * L + j] = bestAt;
    }
  }
  let j = -1;
  let best = -Infinity;
  for (let k = 0; k < L; k++) {
    if ((total[(H - 1) * L + k] ?? -Infinity) > best) {
      best = total[(H - 1) * L + k] ?? -Infinity;
      j = k;
    }
  }
  const starts = new Array<number>(H);
  for (let i = H - 1; i >= 0; i--) {
    starts[i] = j;
    j = from[i * L + j] ?? -1;
  }
  return starts;
}

/** A JSON page as Markdown (its plain text escaped, so examples of Markdown syntax stay text). */
export function convertPage(page: Page): ContentSource {
  const lines = page.body
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(/[\\`*_[\]<>!|#~]/g, '\\$&'));
  const headings = page.headings.map((h) => h.replace(/^#+/, ''));
  const starts = [0, ...placeHeadings(headings, lines), lines.length];
  const chunk = (i: number) => lines.slice(starts[i], starts[i + 1]).join('\n\n');
  const body = [chunk(0), ...headings.map((h, i) => `## ${h}\n\n${chunk(i + 1)}`)];
  return {
    path: `en/${page.id}.md`,
    content: `---\ntitle: ${JSON.stringify(page.title)}\nslug: ${JSON.stringify(page.id)}\n---\n\n${body.join('\n\n')}\n`,
  };
}
