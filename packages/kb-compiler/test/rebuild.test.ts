import assert from 'node:assert/strict';
import {
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  truncate,
  unlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { mkdirSync, rmSync, writeFileSync, utimesSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cacheKey, indexCacheKey } from '../src/cache.js';
import { buildSearchIndex, type SearchIndexInput } from '../src/index/build.js';
import { tokenizeRecords } from '../src/index/records.js';
import {
  compileKnowledgeBase,
  createMemoryCache,
  openDiskCache,
  type CompileResult,
  type RenderCache,
} from '../src/index.js';

/**
 * Incremental builds (disk cache, build record) against builds without a cache of the same
 * input: the output folders must be byte-identical after every kind of change.
 */
let root: string;
let content: string;
let cacheDir: string;
let warnings: string[];
/** Modification times are set in the past, one second apart, so the build record trusts them. */
let clock = Date.UTC(2026, 0, 1) / 1000;

function put(path: string, text: string, options: { racy?: boolean } = {}) {
  const full = join(content, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  if (!options.racy) utimesSync(full, ++clock, clock);
}

async function readTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    out[full.slice(dir.length + 1)] = (await readFile(full)).toString('base64');
  }
  return out;
}

const cachedOut = () => join(root, 'out-cached');

/** The cache of the next cached build: on disk by default, one in memory for `porthole dev`. */
let openCache = () => openDiskCache(cacheDir, { onWarning: (m) => warnings.push(m) });

async function buildCached(): Promise<CompileResult> {
  const cache = await openCache();
  return compileKnowledgeBase({ contentDir: content, outDir: cachedOut(), cache });
}

/** A cached build, then one without a cache into a new folder: both folders must be equal. */
async function buildAndCompare(): Promise<CompileResult> {
  const result = await buildCached();
  const fresh = join(root, 'out-fresh');
  await rm(fresh, { recursive: true, force: true });
  await compileKnowledgeBase({ contentDir: content, outDir: fresh });
  assert.deepEqual(await readTree(cachedOut()), await readTree(fresh));
  return result;
}

