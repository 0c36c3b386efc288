/**
 * Search benchmark: `npm run bench` (`-- --quick` leaves out the 9,739-page corpus).
 *
 * One table, every engine on the same corpora and the same hand-written queries
 * (`bench/queries/*.json`) in one run: Porthole, MiniSearch, FlexSearch and Pagefind.
 * - hit@1, hit@3, MRR (first right answer within 10) over the answerable queries, at the
 *   article level for every engine;
 * - unans: share of unanswerable queries that return anything (Porthole with its default
 *   `minScore: 'auto'`, the others as they come);
 * - p50/p95: warm query latency in this process (every file loaded), over three passes of
 *   every query, each engine timed from a collected heap (`--expose-gc`); `BENCH_SLOW=N`
 *   lists Porthole's N slowest queries per corpus;
 * - first: bytes a browser downloads (gzip) from opening to the first result, from a static
 *   server that gzips; Porthole and Pagefind are really served, MiniSearch and FlexSearch need
 *   their whole serialized index (their library code not counted);
 * - later: Porthole's median and 95th percentile bytes per later query in the same session;
 * - index: all index files, gzip; build: Porthole's whole compile (Markdown included), the
 *   others' indexing of the plain text.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { compileKnowledgeBase, type ContentSource } from '@porthole/kb-compiler';
import { openKnowledgeBase } from '../src/node.js';
import {
  buildFlexSearch,
  buildMiniSearch,
  buildPagefind,
  listFiles,
  type Engine,
  type Page,
} from './peers.js';
import { convertPage } from './convert.js';
import { serveFolder } from './serve.js';

const repo = resolve(import.meta.dirname, '../../..');
const shared = resolve(repo, '../shared/corpora');

type Query = [text: string, kind: string, ...expected: string[]];
interface QuerySet {
  answerable: Query[];
  unanswerable: Query[];
}

interface Row {
  corpus: string;
  engine: string;
  hit1: number;
  hit3: number;
  mrr: number;
  unanswered: number;
  p50: number;
  p95: number;
  firstBytes: number;
  later?: [number, number];
  indexBytes: number;
  buildMs: number;
  byKind: Map<string, { hit3: number; total: number }>;
}

/** Timed passes over every query set (relevance comes from the first). */
const TIMED_ROUNDS = 3;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function evaluate(
  corpus: string,
  engine: Engine,
  set: QuerySet,
  extra: Partial<Row> = {},
): Promise<Row> {
  const texts = [...set.answerable, ...set.unanswerable].map(([text]) => text);
  for (const text of texts) await engine.search(text);
  // What the previous step left (a compile, another engine's index) is not this engine's to
  // collect: every engine starts timing from a clean heap.
  (globalThis as { gc?: () => void }).gc?.();
  const times: number[] = [];
  let hit1 = 0;
  let hit3 = 0;
  let mrr = 0;
  const byKind = new Map<string, { hit3: number; total: number }>();
  for (const [text, kind, ...expected] of set.answerable) {
    const t0 = performance.now();
    const ids = await engine.search(text);
    times.push(performance.now() - t0);
    const rank = ids.slice(0, 10).findIndex((id) => expected.includes(id));
    if (rank === 0) hit1++;
    if (rank >= 0 && rank < 3) hit3++;
    if (rank >= 0) mrr += 1 / (rank + 1);
    const k = byKind.get(kind) ?? { hit3: 0, total: 0 };
    k.total++;
    if (rank >= 0 && rank < 3) k.hit3++;
    byKind.set(kind, k);
    if (process.env.BENCH_MISSES && engine.name.startsWith('Porthole') && (rank < 0 || rank >= 3)) {
      console.log(
        `  miss ${corpus} [${kind}] "${text}" → ${expected[0]}; got ${ids.slice(0, 3).join(', ')}`,
      );
    }
  }
  let unanswered = 0;
  for (const [text] of set.unanswerable) {
    const t0 = performance.now();
    const ids = await engine.search(text);
    times.push(performance.now() - t0);
    if (ids.length > 0) unanswered++;
    if (process.env.BENCH_MISSES && engine.name.startsWith('Porthole') && ids.length > 0) {
      console.log(`  answered ${corpus} "${text}" → ${ids.slice(0, 3).join(', ')}`);
    }
  }
  // More timed rounds, so that p95 is not decided by the few queries a busy machine paused.
  for (let round = 1; round < TIMED_ROUNDS; round++) {
    for (const text of texts) {
      const t0 = performance.now();
      await engine.search(text);
      times.push(performance.now() - t0);
    }
  }
  if (process.env.BENCH_SLOW && engine.name.startsWith('Porthole')) {
    const slowest = times
      .map((ms, i) => [ms, texts[i % texts.length] ?? ''] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, Number(process.env.BENCH_SLOW) || 10);
    for (const [ms, text] of slowest) console.log(`  slow ${corpus} ${ms.toFixed(2)} ms "${text}"`);
  }
  const n = set.answerable.length;
  return {
    corpus,
    engine: engine.name,
    hit1: hit1 / n,
    hit3: hit3 / n,
    mrr: mrr / n,
    unanswered: unanswered / Math.max(1, set.unanswerable.length),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    firstBytes: engine.firstBytes,
    indexBytes: engine.indexBytes,
    buildMs: engine.buildMs,
    byKind,
    ...extra,
  };
}

