import { compileKnowledgeBase } from '@porthole/kb-compiler';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
const pages = JSON.parse(
  gunzipSync(readFileSync('/work/shared/corpora/scale.json.gz')).toString('utf8'),
) as { id: string; title: string; headings: string[]; body: string; locale: string }[];
const n = Number(process.argv[2] ?? 500);
const sources = pages.slice(0, n).map((page) => {
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
});
const chars = sources.reduce((a, s) => a + s.content.length, 0);
(globalThis as { gc?: () => void }).gc?.();
console.log('heap before', (process.memoryUsage().heapUsed / 1e6).toFixed(0), 'MB');
const t0 = performance.now();
const r = await compileKnowledgeBase({ sources });
(globalThis as { gc?: () => void }).gc?.();
console.log(
  'files chars',
  Object.values(r.files).reduce((a, f) => a + (typeof f === 'string' ? f.length : f.byteLength), 0),
);
console.log('heap', (process.memoryUsage().heapUsed / 1e6).toFixed(0), 'MB');
console.log(
  n,
  'pages',
  chars,
  'chars',
  (performance.now() - t0).toFixed(0),
  'ms',
  r.articleCount,
  'mem',
  (process.memoryUsage().rss / 1e6).toFixed(0),
  'MB',
);
await new Promise((r) => setTimeout(r, 100));
(globalThis as { gc?: () => void }).gc?.();
console.log('heap after a turn', (process.memoryUsage().heapUsed / 1e6).toFixed(0), 'MB');
import { writeHeapSnapshot } from 'node:v8';
if (process.argv[3]) console.log(writeHeapSnapshot('/tmp/heap.heapsnapshot'));
