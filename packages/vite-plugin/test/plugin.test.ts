/**
 * The Vite plugin on the example site: `vite build` emits the knowledge base and the widget
 * files; a broken article fails the build with its position; `vite dev` serves the KB from
 * memory and sends a full reload when an article changes (waited for as an event).
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build, createServer, type ViteDevServer } from 'vite';
import porthole from '../src/index.js';

const example = resolve(import.meta.dirname, '../../../examples/vite-site');
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'porthole-vite-'));
  await cp(example, join(dir, 'site'), {
    recursive: true,
    filter: (src) => !src.includes('node_modules') && !src.includes('dist'),
  });
});
after(() => rm(dir, { recursive: true, force: true }));

const config = (root: string) => ({
  root,
  configFile: false as const,
  logLevel: 'silent' as const,
  plugins: [porthole({ content: 'content' })],
});

describe('vite build', () => {
  test('emits the knowledge base under /kb/ and the widget files beside index.html', async () => {
    const outDir = join(dir, 'out');
    await build({ ...config(join(dir, 'site')), build: { outDir, emptyOutDir: true } });
    const manifest = JSON.parse(await readFile(join(outDir, 'kb/manifest.json'), 'utf8')) as {
      locales: { articles: { slug: string }[] }[];
    };
    assert.deepEqual(
      manifest.locales[0]?.articles.map((a) => a.slug),
      ['subscriptions', 'billing/refunds'],
    );
    assert.match(await readFile(join(outDir, 'porthole.js'), 'utf8'), /\S/);
    assert.match(await readFile(join(outDir, 'index.html'), 'utf8'), /data-kb="\/kb\/"/);
  });

  test('an article with an error fails the build with file:line:col', async () => {
    const root = join(dir, 'broken');
    await cp(join(dir, 'site'), root, { recursive: true });
    await writeFile(join(root, 'content/en/bad.md'), '# Bad\n\n[gone](gone.md)\n');
    await assert.rejects(
      build({ ...config(root), build: { outDir: join(dir, 'broken-out') } }),
      /bad\.md:3:8 error link to a missing article "gone\.md"/,
    );
  });
});

describe('vite dev', () => {
  let server: ViteDevServer;
  let url: string;
  before(async () => {
    server = await createServer({
      ...config(join(dir, 'site')),
      server: { port: 0, host: '127.0.0.1' },
    });
    await server.listen();
    url = server.resolvedUrls?.local[0] ?? '';
  });
  after(() => server.close());

  test('serves the knowledge base from memory and reloads the page when an article changes', async () => {
    const before = (await (await fetch(new URL('kb/manifest.json', url))).json()) as {
      locales: { articles: { title: string }[] }[];
    };
    assert.ok(before.locales[0]?.articles.some((a) => a.title === 'Refunds'));
    const reloaded = new Promise<unknown>((done) => {
      const send = server.ws.send.bind(server.ws);
      server.ws.send = ((payload: unknown) => {
        if ((payload as { type?: string }).type === 'full-reload') done(payload);
        return send(payload as never);
      }) as typeof server.ws.send;
    });
    await writeFile(
      join(dir, 'site/content/en/billing/refunds.md'),
      '---\ntitle: Refunds and returns\n---\n\nText.\n',
    );
    await reloaded;
    const after = (await (await fetch(new URL('kb/manifest.json', url))).json()) as {
      locales: { articles: { title: string }[] }[];
    };
    assert.ok(after.locales[0]?.articles.some((a) => a.title === 'Refunds and returns'));
    assert.equal((await fetch(new URL('porthole.js', url))).status, 200);
  });
});
