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
/**
 * Times the share of the query in an article's title: a dedicated article beats a section of
 * a long reference page that happens to mention the same words (hit@1 on the help center
 * 72% → 74%).
 */
const TITLE_BOOST = 1;

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

/**
 * Buffers reused across queries: the garbage of per-query arrays was a tenth of the time at
 * 100,000 records. `slotByRecord` maps a record to its slot (−1: untouched) and is reset
 * after each query for the records it touched only.
 */
let contribution = new Float64Array(4096);
let similarityOf = new Float64Array(4096);
let positionOf = new Int32Array(4096);
let slotByRecord = new Int32Array(0);
let slotByArticle = new Int32Array(0);
/** The records a query touches, in slot order (`touchedCount` of them). */
let touched = new Int32Array(0);

function grow<T extends Float64Array | Int32Array>(
  array: T,
  size: number,
  make: (n: number) => T,
): T {
  if (array.length >= size) return array;
  let length = Math.max(array.length, 1024);
  while (length < size) length *= 2;
  return make(length);
}

/**
 * Per touched article (by slot), what its records add up to. One instance, its arrays grown
 * as needed and reset for the slots a query uses, so a query allocates next to nothing.
 */
class Articles {
  /** Article by slot (`count` of them). */
  ids = new Int32Array(1024);
  count = 0;
  best = new Int32Array(1024);
  bestScore = new Float64Array(1024);
  bestEvidence = new Float64Array(1024);
  own = new Int32Array(1024);
  ownScore = new Float64Array(1024);
  ownCovered = new Float64Array(1024);
  section = new Int32Array(1024);
  sectionScore = new Float64Array(1024);
  sectionCovered = new Float64Array(1024);
  /** [slot × T + t]: token t's best contribution in any of its records, and its similarity. */
  tokens = new Float64Array(1024);
  tokenSimilarity = new Float64Array(1024);

  /** Make room for `capacity` articles of `T` tokens and clear that much. */
  reset(capacity: number, T: number): void {
    this.count = 0;
    const f = (n: number) => new Float64Array(n);
    const i = (n: number) => new Int32Array(n);
    this.ids = grow(this.ids, capacity, i);
    this.best = grow(this.best, capacity, i);
    this.bestScore = grow(this.bestScore, capacity, f);
    this.bestEvidence = grow(this.bestEvidence, capacity, f);
    this.own = grow(this.own, capacity, i);
    this.ownScore = grow(this.ownScore, capacity, f);
    this.ownCovered = grow(this.ownCovered, capacity, f);
    this.section = grow(this.section, capacity, i);
    this.sectionScore = grow(this.sectionScore, capacity, f);
    this.sectionCovered = grow(this.sectionCovered, capacity, f);
    this.tokens = grow(this.tokens, capacity * T, f);
    this.tokenSimilarity = grow(this.tokenSimilarity, capacity * T, f);
    this.bestScore.fill(-1, 0, capacity);
    this.bestEvidence.fill(0, 0, capacity);
    this.own.fill(-1, 0, capacity);
    this.section.fill(-1, 0, capacity);
    this.sectionScore.fill(-1, 0, capacity);
    this.tokens.fill(0, 0, capacity * T);
    this.tokenSimilarity.fill(0, 0, capacity * T);
  }
}

const scratch = new Articles();

/** The best `keep` articles for the query, best first. */
export function scoreQuery(
  index: LocaleIndex,
  query: PreparedQuery,
  expansions: readonly Candidate[][],
  keep: number,
): ScoredArticle[] {
  const T = query.tokens.length;
  const N = Math.max(1, index.root.records);
  let count = 0;
  slotByRecord = grow(slotByRecord, N, (n) => new Int32Array(n).fill(-1));
  touched = grow(touched, N, (n) => new Int32Array(n));
  slotByArticle = grow(slotByArticle, index.articleStart.length, (n) => new Int32Array(n).fill(-1));
  try {
    // First pass: number the touched records, so the buffers are sized once.
    for (const candidates of expansions) {
      for (const { info } of candidates) {
        const postings = index.postings(info.term);
        for (let p = 0; p < postings.length; p += 3) {
          const record = postings[p] ?? 0;
          if ((slotByRecord[record] ?? -1) < 0) {
            slotByRecord[record] = count;
            touched[count++] = record;
          }
        }
      }
    }
    if (count === 0) return [];
    return scoreTouched(index, query, expansions, count, T, N, keep);
  } finally {
    for (let r = 0; r < count; r++) slotByRecord[touched[r] ?? 0] = -1;
  }
}

