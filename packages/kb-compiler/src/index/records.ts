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
 * In steps, so that the costly one runs once per article, in a render worker, and is cached
 * with the render: {@link tokenizeRecords} turns an article's records into term numbers
 * (`ArticleTerms`); {@link weighArticle} counts each term's frequency per field (kept between
 * builds in watch mode); {@link weighRecords} weighs every article's terms once the knowledge
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
 * Terms are numbered by a {@link TermDictionary}: a number may have no postings.
 */
export interface WeighedTerms {
  /** Term by number. */
  terms: readonly string[];
  offsets: Uint32Array;
  records: Uint32Array;
  weights: Uint32Array;
  firsts: Uint32Array;
  recordCount: number;
  /** The articles' weighings they were placed from, in order. */
  weighings: readonly ArticleWeighing[];
}

/** Term numbers. Kept between builds in watch mode, so only new terms are numbered. */
export interface TermDictionary {
  terms: string[];
  numbers: Map<string, number>;
}

export function createTermDictionary(): TermDictionary {
  return { terms: [], numbers: new Map() };
}

function intern(dictionary: TermDictionary, term: string): number {
  let number = dictionary.numbers.get(term);
  if (number === undefined) {
    number = dictionary.terms.push(term) - 1;
    dictionary.numbers.set(term, number);
  }
  return number;
}

/**
 * One article's postings before the knowledge base's field averages are known. Per record,
 * `entries` holds `[term, field code (+ SYNONYM_FIELD), term frequency, field length]` per
 * field a term is in, and `postings` `[term, first position]` per term; `recordEnds` says
 * where each record's entries and postings end. `lengths` holds the token sum and the count of
 * each field code, for the averages.
 */
export interface ArticleWeighing {
  entries: Uint32Array;
  postings: Uint32Array;
  /** Per record: [end of its entries, end of its postings] (indexes into the arrays). */
  recordEnds: Uint32Array;
  lengths: Float64Array;
}

const SYNONYM_FIELD = 0x100;

/**
 * Weigh the terms of every record of `articles` (in record order). `prepare` returns an
 * article's {@link ArticleWeighing}: {@link weighArticle}'s, or the one remembered from the
 * last build (watch mode). The field averages are applied when the postings are placed, so an
 * article's weighing does not depend on the others. `reuse` lends its arrays (the build
 * before last's), `previous` its counts (the last build's).
 */
export function weighRecords(
  articles: readonly ArticleTerms[],
  synonyms: readonly SynonymGroup[],
  dictionary: TermDictionary = createTermDictionary(),
  prepare: (article: ArticleTerms, weigh: () => ArticleWeighing) => ArticleWeighing = (_, w) => w(),
  reuse?: WeighedTerms,
  previous?: WeighedTerms,
): WeighedTerms {
  const groups = synonyms.map((group) =>
    group.map((member) => member.map((t) => intern(dictionary, t))),
  );
  const weighings = articles.map((article) =>
    prepare(article, () => weighArticle(article, dictionary, groups)),
  );
  const sum = new Float64Array(FIELD_NAMES.length);
  const count = new Float64Array(FIELD_NAMES.length);
  for (const { lengths } of weighings) {
    for (let f = 0; f < FIELD_NAMES.length; f++) {
      sum[f] = (sum[f] as number) + (lengths[f] as number);
      count[f] = (count[f] as number) + (lengths[FIELD_NAMES.length + f] as number);
    }
  }
  const average = FIELD_NAMES.map((_, f) => (sum[f] ?? 0) / (count[f] || 1) || 1);
  return placePostings(weighings, dictionary.terms, average, reuse, previous);
}

/** `length` numbers: a view of `old` when it is large enough (its contents are overwritten). */
function reuseOrCreate(old: Uint32Array | undefined, length: number): Uint32Array {
  if (old && old.buffer.byteLength >= length * 4) return new Uint32Array(old.buffer, 0, length);
  return new Uint32Array(new ArrayBuffer(Math.ceil(length * 1.05) * 4), 0, length);
}

/**
 * Where each term's postings start (by term number, and the total at `size`). After a few
 * articles changed, from the last build's counts: counting all 2.6 M postings of 9,739 pages
 * again was a third of placing them.
 */
