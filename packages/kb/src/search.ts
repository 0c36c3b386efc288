/**
 * Search over one locale's compiled index. The design (see docs/decisions/*-search-index.md):
 * every query token is matched against the locale's vocabulary — exactly (a Map), by prefix
 * (binary search over the sorted terms) and fuzzily (Fuse.js over short terms, checked with an
 * edit distance) — and the matched terms score records (articles and their sections) through
 * BM25F postings prepared at compile time. Fuse therefore only ever compares one short token
 * with short terms, which is what keeps a query in the low milliseconds.
 */
import Fuse from 'fuse.js/basic';
import { measureEditDistance } from './edit-distance.js';
import { KnowledgeBaseError } from './errors.js';
import { FORMAT_VERSION, type IndexFile, type ManifestLocale } from './format.js';
import { buildSnippet } from './snippet.js';
import { normalizeText, splitTokens } from './text.js';
import type { SearchHit } from './types.js';

/** How much of a query a record must cover: raw score × coverage^COVERAGE_POWER. */
const COVERAGE_POWER = 2;
/** Weight of the whole article (each token's best record) against its single best record. */
const WHOLE_ARTICLE_FACTOR = 0.85;
/** Raw score at which the reported score is 0.5 (score = raw / (raw + SCORE_HALF)). */
const SCORE_HALF = 20;
/** At most this many tokens of a query count; the rest are ignored. */
const MAX_QUERY_TOKENS = 10;
/** Prefix expansion keeps the most frequent terms when a prefix has more than this. */
const MAX_PREFIX_TERMS = 24;
/**
 * Fuse's bitap threshold for vocabulary candidates (errors / token length). Bitap counts a
 * transposition as two errors, so "snyc" → "sync" needs 0.5; the edit distance decides after.
 */
const FUZZY_THRESHOLD = 0.5;
/** How much a function word ("how", "do", "i") counts compared with other words. */
const STOPWORD_FACTOR = 0.1;
/** A section is named when it scores at least this share of its article's own record. */
const SECTION_BIAS = 0.6;

const SIMILARITY = {
  exact: 1,
  /** Plus up to 0.2 for how much of the term the prefix covers; for the word being typed. */
  prefix: 0.72,
  /** The same for a finished word that is also a word of its own ("sync" → "syncing"). */
  wordPrefix: 0.4,
  /** Times (1 − edits / (length + 1)). */
  fuzzy: 0.9,
  /** A typo inside a prefix that is still being typed. */
  fuzzyPrefix: 0.6,
};

/** Edits allowed between a query token and a whole term, by token length. */
function countAllowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 9) return 2;
  return 3;
}

/** Edits allowed between a token that is still being typed and a term's prefix. */
function countAllowedPrefixEdits(length: number): number {
  return length >= 5 ? 1 : 0;
}

/** A query, folded and split the same way the compiler folded the articles. */
export interface PreparedQuery {
  tokens: string[];
  /** Whether the last token may be unfinished (the query does not end with a space). */
  typing: boolean;
}

export function prepareQuery(query: string): PreparedQuery {
  const tokens = [...new Set(splitTokens(normalizeText(query.slice(0, 512))))];
  return { tokens: tokens.slice(0, MAX_QUERY_TOKENS), typing: !/\s$/.test(query) };
}

interface Candidate {
  term: number;
  similarity: number;
}

/** One article hit before it is turned into a {@link SearchHit}. */
export interface RankedHit {
  score: number;
  build: () => SearchHit;
}

export class LocaleSearcher {
  readonly locale: string;
  private readonly entry: ManifestLocale;
  private readonly index: IndexFile;
  /** Term text by term id (the vocabulary is sorted, so ids follow text order). */
  private readonly terms: string[];
  private readonly termIds = new Map<string, number>();
  private readonly idf: Float64Array;
  private readonly decoded: (Int32Array | undefined)[];
  private readonly recordArticle: Int32Array;
  private readonly recordSection: Int32Array;
  /** For each article position, its own record (section −1), or −1. */
  private readonly articleRecord: Int32Array;
  /** Terms (length ≥ 3) by first character, and by second character (catches a wrong first letter). */
  private readonly firstLetter = new Map<string, Fuse<string> | FuseRecords>();
  private readonly secondLetter = new Map<string, Fuse<string> | FuseRecords>();
  private readonly stopwords: ReadonlySet<string>;