describe('incremental builds', () => {
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'porthole-rebuild-'));
    content = join(root, 'content');
    cacheDir = join(root, 'cache');
    warnings = [];
    put('en/refunds.md', '---\ntitle: Refunds\n---\n\nSee [invoices](invoices.md) and [[faq]].\n');
    put('en/invoices.md', '# Invoices\n\nDownload invoices as PDF.\n');
    put('en/faq.md', '# FAQ\n\nCommon questions about billing.\n');
    put('en/synonyms.yml', '- [refund, reimbursement]\n');
    put('hr/refunds.md', '---\ntitle: Povrat novca\n---\n\nKako funkcionira povrat.\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('an unchanged rebuild is answered from the build record with the same output', async () => {
    const first = await buildAndCompare();
    const second = await buildAndCompare();
    assert.equal(first.upToDate, false);
    assert.equal(second.upToDate, true);
    assert.deepEqual(second.manifest, first.manifest);
    assert.deepEqual(second.diagnostics, first.diagnostics);
    assert.deepEqual(Object.keys(second.files).sort(), Object.keys(first.files).sort());
    for (const [path, value] of Object.entries(first.files))
      assert.deepEqual(second.files[path], value, path);
  });

  test('an edited article gives the output of a build without cache', async () => {
    put('en/faq.md', '# FAQ\n\nCommon questions about billing and taxes.\n');
    assert.equal((await buildAndCompare()).upToDate, false);
    assert.equal((await buildAndCompare()).upToDate, true);
  });

  test('an added, a deleted and a renamed article give the output of a build without cache', async () => {
    put('en/taxes.md', '# Taxes\n\nVAT on invoices, see [[faq]].\n');
    assert.equal((await buildAndCompare()).upToDate, false);
    renameSync(join(content, 'en/taxes.md'), join(content, 'en/vat.md'));
    const renamed = await buildAndCompare();
    assert.equal(renamed.upToDate, false);
    assert.ok(renamed.manifest.locales[0]?.articles.some((a) => a.slug === 'vat'));
    await unlink(join(content, 'en/vat.md'));
    const deleted = await buildAndCompare();
    assert.equal(deleted.upToDate, false);
    assert.equal(deleted.articleCount, 4);
  });

  test("a link target's new title and slug give the output of a build without cache", async () => {
    put('en/invoices.md', '---\ntitle: Your invoices\nslug: bills\n---\n\nDownload them.\n');
    const result = await buildAndCompare();
    assert.equal(result.upToDate, false);
    assert.match(JSON.stringify(result.files), /bills/);
  });

  test('changed synonyms and configuration give the output of a build without cache', async () => {
    put('en/synonyms.yml', '- [refund, money back]\n');
    assert.equal((await buildAndCompare()).upToDate, false);
    put('porthole.config.json', JSON.stringify({ ignore: ['en/faq.md'] }));
    const ignored = await buildAndCompare();
    assert.equal(ignored.upToDate, false);
    assert.equal(ignored.articleCount, 3);
    put('porthole.config.json', JSON.stringify({ defaultLocale: 'hr' }));
    const croatian = await buildAndCompare();
    assert.equal(croatian.upToDate, false);
    assert.equal(croatian.manifest.defaultLocale, 'hr');
    await unlink(join(content, 'porthole.config.json'));
    await buildAndCompare();
  });

  test('an article changed within two seconds of the build is compared by its text, not its times', async () => {
    await buildCached();
    const path = join(content, 'en/faq.md');
    const text = await readFile(path, 'utf8');
    put('en/faq.md', text.replace('taxes', 'TAXES'), { racy: true });
    const result = await buildAndCompare();
    assert.equal(result.upToDate, false);
    assert.match(JSON.stringify(result.files), /TAXES/);
    // Its text is what the build used: trusted.
    assert.equal((await buildAndCompare()).upToDate, true);
    // Same size, same times as a write in the same clock tick would leave them: still seen.
    const { mtime } = await stat(path);
    put('en/faq.md', text.replace('taxes', 'TaXeS'), { racy: true });
    await utimes(path, mtime, mtime);
    const again = await buildAndCompare();
    assert.equal(again.upToDate, false);
    assert.match(JSON.stringify(again.files), /TaXeS/);
    put('en/faq.md', text);
    await buildAndCompare();
  });

  test('a racy image is never trusted', async () => {
    put('en/refunds.md', '# Refunds\n\n![Receipt](receipt.png)\n');
    put('en/receipt.png', 'PNG one', { racy: true });
    assert.equal((await buildAndCompare()).upToDate, false);
    assert.equal((await buildAndCompare()).upToDate, false);
    put('en/receipt.png', 'PNG two');
    assert.equal((await buildAndCompare()).upToDate, false);
    assert.equal((await buildAndCompare()).upToDate, true);
  });

  test('a file missing from, or added to, the output folder makes a full build', async () => {
    const built = await buildAndCompare();
    const article = Object.keys(built.files).find((path) => path.startsWith('articles/'));
    assert.ok(article);
    await unlink(join(cachedOut(), article));
    assert.equal((await buildAndCompare()).upToDate, false);
    await writeFile(join(cachedOut(), 'articles', 'stale.json'), '{}');
    assert.equal((await buildAndCompare()).upToDate, false);
  });

  test('damaged cache files are ignored with a warning and the output stays right', async () => {
    put('en/faq.md', '# FAQ\n\nQuestions about refunds.\n');
    await buildAndCompare();
    warnings = [];
    const names = await readdir(cacheDir);
    const record = names.find((name) => name.startsWith('build-'));
    const shards = names.filter((name) => name.startsWith('render-'));
    const index = names.find((name) => name.startsWith('index-'));
    assert.ok(record && index && shards.length > 0);
    await truncate(join(cacheDir, record), 40);
    await truncate(join(cacheDir, 'catalog-v1.bin'), 9);
    for (const shard of shards) await truncate(join(cacheDir, shard), 7);
    await writeFile(join(cacheDir, index), 'not a serialized index');
    const result = await buildAndCompare();
    assert.equal(result.upToDate, false);
    assert.equal(result.rendered.cached, 0);
    assert.ok(warnings.some((w) => w.includes(record) && w.includes('damaged')));
    assert.ok(warnings.some((w) => w.includes('render-') && w.includes('damaged')));
    assert.ok(warnings.some((w) => w.includes(index) && w.includes('damaged')));
    assert.ok(warnings.some((w) => w.includes('catalog-v1.bin') && w.includes('damaged')));
    // The damaged files were replaced: the next build uses them without a warning.
    warnings = [];
    assert.equal((await buildAndCompare()).upToDate, true);
    assert.deepEqual(warnings, []);
  });

  test('a build record edited by hand is ignored', async () => {
    await buildAndCompare();
    const record = (await readdir(cacheDir)).find((name) => name.startsWith('build-')) ?? '';
    const text = await readFile(join(cacheDir, record), 'utf8');
    await writeFile(join(cacheDir, record), text.replace('"articleCount":', '"articleCount":1'));
    await utimes(join(cacheDir, record), clock, clock);
    warnings = [];
    const result = await buildAndCompare();
    assert.equal(result.upToDate, false);
    assert.equal(warnings.length, 1);
  });

  test("an article's render cache key changes with the compiler version", () => {
    const job = { path: 'en/a.md', text: '# A\n', bodyOffset: 0, title: undefined };
    assert.notEqual(cacheKey(job, '1.0.0'), cacheKey(job, '1.0.1'));
  });

  test('an index built again with the same article objects under a new body file name names the new file', () => {
    // As in watch mode: an unchanged article keeps its terms, snippets and sections objects,
    // but a link target's new slug gives its body file a new name.
    const article = {
      sections: [{ id: 'usage', title: 'Usage', level: 2 }],
      terms: tokenizeRecords([{ title: 'Refunds' }, { heading: 'Usage', body: 'Ask for one.' }]),
      snippets: ['', 'Ask for one.'],
    };
    const input = (file: string): SearchIndexInput => ({
      locale: 'en',
      articles: [{ ...article, file }],
    });
    const first = buildSearchIndex(input('articles/a.1.json'));
    const keyBefore = indexCacheKey(input('articles/a.1.json'), '1.0.0');
    const second = buildSearchIndex(input('articles/a.2.json'));
    assert.notEqual(indexCacheKey(input('articles/a.2.json'), '1.0.0'), keyBefore);
    assert.equal(indexCacheKey(input('articles/a.1.json'), '1.0.0'), keyBefore);
    assert.notEqual(second.root, first.root);
    assert.deepEqual(
      Object.values(second.files).filter((json) => json.includes('articles/a.')),
      [
        `{"articles":[{"file":"articles/a.2.json","sections":[{"id":"usage","title":"Usage","level":2}],"text":["","Ask for one."]}]}`,
      ],
    );
  });
});

