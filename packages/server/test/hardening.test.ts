import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import {
  startServer,
  type RunningServer,
  type ServerOptions,
  type TicketDetail,
} from '@porthole/server';
import {
  AGENT_TOKEN,
  createCapturingLogger,
  databaseTargets,
  type TestDatabase,
} from './helpers.js';

const ticket = { email: 'ada@example.com', subject: 'Help', message: 'Please help.' };
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('pixels')]);
const asAgent = { Authorization: `Bearer ${AGENT_TOKEN}` };

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function withServer(
  target: (typeof databaseTargets)[number],
  options: ServerOptions,
  run: (server: RunningServer, database: TestDatabase) => Promise<void>,
): Promise<void> {
  const database = await target.create();
  const server = await startServer({
    port: 0,
    databaseUrl: database.url,
    agentToken: AGENT_TOKEN,
    rateLimit: false,
    logger: createCapturingLogger(),
    ...options,
  });
  try {
    await run(server, database);
  } finally {
    await server.close();
    await database.drop();
  }
}

async function call(server: RunningServer, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

const post = (server: RunningServer, body: unknown, headers: Record<string, string> = {}) =>
  call(server, '/v1/tickets', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function upload(server: RunningServer, content: Buffer, name: string): Promise<Answer> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), name);
  return call(server, '/v1/uploads', { method: 'POST', body: form });
}

const sqlite = databaseTargets[0] ?? assert.fail('no SQLite target');