  constructor(entry: ManifestLocale, index: IndexFile) {
    this.locale = entry.locale;
    this.entry = entry;
    this.index = index;
    const vocabulary = index.vocab.records;
    this.terms = new Array<string>(vocabulary.length).fill('');
    for (const record of vocabulary) this.terms[record.i] = record.v;
    this.terms.forEach((term, id) => this.termIds.set(term, id));

    const recordCount = index.records.length;
    this.idf = new Float64Array(this.terms.length);
    index.postings.forEach((list, term) => {
      const df = list.length / 2;
      this.idf[term] = Math.log(1 + (recordCount - df + 0.5) / (df + 0.5));
    });
    this.decoded = new Array<Int32Array | undefined>(this.terms.length);

    this.recordArticle = new Int32Array(recordCount);
    this.recordSection = new Int32Array(recordCount);
    this.articleRecord = new Int32Array(entry.articles.length).fill(-1);
    index.records.forEach(([article, section], record) => {
      this.recordArticle[record] = article;
      this.recordSection[record] = section;
      if (section === -1) this.articleRecord[article] = record;
    });

    for (const record of vocabulary) {
      if (record.v.length < 3) continue;
      addToBucket(this.firstLetter, record.v.charAt(0), record);
      addToBucket(this.secondLetter, record.v.charAt(1), record);
    }
    this.stopwords = new Set(index.stopwords);
  }

  /** Ranked article hits (one per article) for a prepared query. */
  search(query: PreparedQuery): RankedHit[] {
    const { tokens } = query;
    const tokenCount = tokens.length;
    if (tokenCount === 0) return [];
    const recordCount = this.recordArticle.length;
    const articleCount = this.articleRecord.length;

    // contribution[record * tokenCount + token]: that token's best contribution to the record.
    const contribution = new Float32Array(recordCount * tokenCount);
    const bestTerm = new Int32Array(recordCount * tokenCount);
    const touched: number[] = [];
    const seen = new Uint8Array(recordCount);
    const tokenWeight = new Float64Array(tokenCount);
    let totalWeight = 0;
    // Function words count little, unless the query is nothing but ("how to").
    const onlyStopwords = tokens.every((token) => this.stopwords.has(token));

    tokens.forEach((token, t) => {
      const stopword = !onlyStopwords && this.stopwords.has(token);
      const typing = query.typing && t === tokenCount - 1;
      const candidates = stopword ? this.expandExactly(token) : this.expandToken(token, typing);
      const damping = stopword ? STOPWORD_FACTOR : 1;
      // A word that exists as typed lends its own rarity to its variants: otherwise a rare
      // longer word ("syncthing") would outweigh the common word the visitor typed ("sync").
      const exact = this.termIds.get(token);
      const ceiling = exact === undefined ? Infinity : (this.idf[exact] ?? 0);
      let weight = 0;
      for (const { term, similarity } of candidates) {
        const factor = similarity * Math.min(this.idf[term] ?? 0, ceiling) * damping;
        weight = Math.max(weight, factor);
        const postings = this.readPostings(term);
        for (let p = 0; p < postings.length; p += 2) {
          const record = postings[p] ?? 0;
          const value = (factor * (postings[p + 1] ?? 0)) / 10;
          const slot = record * tokenCount + t;
          if (value > (contribution[slot] ?? 0)) {
            contribution[slot] = value;
            bestTerm[slot] = term;
          }
          if (!seen[record]) {
            seen[record] = 1;
            touched.push(record);
          }
        }
      }
      // A token that matches nothing still counts against coverage, as a rare word would.
      tokenWeight[t] = weight;
      totalWeight += weight > 0 ? weight : Math.log(1 + recordCount) * damping;
    });
    if (touched.length === 0) return [];

    const recordScore = new Float64Array(recordCount);
    const recordCovered = new Float64Array(recordCount);
    const articleTokens = new Float64Array(articleCount * tokenCount);
    const bestRecord = new Int32Array(articleCount).fill(-1);
    const bestSection = new Int32Array(articleCount).fill(-1);
    const articles: number[] = [];
    const scoreOf = (record: number) => (record < 0 ? -1 : (recordScore[record] ?? 0));
    for (const record of touched) {
      const article = this.recordArticle[record] ?? 0;
      let raw = 0;
      let covered = 0;
      for (let t = 0; t < tokenCount; t++) {
        const value = contribution[record * tokenCount + t] ?? 0;
        if (value <= 0) continue;
        raw += value;
        covered += tokenWeight[t] ?? 0;
        const slot = article * tokenCount + t;
        if (value > (articleTokens[slot] ?? 0)) articleTokens[slot] = value;
      }
      recordScore[record] = raw * (covered / totalWeight) ** COVERAGE_POWER;
      recordCovered[record] = covered;
      const best = bestRecord[article] ?? -1;
      if (best === -1) articles.push(article);
      if (scoreOf(record) > scoreOf(best)) bestRecord[article] = record;
      if (
        (this.recordSection[record] ?? -1) >= 0 &&
        scoreOf(record) > scoreOf(bestSection[article] ?? -1)
      ) {
        bestSection[article] = record;
      }
    }

    return articles.map((article) => {
      let whole = 0;
      let covered = 0;
      for (let t = 0; t < tokenCount; t++) {
        const value = articleTokens[article * tokenCount + t] ?? 0;
        if (value <= 0) continue;
        whole += value;
        covered += tokenWeight[t] ?? 0;
      }
      whole *= (covered / totalWeight) ** COVERAGE_POWER;
      const best = bestRecord[article] ?? -1;
      const own = this.articleRecord[article] ?? -1;
      const section = bestSection[article] ?? -1;
      // Name the section when it explains more of the query than the article's own record
      // (title, keywords, description, intro), or as much and nearly as well.
      let record = best;
      if (best === own && section !== -1) {
        const margin = 1e-9 + 0.02 * (recordCovered[own] ?? 0);
        const gain = (recordCovered[section] ?? 0) - (recordCovered[own] ?? 0);
        if (gain > margin || (gain >= -margin && scoreOf(section) >= SECTION_BIAS * scoreOf(own))) {
          record = section;
        }
      }
      const raw = Math.max(scoreOf(best), WHOLE_ARTICLE_FACTOR * whole);
      const score = raw / (raw + SCORE_HALF);
      const termFor = (t: number) => {
        const slot = record * tokenCount + t;
        return (contribution[slot] ?? 0) > 0 ? (bestTerm[slot] ?? -1) : -1;
      };
      return { score, build: () => this.buildHit(article, record, score, tokens, termFor) };
    });
  }

