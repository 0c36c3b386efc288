/**
 * Build one locale's search index (format in `@porthole/kb/format`). Records are articles
 * (title, keywords, tags, description, category, intro) and their h2/h3 sections (heading,
 * text). BM25F term weights are computed here, once, so the browser only adds numbers.
 */
import { FORMAT_VERSION, tokenizeText, type IndexFile } from '@porthole/kb/format';
import Fuse from 'fuse.js/basic';
import { listStopwords } from './stopwords.js';

/**
 * Field weights and BM25 length normalization (b). Each field is saturated on its own and the
 * results are added with these weights, so a word in the title counts six times a word in the
 * text however often the text repeats it (in BM25F proper, saturation after weighting flattens
 * that difference away).
 */
const FIELDS = {
  title: { weight: 6, b: 0.5 },
  keywords: { weight: 4, b: 0.3 },
  heading: { weight: 4, b: 0.75 },
  tags: { weight: 3, b: 0.3 },
  description: { weight: 2, b: 0.6 },
  category: { weight: 1, b: 0.3 },
  body: { weight: 1, b: 0.75 },
} as const;
type FieldName = keyof typeof FIELDS;

/**
 * Snippet text kept per record. Nearly every section is shorter, so snippets can show the match
 * wherever it is; text beyond this is still indexed, its snippet falls back to the start.
 */
export const SNIPPET_SOURCE_LENGTH = 2000;

export interface IndexableArticle {
  title: string;
  description?: string | undefined;
  category?: string | undefined;
  tags: readonly string[];
  keywords: readonly string[];
  intro: string;
  sections: readonly { title: string; text: string }[];
}

interface IndexRecord {
  article: number;
  section: number;
  fields: Partial<Record<FieldName, string[]>>;
  text: string;
}

export function buildLocaleIndex(locale: string, articles: readonly IndexableArticle[]): IndexFile {
  const records: IndexRecord[] = [];
  articles.forEach((article, a) => {
    records.push({
      article: a,
      section: -1,
      fields: {
        title: tokenizeText(article.title),
        keywords: article.keywords.flatMap(tokenizeText),
        tags: article.tags.flatMap(tokenizeText),
        description: tokenizeText(article.description ?? ''),
        category: tokenizeText(article.category ?? ''),
        body: tokenizeText(article.intro),
      },
      text: cut(article.intro, SNIPPET_SOURCE_LENGTH),
    });
    article.sections.forEach((section, s) => {
      records.push({
        article: a,
        section: s,
        fields: { heading: tokenizeText(section.title), body: tokenizeText(section.text) },
        text: cut(section.text, SNIPPET_SOURCE_LENGTH),
      });
    });
  });

  const averageLength = new Map<FieldName, number>();
  for (const field of Object.keys(FIELDS) as FieldName[]) {
    const lengths = records.map((r) => r.fields[field]?.length ?? 0).filter((n) => n > 0);
    averageLength.set(
      field,
      lengths.length ? lengths.reduce((x, y) => x + y, 0) / lengths.length : 1,
    );
  }

  const postings = new Map<string, number[]>();
  const k1 = 1.2;
  records.forEach((record, r) => {
    const weights = new Map<string, number>();
    for (const [field, tokens] of Object.entries(record.fields) as [FieldName, string[]][]) {
      if (tokens.length === 0) continue;
      const { weight, b } = FIELDS[field];
      const norm = 1 - b + (b * tokens.length) / (averageLength.get(field) ?? 1);
      const counts = new Map<string, number>();
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      for (const [term, tf] of counts) {
        const saturated = (tf * (k1 + 1)) / (tf + k1 * norm);
        weights.set(term, (weights.get(term) ?? 0) + weight * saturated);
      }
    }
    for (const [term, weight] of weights) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push(r, Math.max(1, Math.round(weight * 10)));
    }
  });

  // Sorted by UTF-16 code units (the default sort), which is what the reader's binary search expects.
  const terms = [...postings.keys()].sort();
  const vocab = Fuse.createIndex<string>([], terms).toJSON() as unknown as IndexFile['vocab'];
  return {
    format: FORMAT_VERSION,
    locale,
    records: records.map((r) => [r.article, r.section]),
    text: records.map((r) => r.text),
    vocab,
    postings: terms.map((term) => deltaEncode(postings.get(term) ?? [])),
    stopwords: [...listStopwords(locale)].filter((word) => postings.has(word)).sort(),
  };
}

function deltaEncode(list: number[]): number[] {
  const out = list.slice();
  for (let i = list.length - 2; i >= 2; i -= 2) out[i] = (list[i] ?? 0) - (list[i - 2] ?? 0);
  return out;
}

/** At most `length` characters, cut at a word boundary. */
function cut(text: string, length: number): string {
  if (text.length <= length) return text;
  const space = text.lastIndexOf(' ', length);
  return text.slice(0, space > length / 2 ? space : length);
}
