import { compileKnowledgeBase } from '@porthole/kb-compiler';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
const pages = JSON.parse(
  gunzipSync(readFileSync('/work/shared/corpora/scale.json.gz')).toString('utf8'),
) as { id: string; title: string; headings: string[]; body: string; locale: string }[];
const toSource = (page: (typeof pages)[number]) => {
  const lines = page.body
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(/[\\`*_[\]<>!|#~]/g, '\\$&'));
  const per = Math.ceil(lines.length / (page.headings.length + 1));
  const chunk = (i: number) => lines.slice(i * per, (i + 1) * per).join('\n\n');
  const body = [
    chunk(0),
    ...page.headings.map((h, i) => `## ${h.replace(/^#+/, '')}\n\n${chunk(i + 1)}`),
  ];
  return {
    path: `${page.locale}/${page.id}.md`,
    content: `---\ntitle: ${JSON.stringify(page.title)}\n---\n\n${body.join('\n\n')}\n`,
  };
};
const first = pages
  .slice(0, 1000)
  .sort((a, b) => b.body.length - a.body.length)
  .slice(0, 5);
for (const p of first) {
  const t0 = performance.now();
  await compileKnowledgeBase({ sources: [toSource(p)] });
  console.log(
    p.id,
    p.body.length,
    p.body.split('\n').length,
    'lines',
    p.headings.length,
    'headings',
    (performance.now() - t0).toFixed(0),
    'ms',
  );
}