/** Compile, serve, measure the bytes of the first and later queries; search warm from the folder. */
async function buildPorthole(
  input: { contentDir: string } | { sources: ContentSource[] },
  set: QuerySet,
  outDir: string,
): Promise<{ engine: Engine; later: [number, number] }> {
  const started = performance.now();
  await compileKnowledgeBase({ ...input, outDir });
  const buildMs = performance.now() - started;
  const server = await serveFolder(outDir);
  const perQuery: number[] = [];
  const cold = await openKnowledgeBase(server.url);
  const queries = [...set.answerable, ...set.unanswerable].map(([text]) => text);
  await cold.search(queries[0] ?? '', { limit: 10 });
  const firstBytes = server.sent.bytes;
  for (const text of queries.slice(1)) {
    server.reset();
    await cold.search(text, { limit: 10 });
    perQuery.push(server.sent.bytes);
  }
  await server.close();
  const indexBytes = (await listFiles(join(outDir, 'index'))).reduce((s, f) => s + f.gzip, 0);
  const kb = await openKnowledgeBase(outDir);
  return {
    engine: {
      name: 'Porthole',
      buildMs,
      firstBytes,
      indexBytes,
      search: async (query) => (await kb.search(query, { limit: 10 })).map((h) => h.slug),
    },
    later: [percentile(perQuery, 50), percentile(perQuery, 95)],
  };
}

interface JsonPage {
  id: string;
  title: string;
  headings: string[];
  body: string;
  locale: string;
}

async function readPages(file: string): Promise<Page[]> {
  const bytes = await readFile(file);
  const text = file.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  return (JSON.parse(text) as JsonPage[]).map((p) => ({
    id: p.id,
    title: p.title,
    headings: p.headings,
    body: p.body,
  }));
}

async function runCorpus(
  corpus: string,
  pages: Page[],
  input: { contentDir: string } | { sources: ContentSource[] },
  set: QuerySet,
): Promise<Row[]> {
  const work = await mkdtemp(join(tmpdir(), 'porthole-bench-'));
  const rows: Row[] = [];
  try {
    const porthole = await buildPorthole(input, set, join(work, 'kb'));
    rows.push(await evaluate(corpus, porthole.engine, set, { later: porthole.later }));
    rows.push(await evaluate(corpus, buildMiniSearch(pages), set));
    rows.push(await evaluate(corpus, await buildFlexSearch(pages), set));
    try {
      const first = set.answerable[0]?.[0] ?? '';
      const pagefind = await buildPagefind(pages, join(work, 'pagefind'), serveFolder, first);
      rows.push(await evaluate(corpus, pagefind, set));
      await pagefind.close();
    } catch (error) {
      console.warn(`Pagefind could not run: ${(error as Error).message}`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return rows;
}

function formatTable(rows: Row[]): string {
  const header = [
    'corpus',
    'engine',
    'hit@1',
    'hit@3',
    'MRR',
    'unans',
    'p50',
    'p95',
    'first',
    'later p50/p95',
    'index',
    'build',
  ];
  const kb = (n: number) =>
    n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} kB`;
  const ms = (n: number) =>
    n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(n < 10 ? 2 : 0)} ms`;
  const pct = (n: number) => `${(n * 100).toFixed(0)}%`;
  const body = rows.map((r) => [
    r.corpus,
    r.engine,
    pct(r.hit1),
    pct(r.hit3),
    r.mrr.toFixed(3),
    pct(r.unanswered),
    ms(r.p50),
    ms(r.p95),
    kb(r.firstBytes),
    r.later ? `${kb(r.later[0])} / ${kb(r.later[1])}` : '—',
    kb(r.indexBytes),
    ms(r.buildMs),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
  ].join('\n');
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const helpcenterSet = JSON.parse(
    await readFile(join(import.meta.dirname, 'queries/helpcenter.json'), 'utf8'),
  ) as QuerySet;
  const scaleSet = JSON.parse(
    await readFile(join(import.meta.dirname, 'queries/scale.json'), 'utf8'),
  ) as QuerySet;
  const rows: Row[] = [];
  const helpcenterJson = join(shared, 'helpcenter.json');
  const helpcenterMd = join(shared, 'helpcenter-md');
  const scale = join(shared, 'scale.json.gz');
  for (const needed of [helpcenterJson, helpcenterMd, scale]) {
    if (!existsSync(needed))
      throw new Error(`${needed} not found: the bench needs ../shared/corpora`);
  }
  const helpPages = await readPages(helpcenterJson);
  rows.push(
    ...(await runCorpus('helpcenter-md', helpPages, { contentDir: helpcenterMd }, helpcenterSet)),
  );
  rows.push(
    ...(await runCorpus(
      'helpcenter.json',
      helpPages,
      { sources: helpPages.map(convertPage) },
      helpcenterSet,
    )),
  );
  if (!quick) {
    const scalePages = await readPages(scale);
    rows.push(
      ...(await runCorpus(
        'scale.json.gz',
        scalePages,
        { sources: scalePages.map(convertPage) },
        scaleSet,
      )),
    );
  }
  console.log(
    `\nPorthole search benchmark — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`,
  );
  console.log(formatTable(rows));
  console.log('\nhit@3 by query kind:');
  for (const row of rows) {
    const kinds = [...row.byKind].map(
      ([k, v]) => `${k} ${((v.hit3 / v.total) * 100).toFixed(0)}% (${v.total})`,
    );
    console.log(`  ${row.corpus} · ${row.engine}: ${kinds.join(', ')}`);
  }
  console.log(
    '\n(set BENCH_MISSES=1 to list Porthole’s misses and answered unanswerable queries,' +
      ' BENCH_SLOW=N its N slowest queries per corpus)',
  );
}

await main();
