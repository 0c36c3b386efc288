/**
 * Search benchmark: `npm run bench` (add `-- --scale` for the 9,739-page corpus).
 *
 * For each corpus: compile it (timed), write it to a temporary folder, open it from there,
 * load the index (timed), warm up with one pass over the queries, then time every query once
 * and score relevance. Queries are made from the corpus itself, with a seeded random source so
 * every run asks the same things:
 * - title with a typo (a letter dropped, doubled, swapped or replaced) → that article
 * - the title typed halfway (last word cut to its first few letters) → that article
 * - a section heading with a typo, without diacritics → that section
 * - "how do I …" + a section heading → that section
 * Titles and headings that are not unique in their locale are skipped (they have no single
 * right answer). A hit counts for a section query only when it names that section.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { compileKnowledgeBase, type ContentSource } from '@porthole/kb-compiler';
import { normalizeText } from '../src/format.js';
import { openKnowledgeBase, type KnowledgeBase } from '../src/node.js';

const repo = resolve(import.meta.dirname, '../../..');
const shared = resolve(repo, '../shared');

interface Query {
  kind: 'title typo' | 'title prefix' | 'heading typo' | 'question';
  locale: string;
  text: string;
  slug: string;
  section?: string;
}

interface Row {
  corpus: string;
  articles: number;
  records: number;
  indexRaw: number;
  indexGzip: number;
  compileMs: number;
  loadMs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  top1: number;
  top3: number;
  queries: number;
  byKind: Map<string, { top3: number; total: number }>;
}

/** Mulberry32: a tiny seeded generator, so the query set is the same on every run. */
function createRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NEIGHBOURS = 'qwertyuiopasdfghjklzxcvbnm';

function injectTypo(text: string, random: () => number): string {
  const words = text.split(/\s+/);
  const long = words.map((w, i) => ({ w, i })).filter(({ w }) => w.length >= 5);
  const pick = long[Math.floor(random() * long.length)];
  if (!pick) return text;
  const chars = [...pick.w];
  const i = 1 + Math.floor(random() * (chars.length - 2));
  const here = chars[i] ?? '';
  switch (Math.floor(random() * 4)) {
    case 0:
      chars.splice(i, 1);
      break;
    case 1:
      chars.splice(i, 2, chars[i + 1] ?? '', here);
      break;
    case 2:
      chars.splice(i, 0, here);
      break;
    default:
      chars[i] = NEIGHBOURS.charAt(Math.floor(random() * NEIGHBOURS.length));
  }
  words[pick.i] = chars.join('');
  return words.join(' ');
}

function cutLastWord(text: string): string | undefined {
  const words = text.split(/\s+/);
  const last = words.pop() ?? '';
  if (words.length < 1 || last.length < 6) return undefined;
  return [...words, last.slice(0, Math.ceil(last.length / 2))].join(' ');
}

/** A random order from the seeded source (insertion at random places). */
function shuffle<T>(list: T[], random: () => number): T[] {
  const out: T[] = [];
  for (const item of list) out.splice(Math.floor(random() * (out.length + 1)), 0, item);
  return out;
}