  private buildHit(
    article: number,
    record: number,
    score: number,
    tokens: string[],
    termFor: (token: number) => number,
  ): SearchHit {
    const summary = this.entry.articles[article];
    if (!summary)
      throw new KnowledgeBaseError('invalid-format', `No article ${article} in the index.`);
    const section = summary.sections[this.recordSection[record] ?? -1];
    const matched = new Map<string, number>();
    tokens.forEach((_, t) => {
      const term = termFor(t);
      if (term >= 0) matched.set(this.terms[term] ?? '', this.idf[term] ?? 0);
    });
    let snippet = buildSnippet(this.index.text[record] ?? '', matched);
    if (!snippet.matched && !section) {
      // The article matched by its title or keywords: describe it instead.
      const firstSection =
        this.recordArticle[record + 1] === article ? this.index.text[record + 1] : undefined;
      const fallback = summary.description ?? (snippet.text || firstSection) ?? '';
      snippet = buildSnippet(fallback, matched);
    }
    const hit: SearchHit = {
      slug: summary.slug,
      locale: summary.locale,
      title: summary.title,
      score: Math.max(score, Number.MIN_VALUE),
      snippet: snippet.text,
    };
    if (section) hit.section = { id: section.id, title: section.title };
    if (summary.category !== undefined) hit.category = summary.category;
    return hit;
  }

  /** Postings of a term as absolute `[record, weight, …]`, decoded on first use. */
  private readPostings(term: number): Int32Array {
    let decoded = this.decoded[term];
    if (!decoded) {
      const list = this.index.postings[term] ?? [];
      decoded = Int32Array.from(list);
      for (let p = 2; p < decoded.length; p += 2)
        decoded[p] = (decoded[p] ?? 0) + (decoded[p - 2] ?? 0);
      this.decoded[term] = decoded;
    }
    return decoded;
  }

  private expandExactly(token: string): Candidate[] {
    const term = this.termIds.get(token);
    return term === undefined ? [] : [{ term, similarity: SIMILARITY.exact }];
  }

