import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import SQLite from 'better-sqlite3';
import { after, before, describe, it } from 'node:test';
import { createServer, startServer, type RunningServer, type TicketRecord } from '@porthole/server';
import { createHttpAdapter, createIdempotencyKey, type TicketReceipt } from '@porthole/tickets';
import { describeAdapterConformance } from '@porthole/tickets/conformance';
import {
  AGENT_TOKEN,
  createCapturingLogger,
  databaseTargets,
  type CapturingLogger,
  type TestDatabase,
} from './helpers.js';

const ticket = {
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  subject: 'Cannot reset my password',
  message: 'The link says it expired.\n<b>Help</b> & thanks — Ελληνικά 😀',
  locale: 'en',
  pageUrl: 'https://example.com/account?tab=security',
  metadata: { plan: 'pro', seats: 3, trial: false },
};

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

for (const target of databaseTargets) {
  describe(`ticket API on ${target.name}`, { skip: target.skip }, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let logger: CapturingLogger;

    const start = async (options: { port?: number } = {}) =>
      startServer({
        port: 0,
        databaseUrl: database.url,
        agentToken: AGENT_TOKEN,
        allowedOrigins: ['https://shop.example'],
        rateLimit: false,
        logger,
        ...options,
      });

    before(async () => {
      database = await target.create();
      logger = createCapturingLogger();
      server = await start();
    });
    after(async () => {
      await server?.close();
      await database?.drop();
    });

    async function call(path: string, init: RequestInit = {}): Promise<Answer> {
      const response = await fetch(`${server.url}${path}`, init);
      const text = await response.text();
      assert.doesNotMatch(text, /\n\s+at |node_modules|\.ts:\d+/, 'a stack trace leaked');
      const body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
      return { status: response.status, headers: response.headers, body };
    }

    function post(body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
      return call('/v1/tickets', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    }

    const asAgent = { headers: { Authorization: `Bearer ${AGENT_TOKEN}` } };

    async function listAll(): Promise<TicketRecord[]> {
      const tickets: TicketRecord[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `?limit=200&cursor=${cursor}` : '?limit=200';
        const page = await call(`/v1/tickets${query}`, asAgent);
        assert.equal(page.status, 200);
        tickets.push(...(page.body.tickets as TicketRecord[]));
        cursor = page.body.nextCursor as string | null;
      } while (cursor);
      return tickets;
    }

    it('creates a ticket (201) that agents can read back verbatim', async () => {
      const created = await post(ticket, { 'User-Agent': 'porthole-test/1.0' });
      assert.equal(created.status, 201);
      const receipt = created.body as unknown as TicketReceipt;
      assert.deepEqual(Object.keys(receipt).sort(), ['createdAt', 'id', 'reference']);
      assert.match(receipt.reference, /^PH-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      assert.equal(created.headers.get('Location'), `/v1/tickets/${receipt.id}`);

      const one = await call(`/v1/tickets/${receipt.id}`, asAgent);
      assert.equal(one.status, 200);
      assert.deepEqual(one.body, {
        ...receipt,
        status: 'open',
        ...ticket,
        // The query string is dropped before storing: it often carries tokens or emails.
        pageUrl: 'https://example.com/account',
        userAgent: 'porthole-test/1.0',
        verified: false,
        attachments: [],
        deliveries: [],
      });
      const all = await listAll();
      assert.ok(all.some((t) => t.id === receipt.id));
    });

    it('stores optional fields that were left out as null', async () => {
      const created = await post({ email: 'b@example.com', subject: 'Hi', message: 'Hello' });
      const one = await call(`/v1/tickets/${String(created.body.id)}`, asAgent);
      assert.equal(one.body.name, null);
      assert.equal(one.body.metadata, null);
      assert.equal(one.body.pageUrl, null);
    });

    it('answers 400 with field errors from the shared schema', async () => {
      const answer = await post({ ...ticket, email: 'ada', message: 'a\u0000b' });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.error, 'invalid_ticket');
      assert.deepEqual(answer.body.fieldErrors, {
        email: 'Enter an email address like name@example.com',
        message: 'Message contains an invisible control character; remove it and try again',
      });
      assert.equal(typeof answer.body.message, 'string');
    });

    it('answers 400 for broken JSON and for bytes that are not UTF-8', async () => {
      const broken = await post('{"email": ');
      assert.equal(broken.status, 400);
      assert.equal(broken.body.error, 'invalid_json');
      const latin1 = await fetch(`${server.url}/v1/tickets`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: new Uint8Array([
          ...Buffer.from('{"email":"a@example.com","subject":"Caf'),
          0xe9,
          ...Buffer.from('","message":"m"}'),
        ]),
      });
      assert.equal(latin1.status, 400);
      assert.equal(((await latin1.json()) as { error: string }).error, 'invalid_json');
    });

    it('answers 415 to anything but JSON', async () => {
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', '']) {
        const answer = await call('/v1/tickets', {
          method: 'POST',
          headers: contentType ? { 'Content-Type': contentType } : {},
          body: contentType ? JSON.stringify(ticket) : new Blob([JSON.stringify(ticket)]),
        });
        assert.equal(answer.status, 415, contentType);
        assert.equal(answer.body.error, 'unsupported_media_type');
        assert.match(String(answer.body.message), /Content-Type: application\/json/);
      }
      assert.equal(
        (await post(ticket, { 'Content-Type': 'application/json; charset=utf-8' })).status,
        201,
      );
    });

    it('answers 413 JSON to a body over maxBodyBytes, with or without Content-Length', async () => {
      const big = JSON.stringify({ ...ticket, message: 'x'.repeat(140 * 1024) });
      const declared = await post(big);
      assert.equal(declared.status, 413);
      assert.equal(declared.body.error, 'payload_too_large');

      // Chunked: no Content-Length, the limit must hold while streaming.
      const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(`${server.url}/v1/tickets`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
        });
        req.on('response', (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        for (let i = 0; i < 140; i++) req.write(big.slice(i * 1024, (i + 1) * 1024));
        req.end(big.slice(140 * 1024));
      });
      assert.equal(chunked.status, 413);
      assert.equal((JSON.parse(chunked.body) as { error: string }).error, 'payload_too_large');
    });

    it('accepts the largest valid message: 20,000 three-byte characters', async () => {
      const answer = await post({ ...ticket, message: '中'.repeat(20_000) });
      assert.equal(answer.status, 201);
    });

    it('replays the same answer for a repeated Idempotency-Key and stores one ticket', async () => {
      const key = createIdempotencyKey();
      const before = (await listAll()).length;
      const first = await post(ticket, { 'Idempotency-Key': key });
      const again = await post(ticket, { 'Idempotency-Key': key });
      assert.equal(first.status, 201);
      assert.equal(again.status, 201);
      assert.deepEqual(again.body, first.body);
      assert.equal(first.headers.get('Idempotent-Replayed'), null);
      assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
      assert.equal((await listAll()).length, before + 1);
    });

    it('stores exactly one ticket for 20 concurrent requests with one key', async () => {
      const key = createIdempotencyKey();
      const subject = `Concurrent ${key}`;
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => post({ ...ticket, subject }, { 'Idempotency-Key': key })),
      );
      for (const answer of answers) {
        assert.equal(answer.status, 201);
        assert.deepEqual(answer.body, answers[0]?.body);
      }
      const stored = (await listAll()).filter((t) => t.subject === subject);
      assert.equal(stored.length, 1);
      assert.equal(stored[0]?.id, answers[0]?.body.id);
    });

    it('answers 422 when a used key comes with a different ticket', async () => {
      const key = createIdempotencyKey();
      assert.equal((await post(ticket, { 'Idempotency-Key': key })).status, 201);
      const other = await post(
        { ...ticket, message: 'Something else' },
        { 'Idempotency-Key': key },
      );
      assert.equal(other.status, 422);
      assert.equal(other.body.error, 'idempotency_key_reused');
      // Trimming does not make a ticket "different".
      const trimmed = await post(
        { ...ticket, subject: ` ${ticket.subject} ` },
        { 'Idempotency-Key': key },
      );
      assert.equal(trimmed.status, 201);
    });

    it('refuses Idempotency-Key values that are empty, too long or not printable ASCII', async () => {
      for (const key of ['k'.repeat(256), 'clé-é']) {
        const answer = await call('/v1/tickets', {
          method: 'POST',
          headers: new Headers([
            ['Content-Type', 'application/json'],
            ['Idempotency-Key', Buffer.from(key).toString('latin1')],
          ]),
          body: JSON.stringify(ticket),
        });
        assert.equal(answer.status, 400, key);
        assert.equal(answer.body.error, 'invalid_idempotency_key');
      }
      assert.equal((await post(ticket, { 'Idempotency-Key': 'k'.repeat(255) })).status, 201);
    });

    it('asks for the agent token: 401 without it or with a wrong one', async () => {
      for (const authorization of [undefined, 'Bearer wrong', `Basic ${AGENT_TOKEN}`, 'Bearer']) {
        const headers: Record<string, string> = authorization
          ? { Authorization: authorization }
          : {};
        for (const path of ['/v1/tickets', `/v1/tickets/${createIdempotencyKey()}`]) {
          const answer = await call(path, { headers });
          assert.equal(answer.status, 401, `${authorization} ${path}`);
          assert.equal(answer.body.error, 'unauthorized');
          assert.match(String(answer.body.message), /Authorization: Bearer/);
          assert.match(answer.headers.get('WWW-Authenticate') ?? '', /^Bearer/);
        }
      }
    });

    it('refuses the agent API (403) when no token is configured, saying how to enable it', async () => {
      const saved = process.env.PORTHOLE_AGENT_TOKEN;
      delete process.env.PORTHOLE_AGENT_TOKEN;
      const open = await createServer({ databaseUrl: database.url, logger });
      try {
        const response = await open.app.fetch(
          new Request('http://localhost/v1/tickets', {
            headers: { Authorization: 'Bearer anything' },
          }),
        );
        assert.equal(response.status, 403);
        const body = (await response.json()) as { error: string; message: string };
        assert.equal(body.error, 'agent_api_disabled');
        assert.match(body.message, /PORTHOLE_AGENT_TOKEN/);
      } finally {
        await open.close();
        if (saved !== undefined) process.env.PORTHOLE_AGENT_TOKEN = saved;
      }
    });

    it('reads the agent token from PORTHOLE_AGENT_TOKEN by default', async () => {
      const saved = process.env.PORTHOLE_AGENT_TOKEN;
      process.env.PORTHOLE_AGENT_TOKEN = 'from-the-environment-123';
      try {
        const fromEnv = await createServer({ databaseUrl: database.url, logger });
        const ask = (token: string) =>
          fromEnv.app.fetch(
            new Request('http://localhost/v1/tickets?limit=1', {
              headers: { Authorization: `Bearer ${token}` },
            }),
          );
        assert.equal((await ask('from-the-environment-123')).status, 200);
        assert.equal((await ask(AGENT_TOKEN)).status, 401);
        await fromEnv.close();
      } finally {
        if (saved === undefined) delete process.env.PORTHOLE_AGENT_TOKEN;
        else process.env.PORTHOLE_AGENT_TOKEN = saved;
      }
    });

    it('pages newest first with limit and cursor', async () => {
      const tag = createIdempotencyKey();
      for (let i = 0; i < 5; i++) {
        assert.equal((await post({ ...ticket, subject: `Page ${tag} ${i}` })).status, 201);
      }
      const seen: string[] = [];
      const ids: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const path: string = `/v1/tickets?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await call(path, asAgent);
        assert.equal(page.status, 200);
        const tickets = page.body.tickets as TicketRecord[];
        assert.ok(tickets.length <= 2);
        seen.push(...tickets.map((t) => t.subject));
        ids.push(...tickets.map((t) => t.id));
        cursor = page.body.nextCursor as string | null;
        pages += 1;
      } while (cursor && pages < 100);
      const mine = seen.filter((s) => s.startsWith(`Page ${tag}`));
      assert.deepEqual(
        mine,
        [4, 3, 2, 1, 0].map((i) => `Page ${tag} ${i}`),
      );
      assert.equal(new Set(ids).size, ids.length, 'a ticket appeared on two pages');

      const all = await listAll();
      const times = all.map((t) => Date.parse(t.createdAt));
      assert.deepEqual(
        times,
        [...times].sort((a, b) => b - a),
      );
    });

    it('refuses a bad limit or cursor with 400', async () => {
      for (const query of ['limit=0', 'limit=201', 'limit=abc', 'limit=1.5', 'cursor=nonsense']) {
        const answer = await call(`/v1/tickets?${query}`, asAgent);
        assert.equal(answer.status, 400, query);
        assert.equal(answer.body.error, 'invalid_query');
      }
    });

    it('answers 404 JSON for unknown tickets and routes', async () => {
      for (const id of ['not-a-uuid', createIdempotencyKey(), "1' or '1'='1"]) {
        const answer = await call(`/v1/tickets/${encodeURIComponent(id)}`, asAgent);
        assert.equal(answer.status, 404);
        assert.equal(answer.body.error, 'ticket_not_found');
      }
      for (const path of ['/nope', '/v1/nope', '/v2/tickets', '/kb/manifest.json']) {
        const answer = await call(path);
        assert.equal(answer.status, 404, path);
        assert.equal(answer.body.error, 'not_found');
        assert.match(answer.headers.get('Content-Type') ?? '', /^application\/json/);
      }
    });

    it('answers 405 with Allow to other methods', async () => {
      const answer = await call('/v1/tickets', { method: 'DELETE', ...asAgent });
      assert.equal(answer.status, 405);
      assert.match(answer.headers.get('Allow') ?? '', /POST/);
    });

    it('allows CORS only from the configured origins', async () => {
      const preflight = (origin: string) =>
        fetch(`${server.url}/v1/tickets`, {
          method: 'OPTIONS',
          headers: {
            Origin: origin,
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'content-type,idempotency-key',
          },
        });
      const allowed = await preflight('https://shop.example');
      assert.equal(allowed.status, 204);
      assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), 'https://shop.example');
      assert.match(allowed.headers.get('Access-Control-Allow-Headers') ?? '', /Idempotency-Key/);
      assert.equal((await preflight('https://evil.example')).status, 403);

      const fromShop = await post(ticket, { Origin: 'https://shop.example' });
      assert.equal(fromShop.headers.get('Access-Control-Allow-Origin'), 'https://shop.example');
      const fromElsewhere = await post(ticket, { Origin: 'https://evil.example' });
      assert.equal(fromElsewhere.headers.get('Access-Control-Allow-Origin'), null);
    });

    it('reports health, including the database', async () => {
      const answer = await call('/healthz');
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, { status: 'ok', database: target.name });
    });

    it('keeps tickets across a restart on the same database', async () => {
      const created = await post({ ...ticket, subject: 'Survives a restart' });
      assert.equal(created.status, 201);
      await server.close();
      server = await start();
      const one = await call(`/v1/tickets/${String(created.body.id)}`, asAgent);
      assert.equal(one.status, 200);
      assert.equal(one.body.subject, 'Survives a restart');
      assert.equal(one.body.reference, created.body.reference);
    });

    it('answers 500/503 without internals when the database is gone, and logs the error', async () => {
      const broken = await createServer({ databaseUrl: database.url, logger });
      await broken.close();
      const before = logger.errors.length;
      const warningsBefore = logger.warnings.length;
      const health = await broken.app.fetch(new Request('http://localhost/healthz'));
      assert.equal(health.status, 503);
      const created = await broken.app.fetch(
        new Request('http://localhost/v1/tickets', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(ticket),
        }),
      );
      assert.equal(created.status, 500);
      const text = await created.text();
      assert.deepEqual(JSON.parse(text), {
        error: 'internal_error',
        message: 'Something went wrong on our side. Please try again in a moment.',
      });
      assert.ok(logger.errors.length >= before + 1, 'the failed request was not logged');
      assert.ok(logger.warnings.length > warningsBefore, 'the failed health check was not logged');
    });

    if (target.name === 'sqlite') {
      it('uses WAL journaling on SQLite, in a folder it created', () => {
        const file = database.url.slice('sqlite:'.length);
        const db = new SQLite(file, { readonly: true });
        try {
          assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
        } finally {
          db.close();
        }
      });
    }

    it('refuses to start on a port that is taken, with the error from listen()', async () => {
      const port = Number(new URL(server.url).port);
      await assert.rejects(start({ port }), /EADDRINUSE/);
      assert.equal((await call('/healthz')).status, 200);
    });

    describe('the http adapter against this server', () => {
      describeAdapterConformance(`http → @porthole/server (${target.name})`, () =>
        createHttpAdapter({ endpoint: `${server.url}/v1/tickets`, retryDelay: 5 }),
      );
    });
  });
}
