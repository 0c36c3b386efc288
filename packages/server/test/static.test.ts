import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '@porthole/server';
import { createCapturingLogger } from './helpers.js';

const SECRET = 'TOP-SECRET-CONTENT';

/** A raw request, so that `..` and odd encodings reach the server exactly as written. */
function rawGet(
  base: string,
  path: string,
  method = 'GET',
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const req = httpRequest({ hostname, port, path, method }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

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
    await writeFile(join(kb, 'articles', 'en', 'reset-password.json'), '{"html":"<p>Hi</p>"}');
    await symlink(join(root, 'secret.txt'), join(kb, 'escape.json'));
    await writeFile(join(site, 'index.html'), '<!doctype html><title>Home</title>');
    await writeFile(join(site, 'docs', 'index.html'), '<!doctype html><title>Docs</title>');
    await writeFile(join(site, 'app.css'), 'body{}');
    await writeFile(join(root, 'porthole.js'), 'console.log("widget")');
    await writeFile(join(root, 'porthole.js.map'), '{"version":3}');
    await writeFile(join(root, 'porthole-kb.js'), 'export const kb = 1;');
    await writeFile(join(root, 'porthole-kb.js.map'), '{"version":3}');
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

  it('serves the knowledge base as JSON with a short cache', async () => {
    const response = await fetch(`${server.url}/kb/manifest.json`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'application/json; charset=utf-8');
    assert.equal(response.headers.get('Cache-Control'), 'public, max-age=60');
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
    const map = await fetch(`${server.url}/porthole.js.map`);
    assert.equal(map.status, 200);
    assert.equal(map.headers.get('Content-Type'), 'application/json; charset=utf-8');
  });

  it('serves the parts the widget loads from beside itself, like the widget', async () => {
    const chunk = await fetch(`${server.url}/porthole-kb.js`);
    assert.equal(chunk.status, 200);
    assert.equal(chunk.headers.get('Content-Type'), 'text/javascript; charset=utf-8');
    assert.equal(chunk.headers.get('Cache-Control'), 'public, max-age=60');
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