function scoreTouched(
  index: LocaleIndex,
  query: PreparedQuery,
  expansions: readonly Candidate[][],
  count: number,
  T: number,
  N: number,
  keep: number,
): ScoredArticle[] {
  const size = count * T;
  contribution = grow(contribution, size, (n) => new Float64Array(n));
  similarityOf = grow(similarityOf, size, (n) => new Float64Array(n));
  positionOf = grow(positionOf, size, (n) => new Int32Array(n));
  contribution.fill(0, 0, size);
  similarityOf.fill(0, 0, size);
  const onlyStopwords = query.tokens.every((token) => index.stopwords.has(token));
  const tokenWeight = new Float64Array(T);
  let totalWeight = 0;

  query.tokens.forEach((token, t) => {
    const damping = !onlyStopwords && index.stopwords.has(token) ? STOPWORD_FACTOR : 1;
    const candidates = expansions[t] ?? [];
    // A word that exists as typed lends its rarity to its variants: otherwise a rare longer
    // word ("syncthing") would outweigh the common word the visitor typed ("sync").
    const exact = candidates.find((c) => c.info.term === token);
    const ceiling = exact ? idf(N, exact.info.df) : Infinity;
    let weight = 0;
    for (const { info, similarity, certainty } of candidates) {
      const factor = similarity * Math.min(idf(N, info.df), ceiling) * damping;
      weight = Math.max(weight, factor);
      const postings = index.postings(info.term);
      for (let p = 0; p < postings.length; p += 3) {
        const slot = (slotByRecord[postings[p] ?? 0] ?? 0) * T + t;
        const value = (factor * (postings[p + 1] ?? 0)) / 10;
        if (value > (contribution[slot] ?? 0)) {
          contribution[slot] = value;
          similarityOf[slot] = certainty;
          positionOf[slot] = postings[p + 2] ?? 0;
        }
      }
    }
    tokenWeight[t] = weight;
    // A token that matches nothing still counts against coverage, as a rare word would.
    totalWeight += weight > 0 ? weight : Math.log(1 + N) * damping;
  });

  // At most one article per touched record, and never more articles than the index has.
  const articles = scratch;
  articles.reset(Math.min(count, index.articleStart.length), T);
  try {
    for (let slot = 0; slot < count; slot++) {
      addRecord(index, articles, touched[slot] ?? 0, slot * T, T, tokenWeight, totalWeight);
    }
    // Keep the best `keep` without building and sorting an object per touched article (there
    // can be thousands); ties keep manifest order (order, then title).
    const top: ScoredArticle[] = [];
    const better = (score: number, article: number, y: ScoredArticle) =>
      score > y.score || (score === y.score && article < y.article);
    for (let a = 0; a < articles.count; a++) {
      const article = articles.ids[a] ?? 0;
      const score = rankArticle(articles, a, T, tokenWeight, totalWeight);
      const worst = top[top.length - 1];
      if (top.length >= keep && worst && !better(score, article, worst)) continue;
      let i = top.length;
      while (i > 0 && better(score, article, top[i - 1] as ScoredArticle)) i--;
      top.splice(i, 0, {
        article,
        record: ranked.record,
        score,
        evidence: ranked.evidence,
      });
      if (top.length > keep) top.pop();
    }
    return top;
  } finally {
    for (let a = 0; a < articles.count; a++) slotByArticle[articles.ids[a] ?? 0] = -1;
  }
}

