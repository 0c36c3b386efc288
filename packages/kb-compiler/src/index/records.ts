/**
 * Records and their term weights. A record is an article's own part (title, keywords, tags,
 * description, category, intro) or one h2/h3 section (heading, text). Headings weigh 2 and the
 * text's length normalization is mild (b 0.2): with more, the many short sections of long
 * reference pages (a CLI reference, a settings list) outranked the article about the topic
 * (help-center hit@3 83% → 87%, `npm run bench`). Weights are BM25 with
 * per-field saturation: each field is saturated on its own and the results are added with the
 * field weights, so a word in the title counts six times a word in the text however often the
 * text repeats it (in BM25F proper, saturation after weighting flattens that difference away).
 *
 * In two steps, so that the costly one runs once per article, in a render worker, and is
 * cached with the render: {@link tokenizeRecords} turns an article's records into term numbers
 * (`ArticleTerms`), and {@link weighRecords} weighs every article's terms once the knowledge
 * base is known (the lengths are normalized by averages over all of it), with typed arrays
 * instead of a map per record.
 */
import { POSITION_META, POSITION_TEXT, POSITION_TITLE, tokenizeText } from '@porthole/kb/format';
import { SYNONYM_WEIGHT, type SynonymGroup } from './synonyms.js';

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
const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];
const K1 = 1.2;
/** In a field's term list: between list items (the next token is 2 positions further). */
const ITEM_END = 0xffffffff;

/** A record's fields as text (lists: one entry per item). */
export type RecordFields = Partial<Record<FieldName, string | readonly string[]>>;

/**
 * An article's records as term numbers: `vocabulary` holds its distinct terms, one per line
 * (one string, not thousands: the build cache holds every article's, and a rebuild whose
 * search index is cached never reads them), and `stream`
 * per record `[field count, (field code, entry count, entries…)…]`, where an entry is an
 * index into `vocabulary` or ITEM_END. Typed, so it is cheap to send from a worker and to
 * keep in the build cache.
 */
export interface ArticleTerms {
  vocabulary: string;
  stream: Uint32Array;
}

/** Tokenize an article's records (its own, then one per section). */
export function tokenizeRecords(records: readonly RecordFields[]): ArticleTerms {
  const vocabulary: string[] = [];
  const numbers = new Map<string, number>();
  const out: number[] = [];
  for (const fields of records) {
    const countAt = out.length;
    out.push(0);
    for (const [field, value] of Object.entries(fields) as [FieldName, RecordFields[FieldName]][]) {
      if (value === undefined) continue;
      const items = typeof value === 'string' ? [value] : value;
      const headerAt = out.length;
      out.push(FIELD_NAMES.indexOf(field), 0);
      let tokens = 0;
      items.forEach((item, i) => {
        if (i > 0) out.push(ITEM_END);
        for (const token of tokenizeText(item)) {
          let number = numbers.get(token);
          if (number === undefined) {
            number = vocabulary.push(token) - 1;
            numbers.set(token, number);
          }
          out.push(number);
          tokens++;
        }
      });
      if (tokens === 0) out.length = headerAt;
      else {
        out[headerAt + 1] = out.length - headerAt - 2;
        out[countAt] = (out[countAt] ?? 0) + 1;
      }
    }
  }
  return { vocabulary: vocabulary.join('\n'), stream: Uint32Array.from(out) };
}

/**
 * Every record's postings, grouped by term: term `t`'s records are `records[offsets[t]]` up
 * to `offsets[t + 1]`, ascending, with their weights (× 10, rounded) and first positions.
 */
export interface WeighedTerms {
  /** Term by number. */
  terms: string[];
  offsets: Uint32Array;
  records: Uint32Array;
  weights: Uint32Array;
  firsts: Uint32Array;
  recordCount: number;
}