describe('the intake refuses what it should, on SQLite', () => {
  let server: RunningServer;
  let database: TestDatabase;
  before(async () => {
    database = await sqlite.create();
    server = await startServer({
      port: 0,
      databaseUrl: database.url,
      agentToken: AGENT_TOKEN,
      allowedOrigins: ['https://shop.example'],
      rateLimit: false,
      requestTimeoutMs: 500,
      identitySecret: 'identity-secret-0123456789',
      pageUrlParams: ['tab'],
      ticketFields: [
        { name: 'plan', type: 'hidden' },
        { name: 'topic', type: 'select', options: ['billing', 'bug'], required: true },
        { name: 'newsletter', type: 'checkbox' },
      ],
      attachments: { maxFiles: 2, maxFileBytes: 1024, maxTotalBytes: 1500 },
      logger: createCapturingLogger(),
    });
  });
  after(async () => {
    await server.close();
    await database.drop();
  });

  const valid = { ...ticket, metadata: { topic: 'bug' } };

  it('checks Origin on POST itself: 403 for other sites, with Vary: Origin', async () => {
    const refused = await post(server, valid, { Origin: 'https://evil.example' });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error, 'origin_not_allowed');
    assert.match(refused.headers.get('Vary') ?? '', /Origin/);
    const allowed = await post(server, valid, { Origin: 'https://shop.example' });
    assert.equal(allowed.status, 201);
    assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), 'https://shop.example');
    assert.match(allowed.headers.get('Vary') ?? '', /Origin/);
    const own = await post(server, valid, { Origin: server.url });
    assert.equal(own.status, 201);
  });

  it('answers 431, not 500, to 1,500 request headers', async () => {
    const headers: Record<string, string> = {};
    for (let i = 0; i < 1_500; i++) headers[`x-h${i}`] = 'v';
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = httpRequest(`${server.url}/v1/tickets`, { method: 'POST', headers }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end('{}');
    });
    assert.equal(status, 431);
    const short: Record<string, string> = {};
    for (let i = 0; i < 300; i++) short[`x${i}`] = '1';
    const many = await call(server, '/healthz', { headers: short });
    assert.equal(many.status, 431);
    assert.equal(many.body.error, 'too_many_headers');
  });

  it('closes a connection whose body trickles in past the request timeout (408)', async () => {
    const { port } = new URL(server.url);
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST /v1/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"em',
        );
      });
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    assert.match(reply, /^HTTP\/1\.1 408/);
  });

  it('stores the page address without its query and fragment, except allowed parameters', async () => {
    const created = await post(server, {
      ...valid,
      pageUrl: 'https://a.example/p?email=x%40y.z&tab=2&token=t#frag',
    });
    const stored = await call(server, `/v1/tickets/${String(created.body.id)}`, {
      headers: asAgent,
    });
    assert.equal(stored.body.pageUrl, 'https://a.example/p?tab=2');
  });

  it('marks a ticket verified only when userHash is the HMAC of its email', async () => {
    const hash = createHmac('sha256', 'identity-secret-0123456789')
      .update(ticket.email)
      .digest('hex');
    const good = await post(server, { ...valid, userHash: hash });
    const bad = await post(server, {
      ...valid,
      userHash: hash.replace(/^./, hash[0] === 'a' ? 'b' : 'a'),
    });
    const read = (id: unknown) => call(server, `/v1/tickets/${String(id)}`, { headers: asAgent });
    assert.equal((await read(good.body.id)).body.verified, true);
    assert.equal((await read(bad.body.id)).body.verified, false);
    assert.equal((await read(good.body.id)).body.userHash, undefined);
  });

  it('accepts only the configured fields in metadata, checked by type', async () => {
    const unknown = await post(server, { ...ticket, metadata: { topic: 'bug', admin: true } });
    assert.equal(unknown.status, 400);
    assert.match(String(unknown.body.message), /"admin" is not a field/);
    const option = await post(server, { ...ticket, metadata: { topic: 'other' } });
    assert.equal(option.status, 400);
    assert.equal(
      typeof (option.body.fieldErrors as Record<string, string>)['metadata.topic'],
      'string',
    );
    const missing = await post(server, { ...ticket, metadata: { plan: 'pro' } });
    assert.equal(missing.status, 400);
    const ok = await post(server, {
      ...ticket,
      metadata: { topic: 'billing', plan: 'pro', newsletter: true },
    });
    assert.equal(ok.status, 201);
  });

  it('drops a ticket whose honeypot is filled in, answering as if it were stored', async () => {
    const bot = await post(server, {
      ...valid,
      subject: 'Cheap watches',
      website: 'http://spam.example',
    });
    assert.equal(bot.status, 201);
    const read = await call(server, `/v1/tickets/${String(bot.body.id)}`, { headers: asAgent });
    assert.equal(read.status, 404);
  });

  it('scopes idempotency keys to the sender: another email under the same key is a new ticket', async () => {
    const first = await post(server, valid, { 'Idempotency-Key': 'shared-key' });
    const other = await post(
      server,
      { ...valid, email: 'eve@example.com' },
      { 'Idempotency-Key': 'shared-key' },
    );
    assert.equal(other.status, 201);
    assert.notEqual(other.body.id, first.body.id);
    assert.equal(other.headers.get('Idempotent-Replayed'), null);
  });

  it('forgets idempotency keys once they expire', async () => {
    const first = await post(server, valid, { 'Idempotency-Key': 'aging-key' });
    const file = new URL(database.url.replace(/^sqlite:/, 'file:')).pathname;
    const raw = new SQLite(file);
    raw.prepare("update idempotency_keys set created_at = '2000-01-01T00:00:00.000Z'").run();
    raw.close();
    const again = await post(server, valid, { 'Idempotency-Key': 'aging-key' });
    assert.equal(again.status, 201);
    assert.notEqual(again.body.id, first.body.id);
  });

  it('stores uploads by content type, lists them on the ticket, and serves them to agents', async () => {
    const png = await upload(server, PNG, 'screenshot.txt');
    assert.equal(png.status, 201);
    assert.equal(png.body.type, 'image/png', 'the type came from the name, not the content');
    const text = await upload(server, Buffer.from('hello'), '../../etc/notes.txt');
    assert.equal(text.body.name, 'notes.txt');
    const created = await post(server, { ...valid, attachments: [png.body.id, text.body.id] });
    assert.equal(created.status, 201);
    const detail = (
      await call(server, `/v1/tickets/${String(created.body.id)}`, { headers: asAgent })
    ).body as unknown as TicketDetail;
    assert.deepEqual(
      detail.attachments.map((a) => [a.name, a.type, a.size]),
      [
        ['screenshot.txt', 'image/png', PNG.length],
        ['notes.txt', 'text/plain', 5],
      ],
    );
    const download = await fetch(`${server.url}${detail.attachments[0]?.url ?? ''}`, {
      headers: asAgent,
    });
    assert.equal(download.status, 200);
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), PNG);
    assert.match(
      download.headers.get('Content-Disposition') ?? '',
      /^attachment; filename\*=UTF-8''screenshot\.txt$/,
    );
    const anonymous = await fetch(`${server.url}${detail.attachments[0]?.url ?? ''}`);
    assert.equal(anonymous.status, 401);
    const reused = await post(server, { ...valid, attachments: [png.body.id] });
    assert.equal(reused.status, 400);
    assert.match(String(reused.body.message), /already sent with another ticket/);
  });

  it('refuses a file over the size limit, of a type not allowed, or too many in total, with clear messages', async () => {
    const big = await upload(server, Buffer.alloc(1_025, 'a'), 'big.txt');
    assert.equal(big.status, 413);
    assert.match(String(big.body.message), /big\.txt is larger than/);
    const exe = await upload(server, Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), 'invoice.pdf');
    assert.equal(exe.status, 415);
    assert.match(
      String(exe.body.message),
      /invoice\.pdf is not a file type this help desk accepts \(PNG, JPEG/,
    );
    const a = await upload(server, Buffer.alloc(1_000, 'a'), 'a.txt');
    const b = await upload(server, Buffer.alloc(1_000, 'b'), 'b.txt');
    const tooMuch = await post(server, { ...valid, attachments: [a.body.id, b.body.id] });
    assert.equal(tooMuch.status, 400);
    assert.match(String(tooMuch.body.message), /add up to more than/);
    // Nothing was lost: the files are still there for a smaller ticket.
    assert.equal((await post(server, { ...valid, attachments: [a.body.id] })).status, 201);
  });

  it('tells a form its attachment limits on GET /v1/uploads, to allowed origins', async () => {
    const limits = await call(server, '/v1/uploads', {
      headers: { Origin: 'https://shop.example' },
    });
    assert.equal(limits.status, 200);
    assert.deepEqual(limits.body, {
      maxFiles: 2,
      maxFileBytes: 1024,
      maxTotalBytes: 1500,
      types: [
        'image/png',
        'image/jpeg',
        'image/gif',
        'image/webp',
        'application/pdf',
        'text/plain',
      ],
    });
    assert.equal(limits.headers.get('Access-Control-Allow-Origin'), 'https://shop.example');
    const refused = await call(server, '/v1/uploads', {
      headers: { Origin: 'https://evil.example' },
    });
    assert.equal(refused.status, 403);
    const wrong = await call(server, '/v1/uploads', { method: 'DELETE' });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('Allow'), 'GET, HEAD, POST, OPTIONS');
  });

  it('filters the ticket list by status and date', async () => {
    const created = await post(server, valid);
    const createdAt = String(created.body.createdAt);
    const since = await call(
      server,
      `/v1/tickets?from=${encodeURIComponent(createdAt)}&status=open`,
      { headers: asAgent },
    );
    const ids = (since.body.tickets as { id: string }[]).map((t) => t.id);
    assert.ok(ids.includes(String(created.body.id)));
    const before = await call(server, `/v1/tickets?to=${encodeURIComponent(createdAt)}`, {
      headers: asAgent,
    });
    assert.ok(!(before.body.tickets as { id: string }[]).some((t) => t.id === created.body.id));
    const closed = await call(server, '/v1/tickets?status=closed', { headers: asAgent });
    assert.deepEqual(closed.body.tickets, []);
    const bad = await call(server, '/v1/tickets?from=yesterday', { headers: asAgent });
    assert.equal(bad.status, 400);
  });
});

