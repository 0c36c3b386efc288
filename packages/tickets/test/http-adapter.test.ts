import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createHttpAdapter,
  createMemoryAdapter,
  isTicketError,
  type HttpAdapterOptions,
  type TicketError,
  type TicketInput,
  type TicketReceipt,
} from '@porthole/tickets';
import { describeAdapterConformance } from '@porthole/tickets/conformance';
import { sendJson, startStub, type StubHandler } from './stub-server.js';

const ticket: TicketInput = {
  email: ' ada@example.com ',
  subject: 'Cannot log in',
  message: 'The reset link has expired.',
};
const receipt: TicketReceipt = {
  id: '0b9c4c43-5f43-4a8e-9d86-0c9e1f1f6a10',
  reference: 'PH-7K3M-Q9TD',
  createdAt: '2025-01-02T03:04:05.678Z',
};

/** Fast retries so the suite stays quick; the timing tests set their own. */
const fast: Partial<HttpAdapterOptions> = { retryDelay: 5, timeout: 2_000 };

async function withStub<T>(
  handler: StubHandler,
  run: (url: string, requests: Awaited<ReturnType<typeof startStub>>['requests']) => Promise<T>,
): Promise<T> {
  const stub = await startStub(handler);
  try {
    return await run(stub.url, stub.requests);
  } finally {
    await stub.close();
  }
}

async function rejection(promise: Promise<unknown>): Promise<TicketError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isTicketError(error), `not a TicketError: ${String(error)}`);
    return error;
  }
  assert.fail('expected the submission to fail');
}

