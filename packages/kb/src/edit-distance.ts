/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions, each edit
 * costing 1) between `query` and `term`, and between `query` and the best of `term`'s
 * prefixes around `query`'s length — the second one lets "paswo" find "password" while it is
 * still being typed. Gives up (returns `limit + 1` for both) as soon as every cell of a row
 * exceeds `limit`, which is what keeps scanning thousands of terms cheap. Strings here are
 * single tokens of at most 32 units, so one shared table suffices.
 */
const table = new Uint8Array(34 * 34);

export function measureEditDistance(
  query: string,
  term: string,
  limit = 3,
): { full: number; prefix: number } {
  const n = query.length;
  const m = Math.min(term.length, 32);
  const over = { full: limit + 1, prefix: limit + 1 };
  if (n > 32) return over;
  const width = m + 1;
  for (let j = 0; j <= m; j++) table[j] = j;
  for (let i = 1; i <= n; i++) {
    table[i * width] = i;
    const q = query.charCodeAt(i - 1);
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const t = term.charCodeAt(j - 1);
      let best = Math.min(
        (table[(i - 1) * width + j] ?? 0) + 1,
        (table[i * width + j - 1] ?? 0) + 1,
        (table[(i - 1) * width + j - 1] ?? 0) + (q === t ? 0 : 1),
      );
      if (i > 1 && j > 1 && q === term.charCodeAt(j - 2) && query.charCodeAt(i - 2) === t) {
        best = Math.min(best, (table[(i - 2) * width + j - 2] ?? 0) + 1);
      }
      table[i * width + j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > limit) return over;
  }
  let prefix = Infinity;
  for (let j = Math.max(0, n - 1); j <= Math.min(m, n + 1); j++)
    prefix = Math.min(prefix, table[n * width + j] ?? 0);
  return { full: m === term.length ? (table[n * width + m] ?? 0) : limit + 1, prefix };
}
