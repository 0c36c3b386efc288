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
  // rows[i][j] = distance between query[0, i) and term[0, j); three rows suffice for OSA.
  let before = new Array<number>(m + 1).fill(0);
  let previous = Array.from({ length: m + 1 }, (_, j) => j);
  let current = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    const q = query.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const t = term.charCodeAt(j - 1);
      const cost = q === t ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && q === term.charCodeAt(j - 2) && query.charCodeAt(i - 2) === t) {
        best = Math.min(best, before[j - 2]! + 1);
      }
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  // After the last swap, `previous` holds the row for the whole query.
  let prefix = Infinity;
  for (let j = Math.max(0, n - 1); j <= Math.min(m, n + 1); j++) {
    prefix = Math.min(prefix, previous[j]!);
  }
  return { full: previous[m]!, prefix };
}