describe('rate limiting per client address', () => {
  it('answers 429 with Retry-After past the limit, per address', async () => {
    await withServer(sqlite, { rateLimit: { limit: 3, windowMs: 60_000 } }, async (server) => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await post(server, ticket)).status);
      assert.deepEqual(statuses, [201, 201, 201, 429]);
      const limited = await post(server, ticket);
      assert.equal(limited.body.error, 'rate_limited');
      const retryAfter = Number(limited.headers.get('Retry-After'));
      assert.ok(retryAfter >= 1 && retryAfter <= 60);
    });
  });
});

describe('PostgreSQL', { skip: databaseTargets[1]?.skip ?? 'no target' }, () => {
  it('applies the same attachment and idempotency rules', async () => {
    const target = databaseTargets[1] ?? assert.fail('no PostgreSQL target');
    await withServer(target, {}, async (server) => {
      const png = await upload(server, PNG, 'p.png');
      const created = await post(
        server,
        { ...ticket, attachments: [png.body.id] },
        { 'Idempotency-Key': 'k1' },
      );
      assert.equal(created.status, 201);
      const replay = await post(
        server,
        { ...ticket, attachments: [png.body.id] },
        { 'Idempotency-Key': 'k1' },
      );
      assert.equal(replay.body.id, created.body.id);
      const reused = await post(server, { ...ticket, attachments: [png.body.id] });
      assert.equal(reused.status, 400);
      const detail = await call(server, `/v1/tickets/${String(created.body.id)}`, {
        headers: asAgent,
      });
      assert.equal((detail.body.attachments as unknown[]).length, 1);
    });
  });

  it('gives each idempotency key one ticket and one receipt across two servers on one database', async () => {
    const target = databaseTargets[1] ?? assert.fail('no PostgreSQL target');
    await withServer(target, {}, async (first, database) => {
      const second = await startServer({
        port: 0,
        databaseUrl: database.url,
        agentToken: AGENT_TOKEN,
        rateLimit: false,
        logger: createCapturingLogger(),
      });
      try {
        // Both servers get every key at once, inside batches of other tickets.
        const keys = Array.from({ length: 30 }, (_, n) => `race-${n}`);
        const answers = await Promise.all(
          keys.flatMap((key) =>
            [first, second].map((server) => post(server, ticket, { 'Idempotency-Key': key })),
          ),
        );
        assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([201]));
        for (let n = 0; n < keys.length; n++) {
          assert.equal(answers[2 * n]?.body.id, answers[2 * n + 1]?.body.id, keys[n]);
        }
        const list = await call(first, '/v1/tickets?limit=100', { headers: asAgent });
        const ids = (list.body.tickets as { id: string }[]).map((t) => t.id).sort();
        assert.deepEqual(ids, [...new Set(answers.map((a) => String(a.body.id)))].sort());
      } finally {
        await second.close();
      }
    });
  });
});