describe('createHttpAdapter', () => {
  it('POSTs the validated ticket as JSON with an Idempotency-Key and resolves with the receipt', async () => {
    await withStub(
      (_req, res) => sendJson(res, 201, { ...receipt, extra: 'ignored' }),
      async (url, requests) => {
        const adapter = createHttpAdapter({ endpoint: url, headers: { 'X-Site': 'demo' } });
        assert.deepEqual(await adapter.submit(ticket), receipt);
        assert.equal(requests.length, 1);
        const [request] = requests;
        assert.equal(request?.method, 'POST');
        assert.equal(request?.headers['content-type'], 'application/json');
        assert.equal(request?.headers['x-site'], 'demo');
        assert.match(String(request?.headers['idempotency-key']), /^[0-9a-f-]{36}$/);
        assert.deepEqual(JSON.parse(request?.body ?? ''), { ...ticket, email: 'ada@example.com' });
      },
    );
  });

  it('validates locally and sends nothing when the ticket is invalid', async () => {
    await withStub(
      (_req, res) => sendJson(res, 201, receipt),
      async (url, requests) => {
        const error = await rejection(
          createHttpAdapter({ endpoint: url }).submit({ ...ticket, email: 'nope' }),
        );
        assert.equal(error.code, 'invalid');
        assert.deepEqual(error.fieldErrors, {
          email: 'Enter an email address like name@example.com',
        });
        assert.equal(requests.length, 0);
      },
    );
  });

  it('retries 5xx with the same key and gives the ticket through', async () => {
    await withStub(
      (_req, res, attempt) =>
        attempt <= 2 ? sendJson(res, 503, { error: 'down' }) : sendJson(res, 201, receipt),
      async (url, requests) => {
        const adapter = createHttpAdapter({ ...fast, endpoint: url });
        assert.deepEqual(await adapter.submit(ticket, { idempotencyKey: 'draft-42' }), receipt);
        assert.equal(requests.length, 3);
        for (const r of requests) assert.equal(r.headers['idempotency-key'], 'draft-42');
        assert.equal(new Set(requests.map((r) => r.body)).size, 1);
      },
    );
  });

  it('retries dropped connections with the same generated key', async () => {
    await withStub(
      (_req, res, attempt) => (attempt === 1 ? res.socket?.destroy() : sendJson(res, 201, receipt)),
      async (url, requests) => {
        assert.deepEqual(
          await createHttpAdapter({ ...fast, endpoint: url }).submit(ticket),
          receipt,
        );
        assert.equal(requests.length, 2);
        assert.equal(
          requests[0]?.headers['idempotency-key'],
          requests[1]?.headers['idempotency-key'],
        );
      },
    );
  });

  it('gives up after `retries` with a retryable "server" error', async () => {
    await withStub(
      (_req, res) => sendJson(res, 500, { error: 'internal_error' }),
      async (url, requests) => {
        const error = await rejection(
          createHttpAdapter({ ...fast, endpoint: url, retries: 2 }).submit(ticket),
        );
        assert.equal(error.code, 'server');
        assert.equal(error.status, 500);
        assert.equal(error.retryable, true);
        assert.equal(requests.length, 3);
      },
    );
  });

  it('backs off exponentially with jitter between attempts', async () => {
    await withStub(
      (_req, res) => sendJson(res, 502, {}),
      async (url, requests) => {
        const retryDelay = 40;
        await rejection(
          createHttpAdapter({ endpoint: url, retries: 3, retryDelay }).submit(ticket),
        );
        const gaps = requests.slice(1).map((r, i) => r.at - (requests[i]?.at ?? 0));
        assert.equal(gaps.length, 3);
        gaps.forEach((gap, n) => {
          const ceiling = retryDelay * 2 ** n;
          assert.ok(gap >= ceiling / 2 - 2, `gap ${n} ${gap.toFixed(1)} < ${ceiling / 2}`);
          assert.ok(gap <= ceiling + 60, `gap ${n} ${gap.toFixed(1)} > ${ceiling}`);
        });
      },
    );
  });

  it('honours Retry-After on 429', async () => {
    await withStub(
      (_req, res, attempt) =>
        attempt === 1
          ? sendJson(res, 429, { error: 'slow_down' }, { 'Retry-After': '1' })
          : sendJson(res, 201, receipt),
      async (url, requests) => {
        assert.deepEqual(
          await createHttpAdapter({ ...fast, endpoint: url }).submit(ticket),
          receipt,
        );
        const gap = (requests[1]?.at ?? 0) - (requests[0]?.at ?? 0);
        assert.ok(gap >= 990, `waited only ${gap.toFixed(0)} ms`);
      },
    );
  });

  it('stops at once when Retry-After is longer than maxRetryDelay (still retryable later)', async () => {
    await withStub(
      (_req, res) => sendJson(res, 429, {}, { 'Retry-After': '3600' }),
      async (url, requests) => {
        const error = await rejection(createHttpAdapter({ ...fast, endpoint: url }).submit(ticket));
        assert.equal(error.code, 'rejected');
        assert.equal(error.status, 429);
        assert.equal(error.retryable, true);
        assert.equal(requests.length, 1);
      },
    );
  });

  it('maps 400 with field errors to "invalid", without retrying', async () => {
    const fieldErrors = { subject: 'Subject is not allowed here' };
    await withStub(
      (_req, res) => sendJson(res, 400, { error: 'invalid_ticket', message: 'Nope', fieldErrors }),
      async (url, requests) => {
        const error = await rejection(createHttpAdapter({ ...fast, endpoint: url }).submit(ticket));
        assert.equal(error.code, 'invalid');
        assert.deepEqual(error.fieldErrors, fieldErrors);
        assert.equal(error.retryable, false);
        assert.equal(requests.length, 1);
      },
    );
  });

  for (const [status, pattern] of [
    [413, /too large to send/],
    [422, /already used for a different ticket/],
    [415, /refused the ticket \(HTTP 415\)/],
    [404, /refused the ticket \(HTTP 404\)/],
  ] as const) {
    it(`maps ${status} to "rejected" with a clear message, without retrying`, async () => {
      await withStub(
        (_req, res) =>
          status === 422
            ? sendJson(res, 422, { message: 'This key was already used for a different ticket.' })
            : res.writeHead(status).end(),
        async (url, requests) => {
          const error = await rejection(
            createHttpAdapter({ ...fast, endpoint: url }).submit(ticket),
          );
          assert.equal(error.code, 'rejected');
          assert.equal(error.status, status);
          assert.match(error.message, pattern);
          assert.equal(error.retryable, false);
          assert.equal(requests.length, 1);
        },
      );
    });
  }

  it('treats a 2xx without a receipt as a server error', async () => {
    await withStub(
      (_req, res) => sendJson(res, 200, { ok: true }),
      async (url) => {
        const error = await rejection(createHttpAdapter({ ...fast, endpoint: url }).submit(ticket));
        assert.equal(error.code, 'server');
      },
    );
  });

  it('counts a slow attempt as a network failure after `timeout` and retries it', async () => {
    await withStub(
      (_req, res, attempt) => {
        if (attempt > 1) sendJson(res, 201, receipt);
        // The first attempt is never answered.
      },
      async (url, requests) => {
        const started = performance.now();
        const adapter = createHttpAdapter({ ...fast, endpoint: url, timeout: 150 });
        assert.deepEqual(await adapter.submit(ticket), receipt);
        assert.equal(requests.length, 2);
        assert.ok(performance.now() - started >= 150);
      },
    );
  });

  it('retries with the same key when a 201 body is cut off by the timeout', async () => {
    await withStub(
      (_req, res, attempt) => {
        if (attempt > 1) return sendJson(res, 201, receipt);
        res.writeHead(201, { 'Content-Type': 'application/json' });
        res.write('{"id":');
      },
      async (url, requests) => {
        const adapter = createHttpAdapter({ ...fast, endpoint: url, timeout: 150 });
        assert.deepEqual(await adapter.submit(ticket), receipt);
        assert.equal(requests.length, 2);
        assert.equal(
          requests[0]?.headers['idempotency-key'],
          requests[1]?.headers['idempotency-key'],
        );
      },
    );
  });

  it('reports "network" after every attempt timed out', async () => {
    await withStub(
      () => undefined,
      async (_url, requests) => {
        const adapter = createHttpAdapter({ ...fast, endpoint: _url, timeout: 100, retries: 1 });
        const error = await rejection(adapter.submit(ticket));
        assert.equal(error.code, 'network');
        assert.match(error.message, /did not answer within/);
        assert.equal(error.retryable, true);
        assert.equal(requests.length, 2);
      },
    );
  });

  it('reports "network" when nothing listens', async () => {
    const stub = await startStub(() => undefined);
    await stub.close();
    const error = await rejection(
      createHttpAdapter({ ...fast, endpoint: stub.url, retries: 1 }).submit(ticket),
    );
    assert.equal(error.code, 'network');
    assert.match(error.message, /Could not reach the help desk/);
  });

  it('aborts an attempt in flight', async () => {
    await withStub(
      () => undefined,
      async (url) => {
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 50);
        const started = performance.now();
        const error = await rejection(
          createHttpAdapter({ endpoint: url }).submit(ticket, { signal: controller.signal }),
        );
        assert.equal(error.code, 'aborted');
        assert.equal(error.retryable, false);
        assert.ok(performance.now() - started < 1_000);
      },
    );
  });

  it('aborts during the wait between attempts', async () => {
    await withStub(
      (_req, res) => sendJson(res, 503, {}),
      async (url, requests) => {
        const controller = new AbortController();
        const adapter = createHttpAdapter({ endpoint: url, retryDelay: 10_000 });
        setTimeout(() => controller.abort(), 100);
        const error = await rejection(adapter.submit(ticket, { signal: controller.signal }));
        assert.equal(error.code, 'aborted');
        assert.equal(requests.length, 1);
      },
    );
  });
});

describe('http adapter against a stub that speaks the ticket API', () => {
  const memory = createMemoryAdapter();
  let stub: Awaited<ReturnType<typeof startStub>>;
  before(async () => {
    stub = await startStub(async (req, res) => {
      try {
        const key = req.headers['idempotency-key'];
        const options = typeof key === 'string' ? { idempotencyKey: key } : {};
        sendJson(res, 201, await memory.submit(JSON.parse(req.body) as TicketInput, options));
      } catch (error) {
        if (!isTicketError(error)) throw error;
        const status = error.code === 'invalid' ? 400 : 422;
        sendJson(res, status, { message: error.message, fieldErrors: error.fieldErrors });
      }
    });
  });
  after(() => stub.close());

  describeAdapterConformance('http', () => createHttpAdapter({ ...fast, endpoint: stub.url }));
});
