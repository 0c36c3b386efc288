/**
 * "Did you mean …?" for file names, anchors and front-matter keys: the same text in another
 * letter case first, then the closest near miss — at most one edit per four characters, so
 * `refunds` suggests `refund` and `refnuds`, but `missing` suggests nothing.
 */

/** Edit distance with adjacent transpositions (optimal string alignment). */
function distance(a: string, b: string): number {
  const previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (previous2[j - 2] ?? 0) + 1);
      }
      current.push(best);
    }
    previous2.splice(0, previous2.length, ...previous);
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The candidate `value` was most likely meant to be, if any is close enough. */
export function suggest(value: string, candidates: Iterable<string>): string | undefined {
  if (!value) return undefined;
  const lower = value.toLowerCase();
  const allowed = Math.max(1, Math.floor(value.length / 4));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    if (other === lower) return candidate;
    if (Math.abs(other.length - lower.length) > allowed) continue;
    const d = distance(lower, other);
    if (d <= allowed && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** ` (did you mean "x"?)`, or nothing. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const hint = suggest(value, candidates);
  return hint !== undefined && hint !== value ? ` (did you mean "${hint}"?)` : '';
}
