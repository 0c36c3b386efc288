/**
 * Structure conventions of migrated trees, diagnostics an author can act on, configuration,
 * and files that must not sink the build.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openKnowledgeBase } from '@porthole/kb';
import type { ManifestFile } from '@porthole/kb/format';
import {
  checkKnowledgeBase,
  compileKnowledgeBase,
  createMemoryCache,
  openDiskCache,
  summarizeDiagnostics,
  type ContentSource,
  type RenderCache,
} from '../src/index.js';
import { checkSources, summarize } from './helpers.js';

function sources(files: Record<string, string | Uint8Array>): ContentSource[] {
  return Object.entries(files).map(([path, content]) => ({ path, content }));
}

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'porthole-conventions-'));
});
after(() => rm(dir, { recursive: true, force: true }));

async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

describe('structure conventions', () => {
  test('index.md, _index.md and README.md stand for their folder; links to folders work', async () => {
    const result = await compileKnowledgeBase({
      sources: sources({
        'en/guides/index.md': '# Guides\n\nSee [billing](../billing/) and [faq](../faq).\n',
        'en/billing/README.md': '# Billing\n\nText.\n',
        'en/faq/_index.md': '# FAQ\n\nText.\n',
      }),
    });
    assert.deepEqual(result.diagnostics, []);
    const slugs = result.manifest.locales[0]?.articles.map((a) => a.slug).sort();
    assert.deepEqual(slugs, ['billing', 'faq', 'guides']);
  });

  test('translations that share a path are linked without a translationKey', async () => {
    const result = await compileKnowledgeBase({
      sources: sources({
        'en/start.md': '# Start\n\nText.\n',
        'de/start.md': '# Anfang\n\nText.\n',
      }),
    });
    const kb = await openKnowledgeBase(result);
    assert.deepEqual((await kb.article('start', 'de')).translations, { en: 'start' });
  });

  test('aliases and redirect_from become redirects the reader follows', async () => {
    const result = await compileKnowledgeBase({
      sources: sources({
        'en/new.md':
          '---\ntitle: New\naliases: [old-name]\nredirect_from: [/legacy/page/]\n---\nText.\n',
      }),
    });
    const kb = await openKnowledgeBase(result);
    assert.equal((await kb.article('old-name')).slug, 'new');
    assert.equal((await kb.article('legacy/page')).slug, 'new');
  });

  test('site-absolute links under siteBase and images from staticDir are resolved and checked', async () => {
    const root = join(dir, 'site');
    await writeTree(root, {
      'porthole.config.json': JSON.stringify({ siteBase: '/docs/', staticDir: 'static' }),
      'content/en/a.md':
        '# A\n\n[B](/docs/b) ![logo](/img/logo.png) [gone](/docs/nope) ![x](/img/none.png) [site](/pricing)\n',
      'content/en/b.md': '# B\n\nText.\n',
      'static/img/logo.png': 'png',
    });
    const diagnostics = await checkKnowledgeBase(join(root, 'content'));
    assert.deepEqual(
      diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`),
      ['3:44 error broken-link', '3:61 warning missing-asset'],
    );
  });
});

describe('diagnostics', () => {
  test('a broken link is reported at its own line, not at an earlier mention in a code span', async () => {
    const diagnostics = await checkSources({
      'en/a.md': '# A\n\nRun `cat setup.md` first.\n\nThen read [the setup](setup.md).\n',
    });
    assert.deepEqual(summarize(diagnostics), ['content/en/a.md:5:23 error broken-link']);
  });

  test('names are decoded, near misses and letter case get a "did you mean"', async () => {
    const diagnostics = await checkSources({
      'en/a.md':
        '# A\n\n[x](Reset%20Pasword.md) [y](billing.md) [z](b.md#Second-Part) [w](b.md#secnd-part)\n',
      'en/Reset Password.md': '# Reset\n\nText.\n',
      'en/Billing.md': '# Billing\n\nText.\n',
      'en/b.md': '# B\n\n## Second part\n\nText.\n',
    });
    assert.deepEqual(
      diagnostics.map((d) => d.message),
      // `#Second-Part` is the id of "## Second part" once written the way ids are made.
      [
        'link to a missing article "Reset Pasword.md" (did you mean "Reset Password.md"?)',
        'link to a missing article "billing.md" (did you mean "Billing.md"?)',
        '"b.md#secnd-part": en/b.md has no heading "#secnd-part" (did you mean "#second-part"?)',
      ],
    );
  });

  test('a broken reference definition is reported once, at the definition', async () => {
    const diagnostics = await checkSources({
      'en/a.md': '# A\n\n[one][gone] and [two][gone] and [three][gone].\n\n[gone]: missing.md\n',
    });
    assert.deepEqual(summarize(diagnostics), ['content/en/a.md:5:9 error broken-link']);
  });

  test('an MDX component is reported once per name for the whole build; shortcodes are counted', async () => {
    const diagnostics = await checkSources({
      'en/a.mdx': '# A\n\n<YouTube id="1" />\n\n<YouTube id="2" />\n\nText.\n',
      'en/b.mdx': '# B\n\n<YouTube id="3" />\n\nText.\n',
      'en/c.md': '# C\n\n{{< figure src="x" >}} and {% include note.html %} and `{% raw %}`\n',
    });
    assert.deepEqual(summarize(diagnostics), [
      'content/en/a.mdx:3:1 warning mdx-component',
      'content/en/c.md:3:1 warning shortcode',
    ]);
    assert.match(diagnostics[0]?.message ?? '', /<YouTube>.*used 3 times in 2 files/);
    assert.match(
      diagnostics[1]?.message ?? '',
      /^2 Liquid\/Hugo shortcodes \(\{\{< figure >\}\}, \{% include %\}\)/,
    );
  });

  test('shortcodes and icons inside code nested in admonitions, tabs and lists are kept as code', async () => {
    const code = '{% if page.title %}{{ page.title }}{% endif %} :material-home:';
    const result = await compileKnowledgeBase({
      sources: sources({
        'en/a.md': [
          '# A',
          '',
          '!!! example "Template"',
          '',
          '    ```html',
          `    ${code}`,
          '    ```',
          '',
          '=== "Tab"',
          '',
          '    ```html',
          `    ${code}`,
          '    ```',
          '',
          '1. Step',
          '',
          '    ```html',
          `    ${code}`,
          '    ```',
          '',
        ].join('\n'),
      }),
    });
    assert.deepEqual(summarize(result.diagnostics), []);
    const kb = await openKnowledgeBase(result);
    const text = (await kb.article('a')).html.replace(/<[^>]+>/g, '').replaceAll('&lt;', '<');
    assert.equal(text.split(code).length - 1, 3, text);
  });

  test('MkDocs attribute lists on headings: their id is the heading id, the rest is dropped', async () => {
    const result = await compileKnowledgeBase({
      sources: sources({
        'en/a.md': [
          '# A',
          '',
          '## 9.7.6 March 19, 2026 { id="9.7.6" }',
          '## Context { #context }',
          '## Setup { #setup data-toc-label="Set up" }',
          '## Upgrading { data-search-exclude }',
          "## Pandoc {#pandoc .unnumbered lang='en'}",
          '## Braces {name} stay',
          '',
          'Links: [a](#9.7.6), [b](#context), [c](#setup), [d](#pandoc).',
          '',
        ].join('\n'),
      }),
    });
    assert.deepEqual(summarize(result.diagnostics), []);
    const html = (await (await openKnowledgeBase(result)).article('a')).html;
    const headings = [...html.matchAll(/<h2 id="([^"]*)">([^<]*)<\/h2>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(headings, [
      ['9.7.6', '9.7.6 March 19, 2026'],
      ['context', 'Context'],
      ['setup', 'Setup'],
      ['upgrading', 'Upgrading'],
      ['pandoc', 'Pandoc'],
      ['braces-name-stay', 'Braces {name} stay'],
    ]);
  });

  test('summary per code counts errors and warnings', () => {
    const counted = summarizeDiagnostics([
      { file: 'a', line: 1, column: 1, severity: 'warning', code: 'missing-anchor', message: '' },
      { file: 'a', line: 2, column: 1, severity: 'error', code: 'broken-link', message: '' },
      { file: 'b', line: 1, column: 1, severity: 'warning', code: 'missing-anchor', message: '' },
    ]);
    assert.deepEqual(counted, [
      { code: 'broken-link', errors: 1, warnings: 0 },
      { code: 'missing-anchor', errors: 0, warnings: 2 },
    ]);
  });

  test('porthole.config.json sets severities (per path too) and ignores files', async () => {
    const root = join(dir, 'configured');
    await writeTree(root, {
      'porthole.config.json': JSON.stringify({
        diagnostics: { 'unknown-front-matter-key': 'off', 'missing-anchor': 'error' },
        ignore: ['en/legacy/**'],
        overrides: [{ files: 'en/reference/**', diagnostics: { 'broken-link': 'warning' } }],
      }),
      'content/en/a.md': '---\ntitle: A\ncolour: red\n---\n[b](b.md#nowhere)\n',
      'content/en/b.md': '# B\n\nText.\n',
      'content/en/reference/r.md': '# R\n\n[gone](gone.md)\n',
      'content/en/legacy/old.md': '[gone](gone.md)\n',
    });
    const diagnostics = await checkKnowledgeBase(join(root, 'content'));
    assert.deepEqual(
      diagnostics.map((d) => `${d.file.slice(root.length + 1)}:${d.line} ${d.severity} ${d.code}`),
      ['content/en/a.md:5 error missing-anchor', 'content/en/reference/r.md:3 warning broken-link'],
    );
  });
});

describe('one bad file never sinks the build', () => {
  test('10,000 levels of nesting are a located error for that file; the rest builds', async () => {
    const deep = `# Deep\n\nfine\n${'> '.repeat(10_000)}quote\n`;
    const list = `# List\n\n${'- '.repeat(10_000)}item\n`;
    const diagnostics = await checkSources({
      'en/deep.md': deep,
      'en/list.md': list,
      'en/ok.md': '# OK\n\nText.\n',
    });
    assert.deepEqual(summarize(diagnostics), [
      'content/en/deep.md:4:1 error too-deep',
      'content/en/list.md:3:1 error too-deep',
    ]);
  });

  test('an article over maxArticleSize is a clear error naming the setting', async () => {
    const diagnostics = await checkKnowledgeBase('content', {
      sources: sources({
        'en/big.md': `# Big\n\n${'word '.repeat(300)}\n`,
        'en/ok.md': '# OK\n\nText.\n',
      }),
      config: { maxArticleSize: 1000 },
    });
    assert.deepEqual(summarize(diagnostics), ['content/en/big.md:1:1 error article-too-large']);
    assert.match(diagnostics[0]?.message ?? '', /maxArticleSize/);
  });

  test('file names with control or text-direction characters get a warning', async () => {
    const diagnostics = await checkSources({ 'en/invoice\u202Egnp.md': '# Invoice\n\nText.\n' });
    assert.deepEqual(summarize(diagnostics), [
      'content/en/invoice\u202Egnp.md:1:1 warning suspicious-file-name',
    ]);
    assert.match(diagnostics[0]?.message ?? '', /\\u202e/);
  });
});

describe('cache', () => {
  test('a rebuild renders only the changed article', async () => {
    const cache = createMemoryCache();
    const files = { 'en/a.md': '# A\n\nText.\n', 'en/b.md': '# B\n\n[A](a.md)\n' };
    const first = await compileKnowledgeBase({ sources: sources(files), cache });
    assert.deepEqual(first.rendered, { fresh: 2, cached: 0 });
    const second = await compileKnowledgeBase({
      sources: sources({ ...files, 'en/a.md': '# A\n\nNew text.\n' }),
      cache,
    });
    assert.deepEqual(second.rendered, { fresh: 1, cached: 1 });
    const manifest = JSON.parse(String(second.files['manifest.json'])) as ManifestFile;
    assert.equal(manifest.locales[0]?.articles.length, 2);
  });

  /** The cache, recording whether each search index asked for was there. */
  function watchIndexes(cache: RenderCache): { cache: RenderCache; found: boolean[] } {
    const found: boolean[] = [];
    return {
      found,
      cache: {
        get: (key) => cache.get(key),
        set: (key, value) => cache.set(key, value),
        getIndex(key, outDir) {
          const index = cache.getIndex(key, outDir);
          found.push(index !== undefined);
          return index;
        },
        setIndex: (key, value) => cache.setIndex(key, value),
        prune: () => cache.prune(),
        save: () => cache.save(),
        size: cache.size,
        dir: cache.dir,
      },
    };
  }
  const indexFiles = {
    'en/a.md': '# Refunds\n\nHow refunds work.\n',
    'en/b.md': '# Invoices\n\nWhere to find [refunds](a.md).\n',
  };

  test('an unchanged rebuild takes the search index from the cache, file for file', async () => {
    const { cache, found } = watchIndexes(createMemoryCache());
    const first = await compileKnowledgeBase({ sources: sources(indexFiles), cache });
    const second = await compileKnowledgeBase({ sources: sources(indexFiles), cache });
    assert.deepEqual(found, [false, true]);
    assert.deepEqual(second.files, first.files);
  });

  test('after an edit the index is built again, as a build without a cache builds it', async () => {
    const { cache, found } = watchIndexes(createMemoryCache());
    await compileKnowledgeBase({ sources: sources(indexFiles), cache });
    const edited = { ...indexFiles, 'en/a.md': '# Refunds\n\nHow partial refunds work.\n' };
    const rebuilt = await compileKnowledgeBase({ sources: sources(edited), cache });
    const fresh = await compileKnowledgeBase({ sources: sources(edited) });
    assert.deepEqual(found, [false, false]);
    assert.deepEqual(rebuilt.files, fresh.files);
  });

  test('on disk, a search index is found in the output folder by a new process and stale ones are deleted', async () => {
    const cacheDir = join(dir, 'index-cache');
    const outDir = join(dir, 'index-out');
    const files = sources(indexFiles);
    const first = await compileKnowledgeBase({
      sources: files,
      outDir,
      cache: await openDiskCache(cacheDir),
    });
    const reopened = watchIndexes(await openDiskCache(cacheDir));
    const second = await compileKnowledgeBase({ sources: files, outDir, cache: reopened.cache });
    assert.deepEqual(reopened.found, [true]);
    assert.deepEqual(second.files, first.files);
    // Without its files in the output folder, the index is built again.
    const elsewhere = watchIndexes(await openDiskCache(cacheDir));
    const outDir2 = join(dir, 'index-out-2');
    await compileKnowledgeBase({ sources: files, outDir: outDir2, cache: elsewhere.cache });
    assert.deepEqual(elsewhere.found, [false]);
    const edited = sources({ ...indexFiles, 'en/b.md': '# Invoices\n\nPDF invoices.\n' });
    await compileKnowledgeBase({ sources: edited, outDir, cache: await openDiskCache(cacheDir) });
    const indexes = (await readdir(cacheDir)).filter((name) => name.startsWith('index-'));
    assert.equal(indexes.length, 1);
    const last = watchIndexes(await openDiskCache(cacheDir));
    await compileKnowledgeBase({ sources: edited, outDir, cache: last.cache });
    assert.deepEqual(last.found, [true]);
  });

  test('on disk, an edit rewrites at most two of the render cache files', async () => {
    const cacheDir = join(dir, 'shard-cache');
    const many = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`en/a${i}.md`, `# Article ${i}\n\nText ${i}.\n`]),
    );
    await compileKnowledgeBase({ sources: sources(many), cache: await openDiskCache(cacheDir) });
    const read = async () => {
      const names = (await readdir(cacheDir)).filter((name) => name.startsWith('render-'));
      return new Map(
        await Promise.all(names.map(async (n) => [n, await readFile(join(cacheDir, n))] as const)),
      );
    };
    const before = await read();
    const edited = { ...many, 'en/a7.md': '# Article 7\n\nNew text.\n' };
    const rebuilt = await compileKnowledgeBase({
      sources: sources(edited),
      cache: await openDiskCache(cacheDir),
    });
    assert.deepEqual(rebuilt.rendered, { fresh: 1, cached: 39 });
    const after = await read();
    const rewritten = [...after].filter(([name, bytes]) => !before.get(name)?.equals(bytes));
    assert.ok(before.size > 2, `${before.size} files`);
    assert.ok(rewritten.length >= 1 && rewritten.length <= 2, `${rewritten.length} rewritten`);
  });
});
