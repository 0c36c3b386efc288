/**
 * Compiling: locales and slugs, sections, links and images, drafts, diagnostics with the real
 * line:col, and the output folder (deterministic, safe file names, nothing half-written).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ArticleFile, FragmentChunk, ManifestFile } from '@porthole/kb/format';
import { JSDOM } from 'jsdom';
import {
  checkKnowledgeBase,
  compileKnowledgeBase,
  CompileError,
  formatDiagnostic,
  type CompileResult,
  type ContentSource,
} from '../src/index.js';
import { checkSources, summarize } from './helpers.js';

function sources(files: Record<string, string | Uint8Array>): ContentSource[] {
  return Object.entries(files).map(([path, content]) => ({ path, content }));
}

function readManifest(result: CompileResult): ManifestFile {
  return JSON.parse(String(result.files['manifest.json'])) as ManifestFile;
}

function readArticle(result: CompileResult, slug: string, locale = 'en'): ArticleFile {
  const found = Object.entries(result.files)
    .filter(([path]) => path.startsWith('articles/'))
    .map(([, json]) => JSON.parse(String(json)) as ArticleFile)
    .find((a) => a.slug === slug && a.locale === locale);
  assert.ok(found, `no ${locale}/${slug}`);
  return found;
}

function parse(html: string): Document {
  return new JSDOM(`<body>${html}</body>`).window.document;
}

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'porthole-compile-'));
});
after(() => rm(dir, { recursive: true, force: true }));

describe('locales and slugs', () => {
  test('locale from the first folder, then front matter, then the default', async () => {
    const result = await compileKnowledgeBase({
      defaultLocale: 'en',
      sources: sources({
        'en/billing/refunds.md': '---\ntitle: Refunds\n---\nText.\n',
        'pt-br/conta/senha.md': '---\ntitle: Senha\n---\nTexto.\n',
        'sr-Latn/nalog.md': '---\ntitle: Nalog\n---\nTekst.\n',
        'faq/general.md': '---\ntitle: General questions\n---\nText.\n',
        'kako.md': '---\ntitle: Kako\nlocale: hr\n---\nTekst.\n',
      }),
    });
    const manifest = readManifest(result);
    assert.deepEqual(result.locales, ['en', 'hr', 'pt-BR', 'sr-Latn']);
    assert.equal(manifest.defaultLocale, 'en');
    const slugs = Object.fromEntries(
      manifest.locales.map((l) => [l.locale, l.articles.map((a) => a.slug)]),
    );
    assert.deepEqual(slugs, {
      en: ['faq/general', 'billing/refunds'], // by title: "General questions" < "Refunds"
      hr: ['kako'],
      'pt-BR': ['conta/senha'],
      'sr-Latn': ['nalog'],
    });
  });

  test('the same file name in several folders gives distinct slugs; front matter slug wins', async () => {
    const result = await compileKnowledgeBase({
      sources: sources({
        'en/sync/setup.md': '---\ntitle: Set up sync\n---\nA.\n',
        'en/publish/setup.md': '---\ntitle: Set up publish\n---\nB.\n',
        'en/setup.md': '---\ntitle: Setup\nslug: getting-started\n---\nC.\n',
      }),
    });
    const slugs = readManifest(result)
      .locales[0]?.articles.map((a) => a.slug)
      .sort();
    assert.deepEqual(slugs, ['getting-started', 'publish/setup', 'sync/setup']);
  });

  test('duplicate slugs in one locale are an error at the slug line; other locales may share', async () => {
    const diagnostics = await checkSources({
      'en/a.md': '---\ntitle: A\n---\nA.\n',
      'en/b.md': '---\ntitle: B\nslug: a\n---\nB.\n',
      'hr/a.md': '---\ntitle: A hr\n---\nA.\n',
    });
    assert.deepEqual(summarize(diagnostics), ['content/en/b.md:3:1 error duplicate-slug']);
    assert.match(diagnostics[0]?.message ?? '', /"a".*en\/a\.md/);
  });

  test('unicode slugs get safe, hashed file names', async () => {
    const result = await compileKnowledgeBase({
      sources: sources({ 'ru/Как войти/Пароль?.md': '---\ntitle: Пароль\n---\nТекст.\n' }),
    });
    for (const path of Object.keys(result.files)) {
      assert.match(
        path,
        /^(manifest\.json|index\/ru(\.[ptkf])?\.[0-9a-f]{10}\.json|articles\/[0-9a-f]{12}\.[0-9a-f]{8}\.json)$/,
      );
    }
    assert.equal(readArticle(result, 'Как войти/Пароль?', 'ru').title, 'Пароль');
  });
});

describe('articles', () => {
  test('a leading # title is not repeated in the body; without a title it becomes the title', async () => {
    const result = await compileKnowledgeBase({
      sources: sources({
        'en/same.md': '---\ntitle: Reset your password\n---\n\n# Reset your password\n\nBody.\n',
        'en/instead.md': '# Billing basics\n\nBody.\n',
        'en/other.md': '---\ntitle: Title\n---\n# Something else\n\nBody.\n',
      }),
    });
    assert.doesNotMatch(readArticle(result, 'same').html, /<h1/);
    const instead = readArticle(result, 'instead');
    assert.equal(instead.title, 'Billing basics');
    assert.doesNotMatch(instead.html, /<h1/);
    assert.match(readArticle(result, 'other').html, /<h1 id="something-else">Something else<\/h1>/);
  });

  test('without a title or a leading # heading, the file (or folder) name is the title', async () => {
    const result = await compileKnowledgeBase({
      sources: sources({
        'en/getting-started.md': '---\ndescription: no title\n---\nBody.\n',
        'en/Sync your notes.md': 'Body.\n',
        'en/billing/index.md': 'Body.\n',
      }),
    });
    assert.deepEqual(result.diagnostics, []);
    const titles = readManifest(result).locales[0]?.articles.map((a) => `${a.slug}=${a.title}`);
    assert.deepEqual(titles, [
      'billing=Billing',
      'getting-started=Getting started',
      'Sync your notes=Sync your notes',
    ]);
  });

  test('sections split at h2 and h3 with stable ids, plain text and levels', async () => {
    const body = [
      '---',
      'title: Guide',
      '---',
      'Intro with **bold** text.',
      '',
      '## First step',
      '',
      'Do *this*.',
      '',
      '### Details',
      '',
      '- one',
      '- two',
      '',
      '#### Deep heading',
      '',
      'Still details.',
      '',
      '## First step',
      '',
      'Again.',
    ].join('\n');
    const result = await compileKnowledgeBase({ sources: sources({ 'en/guide.md': body }) });
    const article = readArticle(result, 'guide');
    assert.deepEqual(article.sections, [
      { id: 'first-step', title: 'First step', level: 2 },
      { id: 'details', title: 'Details', level: 3 },
      { id: 'first-step-1', title: 'First step', level: 2 },
    ]);
    const document = parse(article.html);
    assert.ok(document.getElementById('deep-heading'), 'deeper headings get ids too');
    const fragments = Object.entries(result.files)
      .filter(([path]) => /^index\/en\.f\./.test(path))
      .flatMap(([, json]) => (JSON.parse(String(json)) as FragmentChunk).articles);
    assert.deepEqual(fragments[0]?.text, [
      'Intro with bold text.',
      'Do this.',
      // Snippet text: the short list items ("one", "two") read as junk out of context.
      'Deep heading Still details.',
      'Again.',
    ]);
  });

  test('task lists render as text, not as form inputs', async () => {
    const result = await compileKnowledgeBase({
      sources: sources({ 'en/t.md': '---\ntitle: T\n---\n- [x] done\n- [ ] todo\n' }),
    });
    const html = readArticle(result, 't').html;
    assert.doesNotMatch(html, /<input/);
    assert.match(html, /☑ done/);
  });

  test('a file that is not UTF-8 is an error, never published with replacement characters', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('---\ntitle: Caf'), 0xe9, 0x0a]);
    const diagnostics = await checkKnowledgeBase('content', {
      sources: sources({ 'en/cafe.md': latin1, 'en/ok.md': '---\ntitle: OK\n---\nFine.\n' }),
    });
    assert.deepEqual(summarize(diagnostics), ['content/en/cafe.md:1:1 error unreadable-file']);
    assert.match(diagnostics[0]?.message ?? '', /not UTF-8/);
  });

  test('media the widget will not play is removed with a warning, not shipped', async () => {
    const result = await compileKnowledgeBase({
      sources: sources({
        'en/m.md': '---\ntitle: M\n---\nWatch:\n\n<video src="demo.mp4" controls></video>\n',
      }),
    });
    assert.doesNotMatch(readArticle(result, 'm').html, /<video/);
    const warning = result.diagnostics.find((d) => d.code === 'unsafe-html');
    assert.match(warning?.message ?? '', /<video>/);
    assert.equal(warning?.line, 6);
  });
});

describe('links and images', () => {
  const files = {
    'en/billing/refunds.md': [
      '---',
      'title: Refunds',
      '---',
      'See [plans](plans.md#compare-plans), [the guide](../guide.md) and',
      '[our site](https://example.com/pricing).',
      '',
      'A [broken link](missing.md) and ![a screenshot](img/shot.png) and ![gone](img/gone.png).',
      '[Croatian](../../hr/povrat.md) and [a bad anchor](plans.md#nowhere).',
    ].join('\n'),
    'en/billing/plans.md': '---\ntitle: Plans\n---\n## Compare plans\n\nText.\n',
    'en/guide.md': '---\ntitle: Guide\n---\nText.\n',
    'hr/povrat.md': '---\ntitle: Povrat\n---\nTekst.\n',
  };

  test('broken links are errors and missing images warnings, at the real line:col', async () => {
    const diagnostics = await checkSources(files);
    assert.deepEqual(summarize(diagnostics), [
      // Each at the start of the URL that is wrong.
      'content/en/billing/refunds.md:7:17 error broken-link',
      'content/en/billing/refunds.md:7:49 warning missing-asset',
      'content/en/billing/refunds.md:7:75 warning missing-asset',
      'content/en/billing/refunds.md:8:51 warning missing-anchor',
    ]);
    const [broken] = diagnostics;
    assert.ok(broken);
    assert.match(broken.message, /missing\.md/);
    assert.equal(
      formatDiagnostic(broken),
      'content/en/billing/refunds.md:7:17 error link to a missing article "missing.md" [broken-link]',
    );
    assert.equal(
      formatDiagnostic({ ...broken, file: join(dir, 'x/a.md') }, { cwd: dir }),
      `${join('x', 'a.md')}:7:17 error link to a missing article "missing.md" [broken-link]`,
    );
  });

  test('links to articles point inside the widget; images are copied; external links open outside', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47]);
    const { 'en/billing/refunds.md': refunds, ...rest } = files;
    const result = await compileKnowledgeBase({
      sources: sources({
        ...rest,
        'en/billing/refunds.md': refunds.replace(/A \[broken link\]\(missing\.md\) and /, ''),
        'en/billing/img/shot.png': png,
      }),
    });
    const document = parse(readArticle(result, 'billing/refunds').html);
    const links = [...document.querySelectorAll('a')];
    const plans = links.find((a) => a.textContent === 'plans');
    assert.equal(plans?.getAttribute('data-porthole-article'), 'billing/plans');
    assert.equal(plans?.getAttribute('data-porthole-section'), 'compare-plans');
    assert.equal(
      plans?.getAttribute('href'),
      '#porthole-article=billing%2Fplans&section=compare-plans',
    );
    const guide = links.find((a) => a.textContent === 'the guide');
    assert.equal(guide?.getAttribute('data-porthole-article'), 'guide');
    const croatian = links.find((a) => a.textContent === 'Croatian');
    assert.equal(croatian?.getAttribute('data-porthole-locale'), 'hr');
    const site = links.find((a) => a.textContent === 'our site');
    assert.equal(site?.getAttribute('href'), 'https://example.com/pricing');
    assert.equal(site?.getAttribute('rel'), 'noopener noreferrer');
    const image = document.querySelector('img[alt="a screenshot"]');
    const src = image?.getAttribute('src') ?? '';
    assert.match(src, /^assets\/[0-9a-f]{16}\.png$/);
    assert.deepEqual(result.files[src], png);
    assert.equal(document.querySelector('img[alt="gone"]')?.hasAttribute('src'), false);
  });

  test('an article whose HTML was cut by the sanitizer keeps its links, whatever the render nonce', async (t) => {
    // Math.random() 0.5 gives the nonce "mi": a placeholder "mi:0" reads as a URL with an
    // unknown scheme, which the second sanitizing pass used to strip.
    t.mock.method(Math, 'random', () => 0.5);
    const result = await compileKnowledgeBase({
      sources: sources({
        'en/a.md': '---\ntitle: A\n---\n<img src=x onerror=alert(1)> See [B](b.md).\n',
        'en/b.md': '---\ntitle: B\n---\nText.\n',
      }),
    });
    const link = parse(readArticle(result, 'a').html).querySelector('a');
    assert.equal(link?.getAttribute('data-porthole-article'), 'b');
  });

  test('links to drafts are removed with a warning; links outside the folder are refused', async () => {
    const diagnostics = await checkSources({
      'en/a.md': '---\ntitle: A\n---\nSee [the draft](b.md).\n\n![x](../../../etc/passwd.png)\n',
      'en/b.md': '---\ntitle: B\ndraft: true\n---\nSoon.\n',
    });
    assert.deepEqual(summarize(diagnostics), [
      'content/en/a.md:4:17 warning link-to-draft',
      'content/en/a.md:6:6 warning missing-asset',
    ]);
    assert.match(diagnostics[1]?.message ?? '', /outside the content folder/);
  });
});

describe('drafts', () => {
  const files = {
    'en/live.md': '---\ntitle: Live\n---\nText.\n',
    'en/draft.md': '---\ntitle: Draft\ndraft: true\n---\nSee [nothing](nothing.md).\n',
  };

  test('drafts are left out unless includeDrafts', async () => {
    const without = await compileKnowledgeBase({
      sources: sources({
        'en/live.md': files['en/live.md'],
        'en/draft.md': files['en/draft.md'].replace(/See.*/, 'Soon.'),
      }),
    });
    assert.deepEqual(
      readManifest(without).locales[0]?.articles.map((a) => a.slug),
      ['live'],
    );
    await assert.rejects(
      compileKnowledgeBase({ includeDrafts: true, sources: sources(files) }),
      (error: unknown) =>
        error instanceof CompileError && error.diagnostics.some((d) => d.code === 'broken-link'),
    );
  });

  test('a broken draft does not block the build, but check still reports it', async () => {
    const result = await compileKnowledgeBase({ sources: sources(files) });
    assert.equal(result.articleCount, 1);
    assert.deepEqual(summarize(await checkSources(files)), [
      'content/en/draft.md:5:15 error broken-link',
    ]);
  });
});

