import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '@porthole/server';
import { createCapturingLogger } from './helpers.js';

const SECRET = 'TOP-SECRET-CONTENT';

/**
 * A raw request, so that `..` and odd encodings reach the server exactly as written, and a
 * compressed body arrives as the bytes that were sent (fetch() would decompress it).
 */
function rawGet(
  base: string,
  path: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  bytes: Buffer;
}> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const req = httpRequest({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: bytes.toString(),
          bytes,
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** A script big enough to be worth compressing. */
const BIG_SCRIPT = `export const words = ${JSON.stringify('lorem ipsum dolor '.repeat(400))};\n`;

describe('static serving', () => {
  let root: string;
  let server: RunningServer;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'porthole-static-'));
    const kb = join(root, 'public', 'kb');
    const site = join(root, 'public', 'site');
    await mkdir(join(kb, 'articles', 'en'), { recursive: true });
    await mkdir(join(site, 'docs'), { recursive: true });
    await writeFile(join(root, 'secret.txt'), SECRET);
    await writeFile(join(root, 'public', 'secret.txt'), SECRET);
    await writeFile(join(kb, '.env'), SECRET);
    await writeFile(join(kb, 'manifest.json'), '{"version":1}');
    await mkdir(join(kb, 'index'));
    await writeFile(join(kb, 'index', 'en.418990dd.json'), '{"index":[]}');
    await writeFile(join(kb, 'articles', 'en', 'reset-password.json'), '{"html":"<p>Hi</p>"}');
    await symlink(join(root, 'secret.txt'), join(kb, 'escape.json'));
    await writeFile(join(site, 'index.html'), '<!doctype html><title>Home</title>');
    await writeFile(join(site, 'docs', 'index.html'), '<!doctype html><title>Docs</title>');
    await writeFile(join(site, 'app.css'), 'body{}');
    await writeFile(join(root, 'porthole.js'), 'console.log("widget")');
    await writeFile(join(root, 'porthole.js.map'), '{"version":3}');
    await writeFile(join(root, 'porthole-kb.js'), 'export const kb = 1;');
    await writeFile(join(root, 'porthole-kb.js.map'), '{"version":3}');
    await writeFile(join(root, 'porthole-panel-0a1b2c3d4e.js'), BIG_SCRIPT);
    // As the widget's build writes them, but recognisably not the file itself: the server
    // must send these instead of compressing the file again.
    await writeFile(
      join(root, 'porthole-panel-0a1b2c3d4e.js.br'),
      brotliCompressSync('/* precompressed br */'),
    );
    await writeFile(
      join(root, 'porthole-panel-0a1b2c3d4e.js.gz'),
      gzipSync('/* precompressed gz */'),
    );
    await writeFile(join(site, 'big.js'), BIG_SCRIPT);
    await writeFile(join(site, 'tiny.js'), 'export {};');
    await writeFile(join(site, 'tiny.js.br'), brotliCompressSync('export {};'));
    await writeFile(join(site, 'stale.js'), BIG_SCRIPT);
    await writeFile(join(site, 'stale.js.br'), brotliCompressSync('/* older than stale.js */'));
    const past = new Date(Date.now() - 60_000);
    await utimes(join(site, 'stale.js.br'), past, past);
    // Beside the widget, but not widget files: never served.
    await writeFile(join(root, 'porthole-kb.json'), SECRET);
    await writeFile(join(root, 'porthole-KB.js'), SECRET);
    await writeFile(join(root, 'porthole-.js'), SECRET);
    await writeFile(join(root, 'other.js'), SECRET);
    server = await startServer({
      port: 0,
      databaseUrl: 'sqlite::memory:',
      kbDir: kb,
      staticDir: site,
      widgetFile: join(root, 'porthole.js'),
      logger: createCapturingLogger(),
    });
  });
  after(async () => {
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('serves the knowledge base as JSON: the manifest revalidated, hashed files immutable', async () => {
    const response = await fetch(`${server.url}/kb/manifest.json`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'application/json; charset=utf-8');
    assert.equal(response.headers.get('Cache-Control'), 'no-cache');
    const index = await fetch(`${server.url}/kb/index/en.418990dd.json`);
    assert.equal(
      index.headers.get('Cache-Control'),
      'public, max-age=31536000, immutable',
      'a content-hashed name',
    );
    assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), '*', 'public, any origin');
    assert.deepEqual(await response.json(), { version: 1 });
    const nested = await fetch(`${server.url}/kb/articles/en/reset-password.json`);
    assert.equal(nested.status, 200);
  });

  it('answers 304 to a matching If-None-Match, and HEAD without a body', async () => {
    const first = await fetch(`${server.url}/kb/manifest.json`);
    const etag = first.headers.get('ETag');
    assert.ok(etag);
    const again = await fetch(`${server.url}/kb/manifest.json`, {
      headers: { 'If-None-Match': etag },
    });
    assert.equal(again.status, 304);
    const head = await rawGet(server.url, '/kb/manifest.json', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], '13');
    assert.equal(head.body, '');
  });

  it('serves the site with index.html and the security headers on HTML', async () => {
    const home = await fetch(`${server.url}/`);
    assert.equal(home.status, 200);
    assert.equal(await home.text(), '<!doctype html><title>Home</title>');
    assert.equal(home.headers.get('Content-Type'), 'text/html; charset=utf-8');
    assert.equal(home.headers.get('Content-Security-Policy'), "default-src 'self'");
    assert.equal(home.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.equal(home.headers.get('Referrer-Policy'), 'strict-origin-when-cross-origin');
    assert.equal(
      home.headers.get('Access-Control-Allow-Origin'),
      null,
      'site pages stay same-origin',
    );

    const css = await fetch(`${server.url}/app.css`);
    assert.equal(css.headers.get('Content-Type'), 'text/css; charset=utf-8');
    assert.equal(css.headers.get('X-Content-Type-Options'), 'nosniff');

    const docs = await fetch(`${server.url}/docs/`);
    assert.equal(await docs.text(), '<!doctype html><title>Docs</title>');
  });

  it('redirects a folder without its slash, relatively (no open redirect)', async () => {
    const docs = await rawGet(server.url, '/docs');
    assert.equal(docs.status, 301);
    assert.equal(docs.headers.location, './docs/');
    const kb = await rawGet(server.url, '/kb');
    assert.equal(kb.status, 301);
    assert.equal(kb.headers.location, '/kb/');
  });

  it('serves the widget and its source map', async () => {
    const widget = await fetch(`${server.url}/porthole.js`);
    assert.equal(widget.status, 200);
    assert.equal(widget.headers.get('Content-Type'), 'text/javascript; charset=utf-8');
    assert.equal(await widget.text(), 'console.log("widget")');
    assert.equal(widget.headers.get('Access-Control-Allow-Origin'), '*', 'loadable from any site');
    assert.equal(
      widget.headers.get('Cache-Control'),
      'public, max-age=300',
      'a stable name: cached briefly',
    );
    const map = await fetch(`${server.url}/porthole.js.map`);
    assert.equal(map.status, 200);
    assert.equal(map.headers.get('Content-Type'), 'application/json; charset=utf-8');
  });

  it('serves the parts the widget loads from beside itself, like the widget', async () => {
    const chunk = await fetch(`${server.url}/porthole-kb.js`);
    assert.equal(chunk.status, 200);
    assert.equal(chunk.headers.get('Content-Type'), 'text/javascript; charset=utf-8');
    assert.equal(chunk.headers.get('Cache-Control'), 'public, max-age=31536000, immutable');
    assert.equal(chunk.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.equal(await chunk.text(), 'export const kb = 1;');
    const etag = chunk.headers.get('ETag');
    assert.ok(etag);
    const again = await fetch(`${server.url}/porthole-kb.js?retry=1`, {
      headers: { 'If-None-Match': etag },
    });
    assert.equal(again.status, 304, 'a query string (cache buster, retry) names the same file');
    const map = await fetch(`${server.url}/porthole-kb.js.map`);
    assert.equal(map.status, 200);
    assert.equal(map.headers.get('Content-Type'), 'application/json; charset=utf-8');
    assert.equal((await fetch(`${server.url}/porthole-tickets.js`)).status, 404, 'not built');
  });

  it('sends brotli when the browser takes it, precompressed files first', async () => {
    const br = await rawGet(server.url, '/porthole-panel-0a1b2c3d4e.js', 'GET', {
      'Accept-Encoding': 'gzip, deflate, br, zstd',
    });
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-encoding'], 'br', 'br preferred over an equal gzip');
    assert.equal(br.headers['vary'], 'Accept-Encoding');
    assert.equal(brotliDecompressSync(br.bytes).toString(), '/* precompressed br */');
    assert.equal(br.headers['content-length'], String(br.bytes.length));
    assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');

    const gz = await rawGet(server.url, '/porthole-panel-0a1b2c3d4e.js', 'GET', {
      'Accept-Encoding': 'gzip, br;q=0.5',
    });
    assert.equal(gz.headers['content-encoding'], 'gzip', 'the higher q wins');
    assert.equal(gunzipSync(gz.bytes).toString(), '/* precompressed gz */');
    assert.notEqual(gz.headers['etag'], br.headers['etag'], 'one ETag per representation');
  });

  it('compresses files without a precompressed copy (or with an outdated one) itself', async () => {
    const br = await rawGet(server.url, '/big.js', 'GET', { 'Accept-Encoding': 'br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br.bytes).toString(), BIG_SCRIPT);
    assert.ok(br.bytes.length < BIG_SCRIPT.length / 10, `${br.bytes.length} bytes`);
    const stale = await rawGet(server.url, '/stale.js', 'GET', { 'Accept-Encoding': 'br' });
    assert.equal(brotliDecompressSync(stale.bytes).toString(), BIG_SCRIPT, '.br older: ignored');
    const gz = await rawGet(server.url, '/big.js', 'GET', { 'Accept-Encoding': 'gzip' });
    assert.equal(gunzipSync(gz.bytes).toString(), BIG_SCRIPT);

    const plain = await rawGet(server.url, '/big.js', 'GET', {
      'Accept-Encoding': 'br;q=0, gzip;q=0',
    });
    assert.equal(plain.headers['content-encoding'], undefined, 'refused encodings are not sent');
    assert.equal(plain.body, BIG_SCRIPT);
    assert.equal(plain.headers['vary'], 'Accept-Encoding');
    const none = await rawGet(server.url, '/big.js');
    assert.equal(none.headers['content-encoding'], undefined, 'no Accept-Encoding, no encoding');

    const small = await rawGet(server.url, '/app.css', 'GET', { 'Accept-Encoding': 'br' });
    assert.equal(small.headers['content-encoding'], undefined, 'too small to be worth it');
    const tiny = await rawGet(server.url, '/tiny.js', 'GET', { 'Accept-Encoding': 'br' });
    assert.equal(tiny.headers['content-encoding'], 'br', 'small, but precompressed already');
    assert.equal(brotliDecompressSync(tiny.bytes).toString(), 'export {};');
  });

  it('answers 304 for a compressed representation and HEAD with its length', async () => {
    const first = await rawGet(server.url, '/big.js', 'GET', { 'Accept-Encoding': 'br' });
    const etag = String(first.headers['etag']);
    const again = await rawGet(server.url, '/big.js', 'GET', {
      'Accept-Encoding': 'br',
      'If-None-Match': `"other", ${etag}`,
    });
    assert.equal(again.status, 304);
    assert.equal(again.bytes.length, 0);
    const gzipAgain = await rawGet(server.url, '/big.js', 'GET', {
      'Accept-Encoding': 'gzip',
      'If-None-Match': etag,
    });
    assert.equal(gzipAgain.status, 200, 'the br ETag does not match the gzip representation');
    const head = await rawGet(server.url, '/big.js', 'HEAD', { 'Accept-Encoding': 'br' });
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], String(first.bytes.length));
    assert.equal(head.bytes.length, 0);
  });

  it('serves nothing else from the widget folder', async () => {
    for (const path of [
      '/porthole-kb.json',
      '/porthole-KB.js',
      '/porthole-.js',
      '/other.js',
      '/secret.txt',
      '/porthole-kb.js.map.bak',
      '/porthole%2dkb.js',
      '/porthole-kb%2ejs',
      '/porthole-..%2fsecret.txt',
      '/porthole-kb.js%2f..%2fsecret.txt',
      '/porthole-kb.js/../secret.txt',
      '/kb/porthole-kb.js',
    ]) {
      const answer = await rawGet(server.url, path);
      assert.ok(!answer.body.includes(SECRET), `${path} leaked the secret`);
      assert.ok(!answer.body.includes('export const kb'), `${path} served a chunk`);
      assert.ok([301, 400, 404].includes(answer.status), `${path} answered ${answer.status}`);
    }
    const site = await fetch(`${server.url}/app.css`);
    assert.equal(site.status, 200, 'other single-segment paths still reach the site');
  });

  it('never serves a file outside its folder', async () => {
    const attempts = [
      '/kb/../secret.txt',
      '/kb/../../secret.txt',
      '/kb/..%2fsecret.txt',
      '/kb/..%2f..%2fsecret.txt',
      '/kb/%2e%2e/secret.txt',
      '/kb/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/kb/..%5c..%5csecret.txt',
      '/kb/..\\..\\secret.txt',
      '/kb/articles/../../../secret.txt',
      '/kb/%252e%252e/secret.txt',
      '/kb/.env',
      '/kb/%2eenv',
      '/kb/escape.json',
      '/kb/manifest.json%00.png',
      '/..%2f..%2fsecret.txt',
      '/%2e%2e/%2e%2e/secret.txt',
      '/../secret.txt',
      '//secret.txt',
      '/docs/..%2f..%2fsecret.txt',
      '/porthole.js/../secret.txt',
    ];
    for (const path of attempts) {
      const answer = await rawGet(server.url, path);
      assert.ok(!answer.body.includes(SECRET), `${path} leaked the secret`);
      assert.ok([301, 400, 404].includes(answer.status), `${path} answered ${answer.status}`);
      if (answer.status === 301) {
        assert.match(String(answer.headers.location), /^(\.\/|\/kb\/$)/, `${path} redirected`);
      }
    }
  });
});