function countPostings(
  weighings: readonly ArticleWeighing[],
  size: number,
  previous: WeighedTerms | undefined,
): Uint32Array {
  const offsets = new Uint32Array(size + 1);
  const add = ({ postings }: ArticleWeighing, by: number) => {
    for (let i = 0; i < postings.length; i += 2) {
      const slot = (postings[i] as number) + 1;
      offsets[slot] = (offsets[slot] as number) + by;
    }
  };
  const last = previous?.weighings;
  const changed =
    last?.length === weighings.length ? weighings.filter((w, i) => w !== last[i]).length : -1;
  if (previous && last && changed >= 0 && changed <= weighings.length / 8) {
    const before = previous.offsets;
    for (let t = 0; t + 1 < before.length; t++)
      offsets[t + 1] = (before[t + 1] as number) - (before[t] as number);
    weighings.forEach((weighing, i) => {
      if (weighing === last[i]) return;
      add(last[i] as ArticleWeighing, -1);
      add(weighing, 1);
    });
  } else for (const weighing of weighings) add(weighing, 1);
  for (let t = 0; t < size; t++)
    offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
  return offsets;
}

/** Count each term's postings, then weigh every posting straight into its slot. */
function placePostings(
  weighings: readonly ArticleWeighing[],
  terms: readonly string[],
  average: readonly number[],
  reuse: WeighedTerms | undefined,
  previous: WeighedTerms | undefined,
): WeighedTerms {
  const size = terms.length;
  const offsets = countPostings(weighings, size, previous);
  const total = offsets[size] as number;
  const next = offsets.slice(0, size);
  // Watch mode hands in the arrays of the build before last: three new 10 MB arrays per
  // build (9,739 pages) made the collector walk the whole heap after every edit.
  const records = reuseOrCreate(reuse?.records, total);
  const weights = reuseOrCreate(reuse?.weights, total);
  const firsts = reuseOrCreate(reuse?.firsts, total);
  const weight = new Float64Array(size);
  // By field code (the synonym pass's at SYNONYM_FIELD + code), as numbers in typed arrays:
  // the same arithmetic as written out, without property look-ups per posting.
  const keep = new Float64Array(FIELD_NAMES.length);
  const b = new Float64Array(FIELD_NAMES.length);
  const averages = Float64Array.from(average);
  const scale = new Float64Array(SYNONYM_FIELD + FIELD_NAMES.length);
  FIELD_NAMES.forEach((name, code) => {
    b[code] = FIELDS[name].b;
    keep[code] = 1 - FIELDS[name].b;
    scale[code] = FIELDS[name].weight;
    scale[SYNONYM_FIELD + code] = SYNONYM_WEIGHT * FIELDS[name].weight;
  });

  let record = 0;
  for (const { entries, postings, recordEnds } of weighings) {
    let entry = 0;
    let posting = 0;
    for (let r = 0; r < recordEnds.length; r += 2, record++) {
      for (const end = recordEnds[r] as number; entry < end; entry += 4) {
        const term = entries[entry] as number;
        const field = entries[entry + 1] as number;
        const code = field & 0xff;
        const frequency = entries[entry + 2] as number;
        const norm =
          (keep[code] as number) +
          ((b[code] as number) * (entries[entry + 3] as number)) / (averages[code] as number);
        weight[term] =
          (weight[term] as number) +
          (scale[field] as number) * ((frequency * (K1 + 1)) / (frequency + K1 * norm));
      }
      for (const end = recordEnds[r + 1] as number; posting < end; posting += 2) {
        const term = postings[posting] as number;
        const slot = next[term] as number;
        next[term] = slot + 1;
        records[slot] = record;
        weights[slot] = Math.max(1, Math.round((weight[term] as number) * 10));
        firsts[slot] = postings[posting + 1] as number;
        weight[term] = 0;
      }
    }
  }
  return { terms, offsets, records, weights, firsts, recordCount: record, weighings };
}

/**
 * Scratch space of {@link weighArticle} by term number, grown with the dictionary: stamps
 * instead of clearing (4 M tokens at 9,739 pages, where a map per field was slower).
 */
const scratch = {
  fieldSeen: new Float64Array(0),
  recordSeen: new Float64Array(0),
  tf: new Uint32Array(0),
  first: new Uint32Array(0),
  field: 0,
  record: 0,
};

function growScratch(size: number) {
  if (scratch.tf.length >= size) return;
  const grown = Math.max(size, scratch.tf.length * 2, 1024);
  const copy = <T extends Float64Array | Uint32Array>(old: T, make: (n: number) => T): T => {
    const array = make(grown);
    array.set(old);
    return array;
  };
  scratch.fieldSeen = copy(scratch.fieldSeen, (n) => new Float64Array(n));
  scratch.recordSeen = copy(scratch.recordSeen, (n) => new Float64Array(n));
  scratch.tf = copy(scratch.tf, (n) => new Uint32Array(n));
  scratch.first = copy(scratch.first, (n) => new Uint32Array(n));
}

