/**
 * Write `../shared/corpora/scale.json.gz` (9,739 pages of Microsoft's C++ docs, plain text) out
 * as a content folder of Markdown files, to time `porthole build` on a real-sized tree:
 *
 *   node --import tsx packages/kb-compiler/bench/write-scale-corpus.ts /tmp/scale-content
 *   /usr/bin/time -v node packages/cli/bin/porthole.js build /tmp/scale-content --out /tmp/scale-kb
 *
 * Each page becomes `<locale>/<id>.md` with its title in front matter; its headings are spread
 * evenly over its body as `##` sections (the corpus keeps them apart from the text), and
 * Markdown syntax characters in the text are escaped so the text stays text.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

interface JsonPage {
  id: string;
  title: string;
  headings: string[];
  body: string;
  locale: string;
}

const corpus = resolve(import.meta.dirname, '../../../../shared/corpora/scale.json.gz');
const out = process.argv[2];
if (!out) {
  console.error('Usage: write-scale-corpus.ts <out-dir>');
  process.exit(2);
}

export function toMarkdown(page: JsonPage): string {
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

const pages = JSON.parse(gunzipSync(readFileSync(corpus)).toString('utf8')) as JsonPage[];
for (const page of pages) {
  const file = join(out, page.locale, `${page.id}.md`);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, toMarkdown(page));
}
console.log(`${pages.length} pages → ${out}`);
