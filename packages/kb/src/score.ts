/**
 * Scoring: matched terms score records (articles' own parts and their sections) through
 * BM25F postings prepared at compile time. A record's score is multiplied by (IDF-weighted
 * share of the query it covers)², boosted when query words stand side by side in it (a
 * phrase) or make up its title or heading; function words count 0.1. One hit per article,
 * scored by its best record or by the whole article (each token's best record) × 0.85.
 * Only records some posting touches are looked at (sparse slots, reused buffers), which is
 * what keeps a query on a 100,000-record index in the low milliseconds.
 */
import { POSITION_META } from './format.js';
import type { Candidate, PreparedQuery } from './expand.js';
import type { LocaleIndex } from './locale-index.js';

const COVERAGE_POWER = 2;
const WHOLE_ARTICLE_FACTOR = 0.85;
/** Raw score at which the reported score is 0.5 (score = raw / (raw + SCORE_HALF)). */
const SCORE_HALF = 20;
const STOPWORD_FACTOR = 0.1;
/** A section is named when it scores at least this share of its article's own record. */
const SECTION_BIAS = 0.6;
/** Per adjacent pair of query words found side by side, as a share of the possible pairs. */
const PHRASE_BOOST = 0.35;
/** When every word of the query is in the record's title or heading. */
const HEADING_BOOST = 0.3;

export interface ScoredArticle {
  article: number;
  /** The record the hit points at (the article's own, or a section's). */
  record: number;
  score: number;
  /**
   * How much of the query the hit answers, in [0, 1]: the IDF-weighted share of the query's
   * words it contains, each times how surely it matched (1 exact, less for a typo or prefix).
   */
  evidence: number;
}

/** Buffers reused across queries (the garbage of per-query arrays was a tenth of the time). */
let contribution = new Float64Array(4096);
let similarityOf = new Float64Array(4096);
let positionOf = new Int32Array(4096);

function ensureCapacity(size: number): void {
  if (contribution.length >= size) return;
  let length = contribution.length;
  while (length < size) length *= 2;
  contribution = new Float64Array(length);
  similarityOf = new Float64Array(length);
  positionOf = new Int32Array(length);
}

