/**
 * Records and their term weights. A record is an article's own part (title, keywords, tags,
 * description, category, intro) or one h2/h3 section (heading, text). Headings weigh 2 and the
 * text's length normalization is mild (b 0.2): with more, the many short sections of long
 * reference pages (a CLI reference, a settings list) outranked the article about the topic
 * (help-center hit@3 83% → 87%, `npm run bench`). Weights are BM25 with
 * per-field saturation: each field is saturated on its own and the results are added with the
 * field weights, so a word in the title counts six times a word in the text however often the
 * text repeats it (in BM25F proper, saturation after weighting flattens that difference away).
 */
import { POSITION_META, POSITION_TEXT, POSITION_TITLE, tokenizeText } from '@porthole/kb/format';
import { SYNONYM_WEIGHT, findSynonyms, type SynonymGroup } from './synonyms.js';

const FIELDS = {
  title: { weight: 6, b: 0.5, start: POSITION_TITLE },
  heading: { weight: 2, b: 0.75, start: POSITION_TITLE },
  keywords: { weight: 4, b: 0.3, start: POSITION_META },
  tags: { weight: 3, b: 0.3, start: POSITION_META + 100 },
  description: { weight: 2, b: 0.6, start: POSITION_META + 200 },
  category: { weight: 1, b: 0.3, start: POSITION_META + 400 },
  body: { weight: 1, b: 0.2, start: POSITION_TEXT },
} as const;
export type FieldName = keyof typeof FIELDS;
const K1 = 1.2;

/** A record's fields as text (lists: one entry per item). */
export type RecordFields = Partial<Record<FieldName, string | readonly string[]>>;

/** Postings under construction: term → flat `[record, weight × 10, first position, …]`. */
export type RawPostings = Map<string, number[]>;

interface Tokenized {
  field: FieldName;
  tokens: string[];
  /** Position of each token (lists leave a gap between items, so items are never "adjacent"). */
  positions: number[];
}

function tokenizeField(field: FieldName, value: string | readonly string[]): Tokenized {
  const items = typeof value === 'string' ? [value] : value;
  const tokens: string[] = [];
  const positions: number[] = [];
  let at = FIELDS[field].start;
  for (const item of items) {
    for (const token of tokenizeText(item)) {
      tokens.push(token);
      positions.push(at++);
    }
    at += 2;
  }
  return { field, tokens, positions };
}

/** Weigh every record's terms and collect the postings (records in order). */
export function weighRecords(
  records: readonly RecordFields[],
  synonyms: readonly SynonymGroup[],
): RawPostings {
  // Field lengths first (for length normalization), so the records can then be tokenized
  // and weighed one at a time instead of all being held in memory at once.
  const sum = new Map<FieldName, number>();
  const count = new Map<FieldName, number>();
  const lengths = records.map((fields) => {
    const tokenized = tokenizeFields(fields);
    for (const { field, tokens } of tokenized) {
      sum.set(field, (sum.get(field) ?? 0) + tokens.length);
      count.set(field, (count.get(field) ?? 0) + 1);
    }
    return tokenized;
  });
  const average = (field: FieldName) => (sum.get(field) ?? 0) / (count.get(field) || 1) || 1;

  const postings: RawPostings = new Map();
  lengths.forEach((fields, record) => {
    const weights = new Map<string, number>();
    const first = new Map<string, number>();
    for (const { field, tokens, positions } of fields) {
      const { weight, b } = FIELDS[field];
      const norm = 1 - b + (b * tokens.length) / average(field);
      const saturate = (tf: number) => (tf * (K1 + 1)) / (tf + K1 * norm);
      const counts = new Map<string, number>();
      tokens.forEach((token, i) => {
        counts.set(token, (counts.get(token) ?? 0) + 1);
        const position = positions[i] ?? 0;
        if (position < (first.get(token) ?? Infinity)) first.set(token, position);
      });
      for (const [term, tf] of counts) {
        weights.set(term, (weights.get(term) ?? 0) + weight * saturate(tf));
      }
      const extra = new Map<string, number>();
      for (const found of findSynonyms(tokens, synonyms)) {
        found.tokens.forEach((token, k) => {
          extra.set(token, (extra.get(token) ?? 0) + 1);
          const position = (positions[found.position] ?? 0) + k;
          if (position < (first.get(token) ?? Infinity)) first.set(token, position);
        });
      }
      for (const [term, tf] of extra) {
        weights.set(term, (weights.get(term) ?? 0) + SYNONYM_WEIGHT * weight * saturate(tf));
      }
    }
    // Let the record's tokens go before the next one is weighed.
    lengths[record] = [];
    for (const [term, weight] of weights) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push(record, Math.max(1, Math.round(weight * 10)), first.get(term) ?? POSITION_TEXT);
    }
  });
  return postings;
}

function tokenizeFields(fields: RecordFields): Tokenized[] {
  return (Object.entries(fields) as [FieldName, string | readonly string[]][])
    .map(([field, value]) => tokenizeField(field, value))
    .filter((f) => f.tokens.length > 0);
}
