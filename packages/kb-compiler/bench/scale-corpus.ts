/**
 * `../shared/corpora/scale.json.gz` (9,739 pages of Microsoft's C++ docs, plain text) as
 * Markdown articles: each page becomes `<locale>/<id>.md` with its title in front matter; its
 * headings are spread evenly over its body as `##` sections (the corpus keeps them apart from
 * the text), and Markdown syntax characters in the text are escaped so the text stays text.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface ScalePage {
  id: string;
  title: string;
  headings: string[];
  body: string;
  locale: string;
}

export const SCALE_CORPUS = resolve(
  import.meta.dirname,
  '../../../../shared/corpora/scale.json.gz',
);

export function readScaleCorpus(): ScalePage[] {
  return JSON.parse(gunzipSync(readFileSync(SCALE_CORPUS)).toString('utf8')) as ScalePage[];
}

/** Path of the page's Markdown file inside a content folder. */
export function scalePagePath(page: ScalePage): string {
  return `${page.locale}/${page.id}.md`;
}

export function toMarkdown(page: ScalePage): string {
  const lines = page.body
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(/[\\`*_[\]<>!|#~{}:=$]/g, '\\$&'));
  const parts = page.headings.length + 1;
  const per = Math.ceil(lines.length / parts);
  const chunk = (i: number) => lines.slice(i * per, (i + 1) * per).join('\n\n');
  const body = [
    chunk(0),
    ...page.headings.map((h, i) => `## ${h.replace(/^#+/, '')}\n\n${chunk(i + 1)}`),
  ];
  return `---\ntitle: ${JSON.stringify(page.title)}\n---\n\n${body.join('\n\n')}\n`;
}