  /** The vocabulary terms a query token may stand for, with how sure we are of each. */
  private expandToken(token: string, typing: boolean): Candidate[] {
    const found = new Map<number, number>();
    const offer = (term: number, similarity: number) => {
      if (similarity > (found.get(term) ?? 0)) found.set(term, similarity);
    };
    const exact = this.termIds.get(token);
    if (exact !== undefined) offer(exact, SIMILARITY.exact);

    if (token.length >= 3 || (typing && token.length >= 2)) {
      const base = typing || exact === undefined ? SIMILARITY.prefix : SIMILARITY.wordPrefix;
      for (const term of this.findPrefixed(token)) {
        const coverage = token.length / (this.terms[term] ?? token).length;
        offer(term, base + 0.2 * coverage);
      }
    }

    // A token that is a word of this locale is taken as typed; fuzzy matching is for the rest.
    if (exact === undefined && token.length >= 4) {
      const allowed = countAllowedEdits(token.length);
      const allowedPrefix = typing ? countAllowedPrefixEdits(token.length) : 0;
      const buckets = [this.readBucket(this.firstLetter, token.charAt(0))];
      if (token.length >= 5) buckets.push(this.readBucket(this.secondLetter, token.charAt(1)));
      for (const fuse of buckets) {
        for (const { refIndex: term } of fuse?.search(token) ?? []) {
          const { full, prefix } = measureEditDistance(token, this.terms[term] ?? '');
          if (full <= allowed) {
            offer(term, SIMILARITY.fuzzy * (1 - full / (token.length + 1)));
          } else if (prefix <= allowedPrefix) {
            offer(term, SIMILARITY.fuzzyPrefix * (1 - prefix / (token.length + 1)));
          }
        }
      }
    }
    return [...found].map(([term, similarity]) => ({ term, similarity }));
  }

  /** Terms that start with `prefix` (excluding itself), the most frequent first when many. */
  private findPrefixed(prefix: string): number[] {
    const { terms } = this;
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((terms[middle] ?? '') < prefix) low = middle + 1;
      else high = middle;
    }
    const matches: number[] = [];
    for (let term = low; term < terms.length && (terms[term] ?? '').startsWith(prefix); term++) {
      if (terms[term] !== prefix) matches.push(term);
    }
    if (matches.length <= MAX_PREFIX_TERMS) return matches;
    const frequency = (term: number) => this.index.postings[term]?.length ?? 0;
    return matches.sort((a, b) => frequency(b) - frequency(a)).slice(0, MAX_PREFIX_TERMS);
  }

  /** The Fuse instance of a bucket, created from its records on first use. */
  private readBucket(
    buckets: Map<string, Fuse<string> | FuseRecords>,
    letter: string,
  ): Fuse<string> | undefined {
    const bucket = buckets.get(letter);
    if (!bucket || bucket instanceof Fuse) return bucket;
    const fuse = new Fuse(
      this.terms,
      {
        threshold: FUZZY_THRESHOLD,
        ignoreLocation: true,
        // Terms and tokens are already folded; skipping Fuse's own lower-casing saves time.
        isCaseSensitive: true,
      },
      Fuse.parseIndex<string>({ keys: [], records: bucket.records }),
    );
    buckets.set(letter, fuse);
    return fuse;
  }
}

/** Records of a vocabulary bucket whose Fuse instance has not been needed yet. */
interface FuseRecords {
  records: IndexFile['vocab']['records'];
}

function addToBucket(
  buckets: Map<string, Fuse<string> | FuseRecords>,
  letter: string,
  record: IndexFile['vocab']['records'][number],
): void {
  const bucket = buckets.get(letter);
  if (bucket && !(bucket instanceof Fuse)) bucket.records.push(record);
  else buckets.set(letter, { records: [record] });
}

/** Check an index file's shape before trusting it; throws `invalid-format`. */
export function readIndexFile(data: unknown, where: string): IndexFile {
  const fail = (what: string): never => {
    throw new KnowledgeBaseError(
      'invalid-format',
      `${where} is not a Porthole search index: ${what}.`,
    );
  };
  if (typeof data !== 'object' || data === null) return fail('not a JSON object');
  const index = data as Partial<IndexFile>;
  if (typeof index.format === 'number' && index.format > FORMAT_VERSION) {
    throw new KnowledgeBaseError(
      'unsupported-version',
      `${where} has format ${index.format}; this @porthole/kb reads format ${FORMAT_VERSION}. Upgrade @porthole/kb.`,
    );
  }
  if (index.format !== FORMAT_VERSION) return fail(`format is ${String(index.format)}`);
  if (!Array.isArray(index.records) || !Array.isArray(index.text)) return fail('records missing');
  if (index.records.length !== index.text.length) return fail('records and text differ in length');
  const vocab = index.vocab;
  if (!vocab || !Array.isArray(vocab.records) || !Array.isArray(index.postings)) {
    return fail('vocabulary missing');
  }
  if (vocab.records.length !== index.postings.length) return fail('terms and postings differ');
  if (!Array.isArray(index.stopwords)) return fail('stopwords missing');
  return index as IndexFile;
}