function addRecord(
  index: LocaleIndex,
  articles: Articles,
  record: number,
  base: number,
  T: number,
  tokenWeight: Float64Array,
  totalWeight: number,
): void {
  let raw = 0;
  let covered = 0;
  let evidence = 0;
  let inHeading = 0;
  for (let t = 0; t < T; t++) {
    const value = contribution[base + t] ?? 0;
    if (value <= 0) continue;
    const weight = tokenWeight[t] ?? 0;
    raw += value;
    covered += weight;
    evidence += weight * (similarityOf[base + t] ?? 0);
    if ((positionOf[base + t] ?? 0) < POSITION_META) inHeading += weight;
  }
  let boost = 1 + PHRASE_BOOST * countAdjacent(base, T);
  if (covered >= totalWeight * 0.99 && inHeading >= covered * 0.99) boost += HEADING_BOOST;
  if ((index.recordSection[record] ?? -1) < 0) boost += TITLE_BOOST * (inHeading / totalWeight);
  const article = index.recordArticle[record] ?? 0;
  const score = raw * (covered / totalWeight) ** COVERAGE_POWER * boost;
  let a = slotByArticle[article] ?? -1;
  if (a < 0) {
    a = articles.count++;
    slotByArticle[article] = a;
    articles.ids[a] = article;
  }
  if (score > (articles.bestScore[a] ?? -1)) {
    articles.best[a] = record;
    articles.bestScore[a] = score;
    articles.bestEvidence[a] = evidence / totalWeight;
  }
  if ((index.recordSection[record] ?? -1) < 0) {
    articles.own[a] = record;
    articles.ownScore[a] = score;
    articles.ownCovered[a] = covered;
  } else if (score > (articles.sectionScore[a] ?? -1)) {
    articles.section[a] = record;
    articles.sectionScore[a] = score;
    articles.sectionCovered[a] = covered;
  }
  for (let t = 0; t < T; t++) {
    const value = contribution[base + t] ?? 0;
    if (value > (articles.tokens[a * T + t] ?? 0)) {
      articles.tokens[a * T + t] = value;
      articles.tokenSimilarity[a * T + t] = similarityOf[base + t] ?? 0;
    }
  }
}

/** The record and evidence of the article {@link rankArticle} ranked last (no object per article). */
const ranked = { record: 0, evidence: 0 };

/** An article's reported score; its record and evidence go to {@link ranked}. */
function rankArticle(
  articles: Articles,
  a: number,
  T: number,
  tokenWeight: Float64Array,
  totalWeight: number,
): number {
  let whole = 0;
  let covered = 0;
  let wholeEvidence = 0;
  for (let t = 0; t < T; t++) {
    const value = articles.tokens[a * T + t] ?? 0;
    if (value <= 0) continue;
    whole += value;
    covered += tokenWeight[t] ?? 0;
    wholeEvidence += (tokenWeight[t] ?? 0) * (articles.tokenSimilarity[a * T + t] ?? 0);
  }
  whole *= (covered / totalWeight) ** COVERAGE_POWER;
  // Name the section when it explains more of the query than the article's own record
  // (title, keywords, description, intro), or as much and nearly as well.
  const best = articles.best[a] ?? 0;
  const section = articles.section[a] ?? -1;
  let record = best;
  if (best === articles.own[a] && section !== -1) {
    const ownCovered = articles.ownCovered[a] ?? 0;
    const margin = 1e-9 + 0.02 * ownCovered;
    const gain = (articles.sectionCovered[a] ?? 0) - ownCovered;
    const close = (articles.sectionScore[a] ?? 0) >= SECTION_BIAS * (articles.ownScore[a] ?? 0);
    if (gain > margin || (gain >= -margin && close)) record = section;
  }
  const raw = Math.max(articles.bestScore[a] ?? 0, WHOLE_ARTICLE_FACTOR * whole);
  const evidence = Math.max(
    articles.bestEvidence[a] ?? 0,
    WHOLE_ARTICLE_FACTOR * (wholeEvidence / totalWeight),
  );
  ranked.record = record;
  ranked.evidence = evidence;
  return raw / (raw + SCORE_HALF);
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