describe('rebuilds with a cache in memory (porthole dev)', () => {
  let memory: RenderCache;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'porthole-rebuild-memory-'));
    content = join(root, 'content');
    memory = createMemoryCache();
    openCache = () => Promise.resolve(memory);
    put('en/refunds.md', '---\ntitle: Refunds\n---\n\nSee [invoices](invoices.md) and [[faq]].\n');
    put('en/invoices.md', '# Invoices\n\nDownload invoices as PDF.\n');
    put('en/faq.md', '# FAQ\n\nCommon questions about billing.\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('edits, additions, renames, deletions and a new locale give the output of a build without cache', async () => {
    await buildAndCompare();
    put('en/faq.md', '# FAQ\n\nCommon questions about billing and taxes.\n');
    await buildAndCompare();
    put('en/taxes.md', '# Taxes\n\nVAT, see [[faq]].\n');
    await buildAndCompare();
    renameSync(join(content, 'en/taxes.md'), join(content, 'en/vat.md'));
    await buildAndCompare();
    await unlink(join(content, 'en/vat.md'));
    put('en/invoices.md', '---\ntitle: Your invoices\nslug: bills\n---\n\nDownload them.\n');
    await buildAndCompare();
    put('hr/refunds.md', '---\ntitle: Povrat novca\n---\n\nKako funkcionira povrat.\n');
    put('porthole.config.json', JSON.stringify({ defaultLocale: 'hr' }));
    const result = await buildAndCompare();
    assert.equal(result.manifest.defaultLocale, 'hr');
    assert.equal(result.rendered.fresh, 1);
  });

  test('a same-size edit that keeps the times of the file is seen while they are recent', async () => {
    const path = join(content, 'en/faq.md');
    put('en/faq.md', '# FAQ\n\nQuestions about money.\n', { racy: true });
    await buildAndCompare();
    const { mtime } = await stat(path);
    put('en/faq.md', '# FAQ\n\nQuestions about MONEY.\n', { racy: true });
    await utimes(path, mtime, mtime);
    const result = await buildAndCompare();
    assert.match(JSON.stringify(result.files), /MONEY/);
  });
});