async function makeQueries(kb: KnowledgeBase, seed: number, perLocale: number): Promise<Query[]> {
  const random = createRandom(seed);
  const queries: Query[] = [];
  for (const locale of kb.locales) {
    const articles = kb.articles(locale);
    const count = (keys: string[]) => {
      const map = new Map<string, number>();
      for (const key of keys) map.set(key, (map.get(key) ?? 0) + 1);
      return map;
    };
    const titles = count(articles.map((a) => normalizeText(a.title)));
    const headings = count(articles.flatMap((a) => a.sections.map((s) => normalizeText(s.title))));
    const local: Query[] = [];
    for (const article of articles) {
      const title = normalizeText(article.title);
      if (titles.get(title) !== 1 || headings.has(title)) continue;
      local.push({
        kind: 'title typo',
        locale,
        text: injectTypo(article.title, random),
        slug: article.slug,
      });
      const typed = cutLastWord(article.title);
      if (typed) local.push({ kind: 'title prefix', locale, text: typed, slug: article.slug });
      for (const section of article.sections) {
        const heading = normalizeText(section.title);
        if (headings.get(heading) !== 1 || titles.has(heading) || heading.split(' ').length < 2)
          continue;
        const folded = heading; // no diacritics, lower case: how people type in a hurry
        local.push({
          kind: 'heading typo',
          locale,
          text: injectTypo(folded, random),
          slug: article.slug,
          section: section.id,
        });
        local.push({
          kind: 'question',
          locale,
          text: `how do I ${section.title.toLowerCase()}`,
          slug: article.slug,
          section: section.id,
        });
      }
    }
    // A fixed-size sample per locale keeps big corpora quick and small ones whole.
    queries.push(...shuffle(local, random).slice(0, perLocale));
  }
  return queries;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function measure(
  name: string,
  sources: () => Promise<ContentSource[] | string>,
  perLocale = 400,
): Promise<Row> {
  const input = await sources();
  const started = performance.now();
  const out = await mkdtemp(join(tmpdir(), 'porthole-bench-'));
  try {
    const result = await compileKnowledgeBase(
      typeof input === 'string'
        ? { contentDir: input, outDir: out }
        : { sources: input, outDir: out },
    );
    const compileMs = performance.now() - started;

    let indexRaw = 0;
    let indexGzip = 0;
    let records = 0;
    for (const file of await readdir(join(out, 'index'))) {
      const bytes = await readFile(join(out, 'index', file));
      indexRaw += bytes.length;
      indexGzip += gzipSync(bytes, { level: 9 }).length;
      records += (JSON.parse(bytes.toString('utf8')) as { records: unknown[] }).records.length;
    }

    const loadStarted = performance.now();
    const kb = await openKnowledgeBase(out);
    await Promise.all(kb.locales.map((locale) => kb.search('a', { locale })));
    const loadMs = performance.now() - loadStarted;

    const queries = await makeQueries(kb, 20240531, perLocale);
    for (const q of queries) await kb.search(q.text, { locale: q.locale, limit: 10 });

    const times: number[] = [];
    let top1 = 0;
    let top3 = 0;
    const byKind = new Map<string, { top3: number; total: number }>();
    for (const q of queries) {
      const t0 = performance.now();
      const hits = await kb.search(q.text, { locale: q.locale, limit: 10 });
      times.push(performance.now() - t0);
      const rank = hits.findIndex(
        (h) => h.slug === q.slug && (q.section === undefined || h.section?.id === q.section),
      );
      if (rank === 0) top1++;
      if (rank >= 0 && rank < 3) top3++;
      const kind = byKind.get(q.kind) ?? { top3: 0, total: 0 };
      kind.total++;
      if (rank >= 0 && rank < 3) kind.top3++;
      byKind.set(q.kind, kind);
      if (process.env.BENCH_MISSES && (rank < 0 || rank >= 3)) {
        const got = hits.slice(0, 3).map((h) => `${h.slug}${h.section ? '#' + h.section.id : ''}`);
        console.log(
          `miss [${q.kind}] "${q.text}" → ${q.slug}${q.section ? '#' + q.section : ''}; got ${got.join(', ')}`,
        );
      }
    }
    times.sort((a, b) => a - b);
    return {
      corpus: name,
      articles: result.articleCount,
      records,
      indexRaw,
      indexGzip,
      compileMs,
      loadMs,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      max: times.at(-1) ?? NaN,
      top1: top1 / queries.length,
      top3: top3 / queries.length,
      queries: queries.length,
      byKind,
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

interface JsonPage {
  id: string;
  title: string;
  headings: string[];
  body: string;
  locale: string;
}

/**
 * A JSON page as Markdown (its plain text escaped, so examples of Markdown syntax in it stay
 * text). The corpus keeps headings apart from the body, so body lines are
 * shared out evenly between the intro and the headings: sections get plausible text, and
 * heading queries still have one right answer.
 */
function convertPage(page: JsonPage): ContentSource {
  const lines = page.body
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(/[\\`*_[\]<>!|#~]/g, '\\$&'));
  const parts = page.headings.length + 1;
  const per = Math.ceil(lines.length / parts);
  const chunk = (i: number) => lines.slice(i * per, (i + 1) * per).join('\n\n');
  const body = [
    chunk(0),
    ...page.headings.map((h, i) => `## ${h.replace(/^#+/, '')}\n\n${chunk(i + 1)}`),
  ];
  return {
    path: `${page.locale}/${page.id}.md`,
    content: `---\ntitle: ${JSON.stringify(page.title)}\n---\n\n${body.join('\n\n')}\n`,
  };
}

async function readJsonCorpus(file: string): Promise<ContentSource[]> {
  const bytes = await readFile(file);
  const text = file.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  return (JSON.parse(text) as JsonPage[]).map(convertPage);
}

function formatTable(rows: Row[]): string {
  const header = [
    'corpus',
    'articles',
    'records',
    'index raw',
    'index gzip',
    'compile',
    'load',
    'p50',
    'p95',
    'p99',
    'max',
    'top1',
    'top3',
    'queries',
  ];
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  const body = rows.map((r) => [
    r.corpus,
    String(r.articles),
    String(r.records),
    kb(r.indexRaw),
    kb(r.indexGzip),
    ms(r.compileMs),
    ms(r.loadMs),
    ms(r.p50),
    ms(r.p95),
    ms(r.p99),
    ms(r.max),
    pct(r.top1),
    pct(r.top3),
    String(r.queries),
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
  const rows: Row[] = [];
  const helpcenterMd = join(shared, 'corpora/helpcenter-md');
  const helpcenterJson = join(shared, 'corpora/helpcenter.json');
  const quayside = join(repo, 'examples/quayside/content');
  const scale = join(shared, 'corpora/scale.json.gz');

  if (existsSync(helpcenterMd))
    rows.push(await measure('helpcenter-md', () => Promise.resolve(helpcenterMd)));
  else console.warn(`skipped: ${helpcenterMd} not found`);
  if (existsSync(helpcenterJson))
    rows.push(await measure('helpcenter.json', () => readJsonCorpus(helpcenterJson)));
  else console.warn(`skipped: ${helpcenterJson} not found`);
  if (existsSync(quayside) && (await stat(quayside)).isDirectory()) {
    rows.push(await measure('examples/quayside', () => Promise.resolve(quayside)));
  } else console.warn(`skipped: ${quayside} not found`);
  if (process.argv.includes('--scale')) {
    if (existsSync(scale))
      rows.push(await measure('scale.json.gz (informational)', () => readJsonCorpus(scale), 1000));
    else console.warn(`skipped: ${scale} not found`);
  }

  console.log(
    `\nPorthole search benchmark — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`,
  );
  console.log(formatTable(rows));
  console.log('\ntop3 by query kind:');
  for (const row of rows) {
    const kinds = [...row.byKind].map(
      ([k, v]) => `${k} ${((v.top3 / v.total) * 100).toFixed(0)}% (${v.total})`,
    );
    console.log(`  ${row.corpus}: ${kinds.join(', ')}`);
  }
  console.log(
    `\n(${dirname(import.meta.filename)}; set BENCH_MISSES=1 to list the queries that missed the top 3)`,
  );
}

await main();
