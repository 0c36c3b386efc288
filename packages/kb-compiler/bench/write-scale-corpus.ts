/**
 * Write `../shared/corpora/scale.json.gz` out as a content folder of Markdown files (see
 * scale-corpus.ts), to time `porthole build` on a real-sized tree:
 *
 *   node --import tsx packages/kb-compiler/bench/write-scale-corpus.ts /tmp/scale-content
 *   /usr/bin/time -v node packages/cli/bin/porthole.js build /tmp/scale-content --out /tmp/scale-kb
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readScaleCorpus, scalePagePath, toMarkdown } from './scale-corpus.js';

const out = process.argv[2];
if (!out) {
  console.error('Usage: write-scale-corpus.ts <out-dir>');
  process.exit(2);
}

const pages = readScaleCorpus();
for (const page of pages) {
  const file = join(out, scalePagePath(page));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, toMarkdown(page));
}
console.log(`${pages.length} pages → ${out}`);