/** Numbers appended to a typed array that grows (no JS array of millions of numbers). */
class NumberBuffer {
  data = new Uint32Array(4096);
  length = 0;
  push2(a: number, b: number) {
    if (this.length + 2 > this.data.length) this.grow();
    this.data[this.length++] = a;
    this.data[this.length++] = b;
  }
  push4(a: number, b: number, c: number, d: number) {
    if (this.length + 4 > this.data.length) this.grow();
    this.data[this.length++] = a;
    this.data[this.length++] = b;
    this.data[this.length++] = c;
    this.data[this.length++] = d;
  }
  /** A copy of what was appended. */
  take(): Uint32Array {
    return this.data.slice(0, this.length);
  }
  private grow() {
    const grown = new Uint32Array(this.data.length * 2);
    grown.set(this.data);
    this.data = grown;
  }
}

/** {@link weighArticle}'s output while it runs (one article at a time). */
const output = {
  entries: new NumberBuffer(),
  postings: new NumberBuffer(),
  recordEnds: new NumberBuffer(),
};

/** One article's {@link ArticleWeighing}, its terms numbered in `dictionary`. */
export function weighArticle(
  { vocabulary, stream }: ArticleTerms,
  dictionary: TermDictionary,
  groups: readonly (readonly (readonly number[])[])[],
): ArticleWeighing {
  const map = Uint32Array.from(vocabulary ? vocabulary.split('\n') : [], (t) =>
    intern(dictionary, t),
  );
  growScratch(dictionary.terms.length);
  const { fieldSeen, recordSeen, tf, first } = scratch;
  const lengths = new Float64Array(FIELD_NAMES.length * 2);
  const { entries, postings, recordEnds } = output;
  entries.length = postings.length = recordEnds.length = 0;
  const fieldTerms: number[] = [];
  const recordTerms: number[] = [];
  // The field's tokens and positions, kept only to look for synonyms in.
  const tokens: number[] = [];
  const positions: number[] = [];
  const see = (term: number, position: number) => {
    if (fieldSeen[term] !== scratch.field) {
      fieldSeen[term] = scratch.field;
      tf[term] = 0;
      fieldTerms.push(term);
    }
    tf[term] = (tf[term] as number) + 1;
    if (recordSeen[term] !== scratch.record) {
      recordSeen[term] = scratch.record;
      first[term] = position;
      recordTerms.push(term);
    } else if (position < (first[term] as number)) first[term] = position;
  };
  const closeField = (code: number, length: number) => {
    for (const term of fieldTerms) entries.push4(term, code, tf[term] as number, length);
    fieldTerms.length = 0;
    scratch.field++;
  };
  let at = 0;
  while (at < stream.length) {
    const fields = stream[at++] as number;
    scratch.record++;
    scratch.field++;
    for (let f = 0; f < fields; f++) {
      const code = stream[at] as number;
      const count = stream[at + 1] as number;
      let position = FIELDS[FIELD_NAMES[code] as FieldName].start;
      let length = 0;
      tokens.length = 0;
      positions.length = 0;
      for (let i = at + 2, end = at + 2 + count; i < end; i++) {
        const entry = stream[i] as number;
        if (entry === ITEM_END) {
          position += 2;
          continue;
        }
        const term = map[entry] as number;
        see(term, position);
        if (groups.length > 0) {
          tokens.push(term);
          positions.push(position);
        }
        position++;
        length++;
      }
      at += 2 + count;
      lengths[code] = (lengths[code] as number) + length;
      lengths[FIELD_NAMES.length + code] = (lengths[FIELD_NAMES.length + code] as number) + 1;
      closeField(code, length);
      if (groups.length === 0) continue;
      // Synonyms: the record is also indexed under the other members of a group it has.
      for (const group of groups) {
        group.forEach((member, m) => {
          const found = indexOfSequence(tokens, member);
          if (found === -1) return;
          group.forEach((other, o) => {
            if (o !== m) other.forEach((term, k) => see(term, (positions[found] as number) + k));
          });
        });
      }
      closeField(code | SYNONYM_FIELD, length);
    }
    for (const term of recordTerms) postings.push2(term, first[term] as number);
    recordTerms.length = 0;
    recordEnds.push2(entries.length, postings.length);
  }
  return {
    entries: entries.take(),
    postings: postings.take(),
    recordEnds: recordEnds.take(),
    lengths,
  };
}

function indexOfSequence(tokens: readonly number[], sequence: readonly number[]): number {
  const head = sequence[0] ?? -1;
  for (let i = tokens.indexOf(head); i !== -1; i = tokens.indexOf(head, i + 1)) {
    if (sequence.every((token, k) => tokens[i + k] === token)) return i;
  }
  return -1;
}
