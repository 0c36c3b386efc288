/**
 * From query tokens to vocabulary terms: exactly, by prefix (the word being typed, or a
 * finished word that is also the start of longer ones), fuzzily (an edit distance over the
 * terms sharing the token's first three letters, and, for a typo among those three letters,
 * over the terms sharing its later letters — the tail index), then to the other members of
 * each term's stem class. Only the shards those lookups need are downloaded.
 */
import { measureEditDistance } from './edit-distance.js';
import { MAX_POSTINGS } from './format.js';
import type { LocaleIndex, TermInfo } from './locale-index.js';
import { normalizeText, splitTokens } from './text.js';

/** At most this many tokens of a query count; the rest are ignored. */
const MAX_QUERY_TOKENS = 10;
/** Prefix expansion keeps the most frequent terms when a prefix has more than this. */
const MAX_PREFIX_TERMS = 16;
/**
 * Postings a token's candidates may bring, at most (the first, best one always counts): the
 * weakest guesses — other forms of a typo's neighbours ("lock", "work", "box" for "booking")
 * — are left out once the stronger ones have brought this many. Bounds the scoring work of a
 * common or misspelled word at scale, where each term brings up to MAX_POSTINGS.
 */
const POSTING_BUDGET = 4 * MAX_POSTINGS;
/** Letters a term shares with a token for the vocabulary shards to be looked in. */
const KEY_LENGTH = 3;

