/**
 * The text snippets are cut from: an article's prose, without what reads as junk out of
 * context — code, table punctuation ("Setting · Description; Font · …": a row reads
 * "Font — Add fonts installed on your system." instead, header rows left out) and lists of
 * short items (link lists, menus: "Notion Airtable Microsoft OneNote Evernote …"). Search still indexes all of
 * it; only what a visitor reads under a hit is chosen here. Works on the sanitized HTML the
 * renderer produced (well-formed, no scripts), with a tag scanner instead of a DOM, so it
 * costs next to nothing per article.
 */

/**
 * Snippet text kept per record. Most sections are shorter, so snippets can show the match
 * wherever it is; text beyond this is still indexed, its snippet falls back to the start.
 */
export const SNIPPET_SOURCE_LENGTH = 2000;
/** A list item with fewer words than this, and no sentence punctuation, is a label, not prose. */
const MIN_ITEM_WORDS = 5;
const BLOCKS = new Set([
  'p',
  'li',
  'blockquote',
  'dd',
  'dt',
  'figcaption',
  'h1',
  'h4',
  'h5',
  'h6',
  'div',
  'td',
  'th',
  'summary',
  'details',
  'section',
  'article',
  'ul',
  'ol',
  'dl',
  'table',
  'tr',
  'pre',
  'hr',
  'br',
]);
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * Per record — the article's own (before the first h2/h3), then one per h2/h3 in order — its
 * prose for snippets; `fallback[i]` where a record has no prose at all.
 */
export function extractSnippetTexts(html: string, fallback: readonly string[]): string[] {
  const records: string[][] = [[]];
  /** Per record, the short list items left out: its snippet when it has nothing else. */
  const labels: string[][] = [[]];
  let skip = 0; // inside <pre>
  let heading = false;
  let row: string[] | undefined;
  let headerRow = false;
  let item: string[] | undefined;
  const items: string[][] = [];
  let text: string[] = [];
  const flush = () => {
    const block = collapse(text.join(''));
    text = [];
    if (!block) return;
    if (row) row.push(block);
    else if (item) item.push(block);
    else records.at(-1)?.push(block);
  };
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>|([^<]+)/g)) {
    const [, closing, rawTag, chars] = match;
    if (chars !== undefined) {
      if (!skip && !heading) text.push(decode(chars));
      continue;
    }
    const tag = (rawTag ?? '').toLowerCase();
    if (tag === 'h2' || tag === 'h3') {
      flush();
      heading = !closing;
      if (!closing) {
        records.push([]);
        labels.push([]);
      }
      continue;
    }
    if (tag === 'pre') {
      flush();
      skip += closing ? -1 : 1;
      continue;
    }
    if (!BLOCKS.has(tag)) continue;
    flush();
    if (tag === 'th' && !closing) headerRow = true;
    if (tag === 'tr') {
      if (!closing) {
        row = [];
        headerRow = false;
      } else if (row) {
        const sentence = row.join(' — ');
        if (sentence && !headerRow) {
          (item ?? records.at(-1))?.push(/[.!?:;]$/.test(sentence) ? sentence : `${sentence}.`);
        }
        row = undefined;
      }
    }
    if (tag === 'li' && !skip) {
      if (!closing) {
        if (item) items.push(item);
        item = [];
      } else if (item) {
        const own = item.join(' ');
        const words = own.split(' ').filter(Boolean).length;
        const parent = items.pop();
        // Prose items are kept, labels dropped; a nested list belongs to its item.
        if (words >= MIN_ITEM_WORDS || /[.!?:;]$/.test(own)) (parent ?? records.at(-1))?.push(own);
        else if (own) labels.at(-1)?.push(own);
        item = parent;
      }
    }
  }
  flush();
  return records.map((blocks, i) => {
    const prose = blocks.join(' ');
    // A record that is only a list of links reads as a list: "Notion, Airtable, Evernote".
    return prose || labels[i]?.join(', ') || (fallback[i] ?? '');
  });
}

/**
 * What a search index keeps per record for snippets: {@link extractSnippetTexts}, each cut to
 * {@link SNIPPET_SOURCE_LENGTH} characters at a word boundary.
 */
export function snippetTexts(html: string, fallback: readonly string[]): string[] {
  return extractSnippetTexts(html, fallback).map((text) => cut(text, SNIPPET_SOURCE_LENGTH));
}

function cut(text: string, length: number): string {
  if (text.length <= length) return text;
  const space = text.lastIndexOf(' ', length);
  return text.slice(0, space > length / 2 ? space : length);
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) {
      return String.fromCodePoint(parseInt(body.slice(2), 16));
    }
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return ENTITIES[body.toLowerCase()] ?? entity;
  });
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