/**
 * Watch mode takes an unchanged article's resolved links, body file and place in the manifest
 * from the last build: each change below, made to one article, changes what another article
 * (rendered from the cache) must show, and the build must equal a build without a cache.
 */
describe('watch-mode rebuilds where another article changed', () => {
  let memory: RenderCache;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'porthole-rebuild-links-'));
    content = join(root, 'content');
    memory = createMemoryCache();
    put('porthole.config.json', JSON.stringify({ siteBase: '/docs/', staticDir: '../static' }));
    put(
      'en/refunds.md',
      [
        '---\ntitle: Refunds\norder: 1\n---\n',
        'See [invoices](invoices.md), [their export](invoices.md#export-as-pdf),',
        '[[money back]], ![the logo](/img/logo.png) and ![receipt](receipt.png).\n',
        '![[_note]]\n',
      ].join('\n'),
    );
    put('en/invoices.md', '---\ntitle: Invoices\n---\n\n## Export as PDF\n\nDownload them.\n');
    put('en/credit.md', '---\ntitle: Credit\naliases: [money back]\n---\n\nStore credit.\n');
    put('en/receipt.png', 'PNG one');
    put('en/_note.md', 'A shared note.\n');
    put('en/zebra.md', '# Zebra\n\nLast by title.\n');
    put('en/payments.md', '---\ntitle: Payments\n---\n\nPay your [invoices](invoices.md).\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  /** A watch-mode build and one without a cache: the same files, manifest and diagnostics. */
  async function rebuild(): Promise<CompileResult> {
    const watched = await compileKnowledgeBase({
      contentDir: content,
      cache: memory,
      failOnError: false,
    });
    const fresh = await compileKnowledgeBase({ contentDir: content, failOnError: false });
    assert.deepEqual(watched.files, fresh.files);
    assert.deepEqual(watched.manifest, fresh.manifest);
    assert.deepEqual(watched.diagnostics, fresh.diagnostics);
    return watched;
  }

  /** The HTML of the article at `slug`, from its body file. */
  function htmlOf(result: CompileResult, slug: string): string {
    for (const [path, value] of Object.entries(result.files)) {
      if (!path.startsWith('articles/') || typeof value !== 'string') continue;
      const body = JSON.parse(value) as { slug: string; html: string };
      if (body.slug === slug) return body.html;
    }
    throw new Error(`no article ${slug}`);
  }

  const messages = (result: CompileResult) => result.diagnostics.map((d) => d.message).join('\n');
  /** The invoices article under the slug `bills`, with one heading. */
  const putBills = (heading: string) =>
    put('en/invoices.md', `---\ntitle: Invoices\nslug: bills\n---\n\n## ${heading}\n\nDownload.\n`);

  test("a link target's new slug changes the linking article, rendered from the cache", async () => {
    assert.match(htmlOf(await rebuild(), 'payments'), /data-porthole-article="invoices"/);
    putBills('Export as PDF');
    const result = await rebuild();
    assert.equal(result.rendered.fresh, 1);
    assert.match(htmlOf(result, 'payments'), /data-porthole-article="bills"/);
  });

  test('a renamed heading that other articles link to is reported and unlinked there', async () => {
    put(
      'en/payments.md',
      '---\ntitle: Payments\n---\n\nPay [as PDF](/docs/bills#export-as-pdf).\n',
    );
    assert.match(htmlOf(await rebuild(), 'payments'), /data-porthole-section="export-as-pdf"/);
    putBills('Export as CSV');
    const result = await rebuild();
    assert.equal(result.rendered.fresh, 1);
    assert.doesNotMatch(htmlOf(result, 'refunds'), /data-porthole-section/);
    assert.doesNotMatch(htmlOf(result, 'payments'), /data-porthole-section/);
    const missing = result.diagnostics.filter((d) => d.code === 'missing-anchor');
    assert.equal(missing.length, 2);
    assert.match(
      missing[0]?.message ?? '',
      /no heading "#export-as-pdf" \(did you mean "#export-as-csv"\?\)/,
    );
    putBills('Export as PDF');
    assert.match(htmlOf(await rebuild(), 'refunds'), /data-porthole-section="export-as-pdf"/);
  });

  test('a removed alias turns the [[wikilink]] that named it into text', async () => {
    assert.match(htmlOf(await rebuild(), 'refunds'), /data-porthole-article="credit"/);
    put('en/credit.md', '---\ntitle: Credit\n---\n\nStore credit.\n');
    const result = await rebuild();
    assert.equal(result.rendered.fresh, 1);
    assert.match(htmlOf(result, 'refunds'), /\[\[money back\]\]/);
    assert.match(messages(result), /no note named "money back"/);
  });

  test("a changed image gives the article that shows it the image's new file", async () => {
    const before = htmlOf(await rebuild(), 'refunds');
    put('en/receipt.png', 'PNG two');
    const result = await rebuild();
    assert.equal(result.rendered.fresh, 0);
    assert.notEqual(htmlOf(result, 'refunds'), before);
  });

  test('a file added to the static folder is linked by the next rebuild', async () => {
    assert.match(messages(await rebuild()), /missing image or media file "\/img\/logo\.png"/);
    mkdirSync(join(root, 'static/img'), { recursive: true });
    writeFileSync(join(root, 'static/img/logo.png'), 'PNG logo');
    put('en/zebra.md', '# Zebra\n\nStill last by title.\n');
    const result = await rebuild();
    assert.doesNotMatch(messages(result), /logo\.png/);
    assert.doesNotMatch(htmlOf(result, 'refunds'), /src="\/img\/logo\.png"/);
  });

  test("an included note's new text changes the article that includes it", async () => {
    put('en/_note.md', 'A shared note, edited.\n');
    assert.match(htmlOf(await rebuild(), 'refunds'), /A shared note, edited\./);
  });

  test('a new title or order moves the article in the manifest', async () => {
    const slugs = (result: CompileResult) =>
      result.manifest.locales[0]?.articles.map((a) => a.slug).join(' ');
    assert.equal(slugs(await rebuild()), 'refunds credit bills payments zebra');
    put('en/zebra.md', '# Aardvark\n\nFirst by title now.\n');
    assert.equal(slugs(await rebuild()), 'refunds zebra credit bills payments');
    put(
      'en/refunds.md',
      (await readFile(join(content, 'en/refunds.md'), 'utf8')).replace('order: 1\n', ''),
    );
    assert.equal(slugs(await rebuild()), 'zebra credit bills payments refunds');
  });

  test("a new translation is listed in the other locale's article", async () => {
    put('hr/credit.md', '---\ntitle: Kredit\n---\n\nKredit u trgovini.\n');
    const result = await rebuild();
    const credit = Object.values(result.files).find(
      (value) => typeof value === 'string' && value.includes('"slug":"credit","locale":"en"'),
    );
    assert.match(String(credit), /"translations":\{"hr":"credit"\}/);
  });
});
