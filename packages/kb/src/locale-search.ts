/**
 * One search in one locale: expand the query (downloading the shards it needs), score, keep
 * the best, then download the fragments of the hits shown and cut their snippets.
 */
import { KnowledgeBaseError } from './errors.js';
import { expandQuery, type Candidate, type PreparedQuery } from './expand.js';
import type { LocaleIndex } from './locale-index.js';
import { scoreQuery, type ScoredArticle } from './score.js';
import { buildSnippet, findRanges, headOf, type MatchWeight } from './snippet.js';
import type { SearchHit } from './types.js';

/**
 * The calibrated "good answer" cut-off: a hit is confident when it covers at least this much
 * of the query (IDF-weighted share of its words, each times how surely it matched). Measured
 * on the unanswerable and answerable query sets of `npm run bench`; a share, not a score, so
 * it means the same in a 10-article and a 10,000-article knowledge base. Other forms of a word
 * (stem classes) count as certain as the word itself here, though they score less.
 */
export const CONFIDENT_EVIDENCE = 0.6;

export interface LocaleResult {
  index: LocaleIndex;
  query: PreparedQuery;
  expansions: Candidate[][];
  scored: ScoredArticle[];
}

/** Search one locale; `scored` holds its best `keep` articles, best first. */
export async function searchLocale(
  index: LocaleIndex,
  query: PreparedQuery,
  keep: number,
): Promise<LocaleResult> {
  const expansions = await expandQuery(index, query);
  await index.loadPostings(expansions.flat().map((c) => c.info));
  return { index, query, expansions, scored: scoreQuery(index, query, expansions, keep) };
}

export function isConfident(hit: ScoredArticle | undefined): boolean {
  return !!hit && hit.evidence >= CONFIDENT_EVIDENCE;
}

/** How each folded word of a text relates to the query: the weight of the best candidate it is. */
export function createMatchWeight(query: PreparedQuery, expansions: Candidate[][]): MatchWeight {
  const weights = new Map<string, number>();
  for (const candidates of expansions) {
    for (const { info, similarity } of candidates) {
      weights.set(info.term, Math.max(weights.get(info.term) ?? 0, similarity));
    }
  }
  const last = query.typing ? query.tokens.at(-1) : undefined;
  const typed = last && last.length >= 2 ? last : undefined;
  const weigh: MatchWeight = (folded) =>
    weights.get(folded) ?? (typed && folded.startsWith(typed) ? 0.5 : 0);
  weigh.heads = new Set([...weights.keys(), ...(typed ? [typed] : [])].map(headOf));
  return weigh;
}

/** A finished {@link SearchHit}, with the fragment of its article downloaded. */
export async function buildHit(
  result: LocaleResult,
  scored: ScoredArticle,
  score: number,
  weigh: MatchWeight,
): Promise<SearchHit> {
  const { index } = result;
  const summary = index.entry.articles[scored.article];
  if (!summary) {
    throw new KnowledgeBaseError('invalid-format', `No article ${scored.article} in the index.`);
  }
  const fragment = await index.fragment(scored.article);
  const sectionIndex = index.recordSection[scored.record] ?? -1;
  const section = fragment.sections[sectionIndex];
  let snippet = buildSnippet(fragment.text[sectionIndex + 1] ?? '', weigh);
  if (!snippet.matched && !section) {
    // The article matched by its title or keywords: describe it instead.
    const fallback = summary.description ?? (snippet.text || fragment.text[1]) ?? '';
    snippet = buildSnippet(fallback, weigh);
  }
  const hit: SearchHit = {
    slug: summary.slug,
    locale: index.locale,
    title: summary.title,
    score: Math.max(score, Number.MIN_VALUE),
    snippet: snippet.text,
    matches: { title: findRanges(summary.title, weigh), snippet: snippet.ranges },
  };
  if (section) {
    hit.section = { id: section.id, title: section.title };
    if (hit.matches) hit.matches.section = findRanges(section.title, weigh);
  }
  if (summary.category !== undefined) hit.category = summary.category;
  return hit;
}
