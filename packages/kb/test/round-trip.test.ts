/**
 * The index round trip: compile → write → open (from the folder, from the data in memory,
 * over HTTP with fetch) → search gives the same answers. Plus lazy loading, caching and the
 * errors a caller can meet.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { compileKnowledgeBase, type CompileResult } from '@porthole/kb-compiler';
import { KnowledgeBaseError, openKnowledgeBase, type KnowledgeBase } from '../src/node.js';

const fixtures = join(import.meta.dirname, 'fixtures/help');
let dir: string;
let result: CompileResult;
let server: Server;
let base: string;
const requests: string[] = [];

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'porthole-kb-'));
  result = await compileKnowledgeBase({ contentDir: fixtures, outDir: dir });
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const file = normalize(join(dir, path.replace(/^\/kb\//, '')));
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(body);
      },
      () => {
        response.writeHead(404, { 'content-type': 'text/html' });
        response.end('<h1>Not found</h1>');
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  base = `http://127.0.0.1:${address.port}/kb/`;
});

after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const queries: [string, string][] = [
  ['reset pasword', 'en'],
  ['money back', 'en'],
  ['spam', 'en'],
  ['lozinka', 'hr'],
  ['zwrot platnosci', 'pl'],
  ['rekins', 'lv'],
  ['пароль', 'ru'],
  ['κωδικος', 'el'],
];

async function answers(kb: KnowledgeBase) {
  return Promise.all(queries.map(([q, locale]) => kb.search(q, { locale, limit: 5 })));
}

describe('round trip', () => {
  test('folder, data, file: URL and HTTP give the same answers', async () => {
    const fromFolder = await answers(await openKnowledgeBase(dir));
    const fromData = await answers(await openKnowledgeBase(result));
    const fromFileUrl = await answers(await openKnowledgeBase(pathToFileURL(dir)));
    const fromHttp = await answers(await openKnowledgeBase(base));
    assert.ok(fromFolder.every((hits) => hits.length > 0));
    assert.deepEqual(fromData, fromFolder);
    assert.deepEqual(fromFileUrl, fromFolder);
    assert.deepEqual(fromHttp, fromFolder);
  });

  test('the written files are the returned files, byte for byte', async () => {
    for (const [path, content] of Object.entries(result.files)) {
      const written = await readFile(join(dir, path));
      assert.deepEqual(written, Buffer.from(content), path);
    }
  });

  test('a manifest URL works as well as the folder URL', async () => {
    const kb = await openKnowledgeBase(`${base}manifest.json`);
    assert.equal((await kb.search('refund'))[0]?.slug, 'billing/refunds');
  });
});

describe('lazy loading over HTTP', () => {
  test('opening reads only the manifest; concurrent first searches share every index file', async () => {
    requests.length = 0;
    const kb = await openKnowledgeBase(base);
    assert.deepEqual(requests, ['/kb/manifest.json']);
    await Promise.all([kb.search('refund'), kb.search('password'), kb.search('invoice')]);
    const indexFetches = requests.filter((p) => p.includes('/index/'));
    assert.equal(new Set(indexFetches).size, indexFetches.length, 'no file twice');
    assert.equal(indexFetches.filter((p) => /\/index\/en\.[0-9a-f]+\.json$/.test(p)).length, 1);
    await kb.search('lozinka', { locale: 'hr' });
    assert.ok(requests.some((p) => /\/index\/hr\.[0-9a-f]+\.json$/.test(p)));
    assert.equal(requests.filter((p) => p.includes('/articles/')).length, 0, 'no bodies yet');
  });

  test('a search downloads only the index files its words need, never the whole index', async () => {
    requests.length = 0;
    const kb = await openKnowledgeBase(base);
    await kb.search('refund', { locale: 'en' });
    const all = Object.keys(result.files).filter((p) => p.startsWith('index/en.'));
    const fetched = requests.filter((p) => p.includes('/index/en.'));
    assert.ok(fetched.length < all.length, `${fetched.length} of ${all.length}`);
    requests.length = 0;
    await kb.search('refund', { locale: 'en' });
    assert.deepEqual(requests, [], 'the same query again downloads nothing');
  });

  test('an article body is fetched when opened, once', async () => {
    requests.length = 0;
    const kb = await openKnowledgeBase(base);
    const [first, second] = await Promise.all([
      kb.article('billing/refunds', 'en'),
      kb.article('billing/refunds', 'en'),
    ]);
    assert.equal(first, second);
    await kb.article('billing/refunds', 'en');
    assert.equal(requests.filter((p) => p.includes('/articles/')).length, 1);
    assert.equal(first.title, 'Refunds and cancellations');
    assert.match(first.html, /<h2 id="request-a-refund">Request a refund<\/h2>/);
    assert.deepEqual(
      first.sections.map((s) => s.id),
      ['request-a-refund', 'how-long-a-refund-takes', 'annual-plans'],
    );
    assert.deepEqual(first.translations, {
      el: 'pliromes/epistrofi',
      hr: 'naplata/povrat-novca',
      pl: 'platnosci/zwrot',
      ru: 'oplata/vozvrat',
    });
  });

  test('a failed index load is retried by the next search', async () => {
    let failNext = true;
    const flaky: typeof fetch = (input, init) => {
      if (failNext && String(input).includes('/index/')) {
        failNext = false;
        return Promise.reject(new TypeError('connection reset'));
      }
      return fetch(input, init);
    };
    const kb = await openKnowledgeBase(base, { fetch: flaky });
    await assert.rejects(kb.search('refund'), (error: unknown) => {
      assert.ok(error instanceof KnowledgeBaseError);
      assert.equal(error.code, 'network');
      assert.match(error.message, /connection reset/);
      return true;
    });
    assert.equal((await kb.search('refund'))[0]?.slug, 'billing/refunds');
  });
});

describe('errors', () => {
  async function rejectsWith(promise: Promise<unknown>, code: string, message?: RegExp) {
    await assert.rejects(promise, (error: unknown) => {
      assert.ok(error instanceof KnowledgeBaseError, String(error));
      assert.equal(error.code, code);
      if (message) assert.match(error.message, message);
      return true;
    });
  }

  test('a folder without a manifest is not-found, with a hint', async () => {
    await rejectsWith(openKnowledgeBase(fixtures), 'not-found', /porthole build/);
  });

  test('an HTTP 404 is not-found; an unreachable server is network', async () => {
    await rejectsWith(openKnowledgeBase(`${base}missing/`), 'not-found', /404/);
    const offline: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
    await rejectsWith(openKnowledgeBase(base, { fetch: offline }), 'network', /fetch failed/);
  });

  test('HTML instead of JSON, or a newer format, is reported as such', async () => {
    const html: typeof fetch = () =>
      Promise.resolve(
        new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }),
      );
    await rejectsWith(openKnowledgeBase(base, { fetch: html }), 'invalid-format', /text\/html/);
    const manifest = JSON.parse(String(result.files['manifest.json'])) as { format: number };
    const newer = { files: { ...result.files, 'manifest.json': { ...manifest, format: 99 } } };
    await rejectsWith(openKnowledgeBase(newer), 'unsupported-version', /Upgrade/);
    const broken = { files: { 'manifest.json': { format: 1, locales: 'x' } } };
    await rejectsWith(openKnowledgeBase(broken), 'invalid-format');
  });

  test('an unsafe file path in a manifest is refused', async () => {
    const manifest = JSON.parse(String(result.files['manifest.json'])) as {
      locales: { index: string }[];
    };
    const [first] = manifest.locales;
    assert.ok(first);
    first.index = '../../etc/passwd';
    await rejectsWith(
      openKnowledgeBase({ files: { 'manifest.json': manifest } }),
      'invalid-format',
      /unsafe/,
    );
  });

  test('an unknown article is not-found', async () => {
    const kb = await openKnowledgeBase(result);
    await rejectsWith(kb.article('no/such/article', 'en'), 'not-found', /no\/such\/article/);
  });

  test('a relative URL without a document to resolve against is invalid-argument', async () => {
    const { openKnowledgeBase: openInBrowser } = await import('../src/index.js');
    await rejectsWith(openInBrowser('kb/'), 'invalid-argument');
  });
});

describe('assets', () => {
  test('relative asset URLs in article HTML are made absolute against the KB URL', async () => {
    const out = await mkdtemp(join(tmpdir(), 'porthole-kb-assets-'));
    try {
      const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const built = await compileKnowledgeBase({
        outDir: out,
        sources: [
          { path: 'en/guide.md', content: '---\ntitle: Guide\n---\n\n![Screen](img/screen.png)\n' },
          { path: 'en/img/screen.png', content: png },
        ],
      });
      const asset = Object.keys(built.files).find((p) => p.startsWith('assets/'));
      assert.ok(asset?.endsWith('.png'));
      const article = await (await openKnowledgeBase(out)).article('guide');
      assert.ok(article.html.includes(`src="${pathToFileURL(out).href}/${asset}"`), article.html);
      const fromData = await (await openKnowledgeBase(built)).article('guide');
      assert.ok(fromData.html.includes(`src="${asset}"`), 'data sources keep relative URLs');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
