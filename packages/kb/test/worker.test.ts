/**
 * The worker protocol: a knowledge base opened through `connectKnowledgeBase` answers exactly
 * as one opened directly. Node's `worker_threads` MessageChannel stands in for a Worker: it
 * is the same structured-clone message port the browser uses.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { compileKnowledgeBase, type CompileResult } from '@porthole/kb-compiler';
import { KnowledgeBaseError, openKnowledgeBase } from '../src/node.js';
import { connectKnowledgeBase, serveKnowledgeBase } from '../src/worker.js';

let result: CompileResult;
let server: Server;
let base: string;
const channel = new MessageChannel();

before(async () => {
  result = await compileKnowledgeBase({ contentDir: join(import.meta.dirname, 'fixtures/help') });
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname.replace(/^\/kb\//, '');
    const body = result.files[decodeURIComponent(path)];
    response.writeHead(body === undefined ? 404 : 200);
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  base = `http://127.0.0.1:${address.port}/kb/`;
  serveKnowledgeBase(channel.port1);
});

after(async () => {
  channel.port1.close();
  channel.port2.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('worker protocol', () => {
  test('search, article, locales and articles() match a directly opened knowledge base', async () => {
    const direct = await openKnowledgeBase(result);
    const remote = await connectKnowledgeBase(channel.port2, base);
    assert.deepEqual(remote.locales, direct.locales);
    assert.equal(remote.resolveLocale('hr-HR'), 'hr');
    assert.deepEqual(remote.articles('pl'), direct.articles('pl'));
    for (const [query, locale] of [
      ['reset pasword', 'en'],
      ['lozinka', 'hr'],
      ['how do I bake bread', 'en'],
    ] as const) {
      const [a, b] = await Promise.all([
        remote.search(query, { locale }),
        direct.search(query, { locale }),
      ]);
      assert.deepEqual([...a], [...b], query);
      assert.equal(a.confident, b.confident, query);
    }
    const article = await remote.article('billing/refunds', 'en');
    assert.equal(article.title, 'Refunds and cancellations');
    assert.ok(article.sections.length > 0);
  });

  test('errors cross as KnowledgeBaseErrors with their code', async () => {
    const remote = await connectKnowledgeBase(channel.port2, base);
    await assert.rejects(remote.article('no/such', 'en'), (error: unknown) => {
      assert.ok(error instanceof KnowledgeBaseError);
      assert.equal(error.code, 'not-found');
      return true;
    });
    await assert.rejects(connectKnowledgeBase(channel.port2, `${base}missing/`), {
      name: 'KnowledgeBaseError',
      code: 'not-found',
    });
  });
});