/** Weigh the terms of every record of `articles` (in record order). */
export function weighRecords(
  articles: readonly ArticleTerms[],
  synonyms: readonly SynonymGroup[],
): WeighedTerms {
  const terms: string[] = [];
  const numbers = new Map<string, number>();
  const intern = (term: string) => {
    let number = numbers.get(term);
    if (number === undefined) {
      number = terms.push(term) - 1;
      numbers.set(term, number);
    }
    return number;
  };
  const groups = synonyms.map((group) => group.map((member) => member.map(intern)));
  // Pass 1: global term numbers and each field's average length.
  const sum = new Float64Array(FIELD_NAMES.length);
  const count = new Float64Array(FIELD_NAMES.length);
  const maps = articles.map(({ vocabulary, stream }) => {
    forEachField(stream, (field, from, to) => {
      sum[field] = (sum[field] ?? 0) + countTokens(stream, from, to);
      count[field] = (count[field] ?? 0) + 1;
    });
    return Uint32Array.from(vocabulary ? vocabulary.split('\n') : [], intern);
  });
  const average = FIELD_NAMES.map((_, f) => (sum[f] ?? 0) / (count[f] || 1) || 1);

  // Pass 2: per record, term frequencies per field, saturated and added up. Typed arrays by
  // term number, "seen" stamps instead of clearing: 4 M tokens at 9,739 pages.
  const size = terms.length;
  const fieldSeen = new Int32Array(size).fill(-1);
  const tf = new Uint32Array(size);
  const recordSeen = new Int32Array(size).fill(-1);
  const weight = new Float64Array(size);
  const first = new Uint32Array(size);
  const postings = createPostingBuffer();
  let record = 0;
  let fieldRun = 0;
  const fieldTerms: number[] = [];
  const recordTerms: number[] = [];
  // The field's tokens and positions, kept only to look for synonyms in.
  const tokens: number[] = [];
  const positions: number[] = [];
  const see = (term: number, position: number) => {
    if (recordSeen[term] !== record) {
      recordSeen[term] = record;
      weight[term] = 0;
      first[term] = position;
      recordTerms.push(term);
    } else if (position < (first[term] as number)) first[term] = position;
  };
  const countTerm = (term: number) => {
    if (fieldSeen[term] !== fieldRun) {
      fieldSeen[term] = fieldRun;
      tf[term] = 0;
      fieldTerms.push(term);
    }
    tf[term] = (tf[term] as number) + 1;
  };
  const addWeights = (scale: number, norm: number) => {
    for (const term of fieldTerms) {
      const frequency = tf[term] as number;
      weight[term] =
        (weight[term] as number) + scale * ((frequency * (K1 + 1)) / (frequency + K1 * norm));
    }
  };
  articles.forEach(({ stream }, a) => {
    const map = maps[a] as Uint32Array;
    let at = 0;
    while (at < stream.length) {
      const fields = stream[at++] as number;
      recordTerms.length = 0;
      for (let f = 0; f < fields; f++) {
        const code = stream[at] as number;
        const entries = stream[at + 1] as number;
        const { weight: fieldWeight, b, start } = FIELDS[FIELD_NAMES[code] as FieldName];
        fieldRun++;
        fieldTerms.length = 0;
        tokens.length = 0;
        positions.length = 0;
        let position = start;
        let length = 0;
        for (let i = at + 2, end = at + 2 + entries; i < end; i++) {
          const entry = stream[i] as number;
          if (entry === ITEM_END) {
            position += 2;
            continue;
          }
          const term = map[entry] as number;
          countTerm(term);
          see(term, position);
          if (groups.length > 0) {
            tokens.push(term);
            positions.push(position);
          }
          position++;
          length++;
        }
        at += 2 + entries;
        const norm = 1 - b + (b * length) / (average[code] as number);
        addWeights(fieldWeight, norm);
        if (groups.length === 0) continue;
        // Synonyms: the record is also indexed under the other members of a group it has.
        fieldRun++;
        fieldTerms.length = 0;
        for (const group of groups) {
          group.forEach((member, m) => {
            const found = indexOfSequence(tokens, member);
            if (found === -1) return;
            group.forEach((other, o) => {
              if (o === m) return;
              other.forEach((term, k) => {
                countTerm(term);
                see(term, (positions[found] as number) + k);
              });
            });
          });
        }
        addWeights(SYNONYM_WEIGHT * fieldWeight, norm);
      }
      for (const term of recordTerms) {
        postings.push(
          term,
          record,
          Math.max(1, Math.round((weight[term] as number) * 10)),
          first[term] as number,
        );
      }
      record++;
    }
  });
  return { terms, ...postings.groupByTerm(size), recordCount: record };
}

/** Call `visit` with each field's code and entry range in an article's stream. */
function forEachField(
  stream: Uint32Array,
  visit: (field: number, from: number, to: number) => void,
): void {
  let at = 0;
  while (at < stream.length) {
    const fields = stream[at++] ?? 0;
    for (let f = 0; f < fields; f++) {
      const entries = stream[at + 1] ?? 0;
      visit(stream[at] ?? 0, at + 2, at + 2 + entries);
      at += 2 + entries;
    }
  }
}

function countTokens(stream: Uint32Array, from: number, to: number): number {
  let tokens = 0;
  for (let i = from; i < to; i++) if (stream[i] !== ITEM_END) tokens++;
  return tokens;
}

function indexOfSequence(tokens: readonly number[], sequence: readonly number[]): number {
  const head = sequence[0] ?? -1;
  for (let i = tokens.indexOf(head); i !== -1; i = tokens.indexOf(head, i + 1)) {
    if (sequence.every((token, k) => tokens[i + k] === token)) return i;
  }
  return -1;
}

/** Postings as they come (record order), then grouped by term with a counting sort. */
function createPostingBuffer() {
  let length = 0;
  let data = new Uint32Array(1 << 16);
  return {
    push(term: number, record: number, weight: number, first: number) {
      if (length + 4 > data.length) {
        const grown = new Uint32Array(data.length * 2);
        grown.set(data);
        data = grown;
      }
      data[length++] = term;
      data[length++] = record;
      data[length++] = weight;
      data[length++] = first;
    },
    groupByTerm(size: number) {
      const n = length / 4;
      const offsets = new Uint32Array(size + 1);
      for (let i = 0; i < length; i += 4) {
        const slot = (data[i] ?? 0) + 1;
        offsets[slot] = (offsets[slot] ?? 0) + 1;
      }
      for (let t = 0; t < size; t++) offsets[t + 1] = (offsets[t + 1] ?? 0) + (offsets[t] ?? 0);
      const next = offsets.slice(0, size);
      const records = new Uint32Array(n);
      const weights = new Uint32Array(n);
      const firsts = new Uint32Array(n);
      for (let i = 0; i < length; i += 4) {
        const term = data[i] ?? 0;
        const slot = next[term] ?? 0;
        next[term] = slot + 1;
        records[slot] = data[i + 1] ?? 0;
        weights[slot] = data[i + 2] ?? 0;
        firsts[slot] = data[i + 3] ?? 0;
      }
      return { offsets, records, weights, firsts };
    },
  };
}