export function scoreQuery(
  index: LocaleIndex,
  query: PreparedQuery,
  expansions: readonly Candidate[][],
): ScoredArticle[] {
  const T = query.tokens.length;
  const N = Math.max(1, index.root.records);
  const slotOf = new Map<number, number>();
  const records: number[] = [];
  const onlyStopwords = query.tokens.every((token) => index.stopwords.has(token));
  const tokenWeight = new Float64Array(T);
  let totalWeight = 0;

  // First pass: count touched records so the buffers are sized once.
  for (const candidates of expansions) {
    for (const { info } of candidates) {
      const postings = index.postings(info.term);
      for (let p = 0; p < postings.length; p += 3) {
        const record = postings[p] ?? 0;
        if (!slotOf.has(record)) {
          slotOf.set(record, records.length);
          records.push(record);
        }
      }
    }
  }
  if (records.length === 0) return [];
  ensureCapacity(records.length * T);
  contribution.fill(0, 0, records.length * T);
  similarityOf.fill(0, 0, records.length * T);

  query.tokens.forEach((token, t) => {
    const damping = !onlyStopwords && index.stopwords.has(token) ? STOPWORD_FACTOR : 1;
    const candidates = expansions[t] ?? [];
    // A word that exists as typed lends its rarity to its variants: otherwise a rare longer
    // word ("syncthing") would outweigh the common word the visitor typed ("sync").
    const exact = candidates.find((c) => c.info.term === token);
    const ceiling = exact ? idf(N, exact.info.df) : Infinity;
    let weight = 0;
    for (const { info, similarity } of candidates) {
      const factor = similarity * Math.min(idf(N, info.df), ceiling) * damping;
      weight = Math.max(weight, factor);
      const postings = index.postings(info.term);
      for (let p = 0; p < postings.length; p += 3) {
        const slot = (slotOf.get(postings[p] ?? 0) ?? 0) * T + t;
        const value = (factor * (postings[p + 1] ?? 0)) / 10;
        if (value > (contribution[slot] ?? 0)) {
          contribution[slot] = value;
          similarityOf[slot] = similarity;
          positionOf[slot] = postings[p + 2] ?? 0;
        }
      }
    }
    tokenWeight[t] = weight;
    // A token that matches nothing still counts against coverage, as a rare word would.
    totalWeight += weight > 0 ? weight : Math.log(1 + N) * damping;
  });

  const byArticle = new Map<number, ArticleState>();
  records.forEach((record, slot) => {
    const base = slot * T;
    let raw = 0;
    let covered = 0;
    let evidence = 0;
    let inHeading = 0;
    for (let t = 0; t < T; t++) {
      const value = contribution[base + t] ?? 0;
      if (value <= 0) continue;
      raw += value;
      covered += tokenWeight[t] ?? 0;
      evidence += (tokenWeight[t] ?? 0) * (similarityOf[base + t] ?? 0);
      if ((positionOf[base + t] ?? 0) < POSITION_META) inHeading += tokenWeight[t] ?? 0;
    }
    let boost = 1 + PHRASE_BOOST * countAdjacent(base, T);
    if (covered >= totalWeight * 0.99 && inHeading >= covered * 0.99) boost += HEADING_BOOST;
    const score = raw * (covered / totalWeight) ** COVERAGE_POWER * boost;
    const article = index.recordArticle[record] ?? 0;
    let state = byArticle.get(article);
    if (!state) {
      state = {
        best: record,
        bestScore: -1,
        own: -1,
        ownScore: 0,
        ownCovered: 0,
        section: -1,
        sectionScore: -1,
        sectionCovered: 0,
        tokens: new Float64Array(T),
        tokenSimilarity: new Float64Array(T),
        evidence: new Map(),
      };
      byArticle.set(article, state);
    }
    state.evidence.set(record, evidence / totalWeight);
    if (score > state.bestScore) {
      state.best = record;
      state.bestScore = score;
    }
    if ((index.recordSection[record] ?? -1) < 0) {
      state.own = record;
      state.ownScore = score;
      state.ownCovered = covered;
    } else if (score > state.sectionScore) {
      state.section = record;
      state.sectionScore = score;
      state.sectionCovered = covered;
    }
    for (let t = 0; t < T; t++) {
      const value = contribution[base + t] ?? 0;
      if (value > (state.tokens[t] ?? 0)) {
        state.tokens[t] = value;
        state.tokenSimilarity[t] = similarityOf[base + t] ?? 0;
      }
    }
  });

  const scored: ScoredArticle[] = [];
  for (const [article, state] of byArticle) {
    let whole = 0;
    let covered = 0;
    let wholeEvidence = 0;
    for (let t = 0; t < T; t++) {
      const value = state.tokens[t] ?? 0;
      if (value <= 0) continue;
      whole += value;
      covered += tokenWeight[t] ?? 0;
      wholeEvidence += (tokenWeight[t] ?? 0) * (state.tokenSimilarity[t] ?? 0);
    }
    whole *= (covered / totalWeight) ** COVERAGE_POWER;
    // Name the section when it explains more of the query than the article's own record
    // (title, keywords, description, intro), or as much and nearly as well.
    let record = state.best;
    if (state.best === state.own && state.section !== -1) {
      const margin = 1e-9 + 0.02 * state.ownCovered;
      const gain = state.sectionCovered - state.ownCovered;
      if (
        gain > margin ||
        (gain >= -margin && state.sectionScore >= SECTION_BIAS * state.ownScore)
      ) {
        record = state.section;
      }
    }
    const raw = Math.max(state.bestScore, WHOLE_ARTICLE_FACTOR * whole);
    const evidence = Math.max(
      state.evidence.get(state.best) ?? 0,
      WHOLE_ARTICLE_FACTOR * (wholeEvidence / totalWeight),
    );
    scored.push({ article, record, score: raw / (raw + SCORE_HALF), evidence });
  }
  // Ties keep manifest order (order, then title).
  return scored.sort((a, b) => b.score - a.score || a.article - b.article);
}

interface ArticleState {
  best: number;
  bestScore: number;
  own: number;
  ownScore: number;
  ownCovered: number;
  section: number;
  sectionScore: number;
  sectionCovered: number;
  /** Per token, its best contribution in any of the article's records, and that match's similarity. */
  tokens: Float64Array;
  tokenSimilarity: Float64Array;
  evidence: Map<number, number>;
}

/** Share of the query's neighbouring word pairs that stand side by side in the record. */
function countAdjacent(base: number, T: number): number {
  if (T < 2) return 0;
  let adjacent = 0;
  for (let t = 0; t + 1 < T; t++) {
    if ((contribution[base + t] ?? 0) <= 0 || (contribution[base + t + 1] ?? 0) <= 0) continue;
    const gap = (positionOf[base + t + 1] ?? 0) - (positionOf[base + t] ?? 0);
    if (gap === 1) adjacent++;
  }
  return adjacent / (T - 1);
}

function idf(records: number, df: number): number {
  return Math.log(1 + (records - df + 0.5) / (df + 0.5));
}
