import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { compileKnowledgeBase } from '@porthole/kb-compiler';
const pages = JSON.parse(
  gunzipSync(await readFile('/work/shared/corpora/scale.json.gz')).toString(),
);
const sources = pages.map(
  (page: { id: string; title: string; headings: string[]; body: string }) => {
    const lines = page.body
      .split('\n')
      .filter(Boolean)
      .map((l) => l.replace(/[\\`*_[\]<>!|#~]/g, '\\$&'));
    const per = Math.ceil(lines.length / (page.headings.length + 1));
    const chunk = (i: number) => lines.slice(i * per, (i + 1) * per).join('\n\n');
    const body = [
      chunk(0),
      ...page.headings.map((h, i) => `## ${h.replace(/^#+/, '')}\n\n${chunk(i + 1)}`),
    ];
    return {
      path: `en/${page.id}.md`,
      content: `---\ntitle: ${JSON.stringify(page.title)}\nslug: ${JSON.stringify(page.id)}\n---\n\n${body.join('\n\n')}\n`,
    };
  },
);
const t = performance.now();
await compileKnowledgeBase({ sources, outDir: '/tmp/scale-kb' });
console.log('compiled', performance.now() - t);
