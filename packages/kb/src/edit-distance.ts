/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions, each edit
 * costing 1) between `query` and `term`, and between `query` and the best of `term`'s
 * prefixes around `query`'s length — the second one lets "paswo" find "password" while it is
 * still being typed. Strings here are single tokens of at most 32 units, so a full table is
 * cheap.
 */
export function measureEditDistance(query: string, term: string): { full: number; prefix: number } {
  const n = query.length;
  const m = term.length;
  const width = m + 1;
  // table[i * width + j] = distance between query[0, i) and term[0, j).
  const table = new Uint8Array((n + 1) * width);
  for (let j = 0; j <= m; j++) table[j] = j;
  const at = (i: number, j: number) => table[i * width + j] ?? 0;
  for (let i = 1; i <= n; i++) {
    table[i * width] = i;
    const q = query.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const t = term.charCodeAt(j - 1);
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (q === t ? 0 : 1));
      if (i > 1 && j > 1 && q === term.charCodeAt(j - 2) && query.charCodeAt(i - 2) === t) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      table[i * width + j] = best;
    }
  }
  let prefix = Infinity;
  for (let j = Math.max(0, n - 1); j <= Math.min(m, n + 1); j++)
    prefix = Math.min(prefix, at(n, j));
  return { full: at(n, m), prefix };
}