describe('translations and other warnings', () => {
  test('articles with a translationKey link their translations; missing ones are warned about', async () => {
    const files = {
      'en/reset.md': '---\ntitle: Reset\ntranslationKey: reset\n---\nText.\n',
      'hr/lozinka.md': '---\ntitle: Lozinka\ntranslationKey: reset\n---\nTekst.\n',
      'en/refunds.md': '---\ntitle: Refunds\ntranslationKey: refunds\n---\nText.\n',
      'en/empty.md': '---\ntitle: Empty\n---\n',
    };
    const result = await compileKnowledgeBase({ sources: sources(files) });
    assert.deepEqual(readArticle(result, 'reset').translations, { hr: 'lozinka' });
    assert.deepEqual(readArticle(result, 'lozinka', 'hr').translations, { en: 'reset' });
    assert.deepEqual(summarize(result.diagnostics), [
      'en/empty.md:4:1 warning empty-article',
      'en/refunds.md:3:1 warning untranslated',
    ]);
    assert.match(result.diagnostics[1]?.message ?? '', /no hr version/);
  });
});

describe('output folder', () => {
  const files = {
    'en/a.md': '---\ntitle: A\n---\nAlpha [b](b.md).\n\n## Part\n\nText.\n',
    'en/b.md': '---\ntitle: B\n---\nBeta.\n',
    'hr/c.md': '---\ntitle: C\n---\nCe.\n',
  };

  test('the same input gives the same bytes', async () => {
    const first = await compileKnowledgeBase({ sources: sources(files) });
    const second = await compileKnowledgeBase({ sources: sources(files) });
    assert.deepEqual(first.files, second.files);
  });

  test('writes a static folder and replaces earlier builds without touching other files', async () => {
    const out = join(dir, 'kb');
    await compileKnowledgeBase({ sources: sources(files), outDir: out });
    await writeFile(join(out, 'robots.txt'), 'keep me');
    await mkdir(join(out, 'index'), { recursive: true });
    const result = await compileKnowledgeBase({
      sources: sources({ ...files, 'en/b.md': '---\ntitle: B\n---\nBeta, changed.\n' }),
      outDir: out,
    });
    const written = [
      'manifest.json',
      ...(await readdir(join(out, 'index'))).map((f) => `index/${f}`),
      ...(await readdir(join(out, 'articles'))).map((f) => `articles/${f}`),
    ].sort();
    assert.deepEqual(written, Object.keys(result.files).sort());
    assert.equal(await readFile(join(out, 'robots.txt'), 'utf8'), 'keep me');
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as ManifestFile;
    assert.equal(manifest.format, 2);
    assert.equal(manifest.locales[0]?.locale, 'en');
  });

  test('a build with errors throws CompileError and writes nothing', async () => {
    const out = join(dir, 'broken');
    await assert.rejects(
      compileKnowledgeBase({ sources: sources({ 'en/a.md': '[Gone](gone.md)\n' }), outDir: out }),
      (error: unknown) => {
        assert.ok(error instanceof CompileError);
        assert.match(error.message, /1 error in 1 file;/);
        return true;
      },
    );
    assert.equal(existsSync(out), false);
  });

  test('reads a content folder from disk, skipping hidden folders', async () => {
    const content = join(dir, 'content');
    await mkdir(join(content, 'en/.obsidian'), { recursive: true });
    await writeFile(join(content, 'en/a.md'), '---\ntitle: A\n---\nText.\n');
    await writeFile(join(content, 'en/.obsidian/notes.md'), 'no front matter, no title');
    assert.deepEqual(await checkKnowledgeBase(content), []);
  });
});