export const SIMILARITY = {
  exact: 1,
  /** Another member of the stem class of a matched term ("syncing" for "sync"), times its similarity. */
  stem: 0.7,
  /** Plus up to 0.2 for how much of the term the prefix covers; for the word being typed. */
  prefix: 0.72,
  /** The same for a finished word that is also a word of its own ("sync" → "syncthing"). */
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

export interface Candidate {
  info: TermInfo;
  /** How much a match of this term counts for the token (scoring). */
  similarity: number;
  /**
   * How sure we are that the visitor meant this word family (confidence): another form of a
   * matched word is as certain as that word, though it scores less.
   */
  certainty: number;
}

/** Per token, the terms it may stand for; stopwords match only exactly. */
export async function expandQuery(
  index: LocaleIndex,
  query: PreparedQuery,
): Promise<Candidate[][]> {
  const { tokens } = query;
  await index.loadShards(
    tokens.flatMap((token) => listKeys(token).flatMap((key) => index.shardsFor(key))),
  );
  const onlyStopwords = tokens.every((token) => index.stopwords.has(token));
  const expansions = tokens.map((token, t) => {
    const typing = query.typing && t === tokens.length - 1;
    if (!onlyStopwords && index.stopwords.has(token)) {
      const exact = index.lookup(token);
      return exact ? [{ info: exact, similarity: SIMILARITY.exact, certainty: 1 }] : [];
    }
    return expandToken(index, token, typing);
  });
  // A token with nothing close among the terms sharing its first three letters may have its
  // typo there: look it up by its later letters ("hsla" → "hasla", "apssword" → "password")
  // and, for a four-letter word, among the terms sharing its first two ("laks" → "laiks").
  await Promise.all(
    tokens.map(async (token, t) => {
      const found = expansions[t] ?? [];
      if (token.length < 4 || found.some((c) => c.similarity >= SIMILARITY.fuzzyPrefix)) return;
      if (index.stopwords.has(token)) return;
      const more = await findByTail(index, token);
      if (token.length === 4) more.push(...(await findByShortPrefix(index, token)));
      for (const candidate of more) found.push(candidate);
    }),
  );
  await Promise.all(expansions.map((found) => addStemClasses(index, found)));
  return expansions.map(keepStrongest);
}

/** The candidates, strongest first (commoner first among equals), within the posting budget. */
function keepStrongest(found: Candidate[]): Candidate[] {
  found.sort((a, b) => b.similarity - a.similarity || b.info.df - a.info.df);
  let left = POSTING_BUDGET;
  return found.filter((candidate, i) => {
    const cost = Math.min(candidate.info.df, MAX_POSTINGS);
    if (i > 0 && cost > left) return false;
    left -= cost;
    return true;
  });
}

function expandToken(index: LocaleIndex, token: string, typing: boolean): Candidate[] {
  const found = new Map<string, Candidate>();
  const offer = (info: TermInfo, similarity: number) => {
    if (similarity > (found.get(info.term)?.similarity ?? 0)) {
      found.set(info.term, { info, similarity, certainty: similarity });
    }
  };
  const [key = '', ...swapped] = listKeys(token);
  const near = index.termsStartingWith(key);
  const exact = near.find((info) => info.term === token);
  if (exact) offer(exact, SIMILARITY.exact);

  if (token.length >= 3 || (typing && token.length >= 2)) {
    const base = typing || !exact ? SIMILARITY.prefix : SIMILARITY.wordPrefix;
    let prefixed = near.filter((info) => info.term !== token && info.term.startsWith(token));
    if (prefixed.length > MAX_PREFIX_TERMS) {
      prefixed = prefixed.sort((a, b) => b.df - a.df).slice(0, MAX_PREFIX_TERMS);
    }
    for (const info of prefixed) offer(info, base + (0.2 * token.length) / info.term.length);
  }

  // A token that is a word of this locale is taken as typed; fuzzy matching is for the rest.
  if (!exact && token.length >= 4) {
    const allowed = countAllowedEdits(token.length);
    const allowedPrefix = typing && token.length >= 5 ? 1 : 0;
    for (const info of [...near, ...swapped.flatMap((k) => index.termsStartingWith(k))]) {
      if (info.term.length < token.length - allowed) continue;
      if (info.term.length > token.length + allowed && !typing) continue;
      const { full, prefix } = measureEditDistance(token, info.term, allowed);
      if (full <= allowed) offer(info, SIMILARITY.fuzzy * (1 - full / (token.length + 1)));
      else if (typing && prefix <= allowedPrefix) {
        offer(info, SIMILARITY.fuzzyPrefix * (1 - prefix / (token.length + 1)));
      }
    }
  }
  return [...found.values()];
}

/**
 * The prefixes whose vocabulary a token is looked up in: its first three letters, then the
 * same with two neighbouring letters among them swapped ("dialy" → "dai…", "bakclinks" →
 * "bac…"), the commonest typo of fast typists, which the prefix alone would never find.
 */
function listKeys(token: string): string[] {
  const key = token.slice(0, KEY_LENGTH);
  if (token.length < 4) return [key];
  const keys = [key];
  for (let i = 0; i < KEY_LENGTH; i++) {
    const a = token.charAt(i);
    const b = token.charAt(i + 1);
    if (a === b) continue;
    const swapped = `${token.slice(0, i)}${b}${a}${token.slice(i + 2)}`.slice(0, KEY_LENGTH);
    if (!keys.includes(swapped)) keys.push(swapped);
  }
  return keys;
}

/** Terms within the allowed edits of `token` whose typo is in their first three letters. */
async function findByTail(index: LocaleIndex, token: string): Promise<Candidate[]> {
  const allowed = countAllowedEdits(token.length);
  // The term's letters from the fourth on match the token's from the third (a letter lost),
  // fourth (one replaced or two swapped) or fifth (one added).
  const keys = [2, 3, 4].map((k) => token.slice(k, k + KEY_LENGTH)).filter((k) => k.length >= 2);
  const terms = new Set((await Promise.all(keys.map((k) => index.findByTail(k)))).flat());
  const close = [...terms].filter(
    (term) => measureEditDistance(token, term, allowed).full <= allowed,
  );
  if (close.length === 0) return [];
  await index.loadShards(close.flatMap((term) => index.shardsFor(term.slice(0, KEY_LENGTH))));
  const result: Candidate[] = [];
  for (const term of close) {
    const info = index.lookup(term);
    const edits = measureEditDistance(token, term, allowed).full;
    const similarity = SIMILARITY.fuzzy * (1 - edits / (token.length + 1));
    if (info) result.push({ info, similarity, certainty: similarity });
  }
  return result;
}

/** Terms within the allowed edits of `token` among those sharing its first two letters. */
async function findByShortPrefix(index: LocaleIndex, token: string): Promise<Candidate[]> {
  const prefix = token.slice(0, 2);
  await index.loadShards(index.shardsFor(prefix));
  const allowed = countAllowedEdits(token.length);
  const result: Candidate[] = [];
  for (const info of index.termsStartingWith(prefix)) {
    if (Math.abs(info.term.length - token.length) > allowed) continue;
    const edits = measureEditDistance(token, info.term, allowed).full;
    const similarity = SIMILARITY.fuzzy * (1 - edits / (token.length + 1));
    if (edits <= allowed) result.push({ info, similarity, certainty: similarity });
  }
  return result;
}

/** Add the other members of each candidate's stem class ("synced" for "sync"). */
async function addStemClasses(index: LocaleIndex, found: Candidate[]): Promise<void> {
  const classes = new Map<number, { prefix: string; similarity: number }>();
  for (const { info, similarity } of found) {
    if (!info.stem) continue;
    const [id, length] = info.stem;
    const best = classes.get(id);
    if (!best || similarity > best.similarity) {
      classes.set(id, { prefix: info.term.slice(0, length), similarity });
    }
  }
  if (classes.size === 0) return;
  await index.loadShards([...classes.values()].flatMap(({ prefix }) => index.shardsFor(prefix)));
  const have = new Map(found.map((c) => [c.info.term, c]));
  for (const [id, { prefix, similarity }] of classes) {
    for (const info of index.termsStartingWith(prefix)) {
      if (info.stem?.[0] !== id) continue;
      const value = similarity * SIMILARITY.stem;
      const existing = have.get(info.term);
      if (existing) {
        existing.similarity = Math.max(existing.similarity, value);
        existing.certainty = Math.max(existing.certainty, similarity);
      } else {
        const candidate = { info, similarity: value, certainty: similarity };
        found.push(candidate);
        have.set(info.term, candidate);
      }
    }
  }
}
