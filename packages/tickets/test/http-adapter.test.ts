import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it, mock } from 'node:test';
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

  describe('on a fake clock', () => {
    afterEach(() => mock.reset());

    /** A `fetch` that answers from `answer(n)` at once and notes the fake time of each call. */
    function fakeFetch(answer: (call: number) => Response) {
      const calls: number[] = [];
      const fetch = (() => {
        calls.push(Date.now());
        return Promise.resolve(answer(calls.length));
      }) as typeof globalThis.fetch;
      return { calls, fetch };
    }

    /** Advance the fake clock in small steps until `promise` settles. */
    async function settle<T>(promise: Promise<T>): Promise<void> {
      let done = false;
      promise.then(
        () => (done = true),
        () => (done = true),
      );
      for (let elapsed = 0; !done && elapsed < 600_000; elapsed += 5) {
        await new Promise((resolve) => setImmediate(resolve));
        mock.timers.tick(5);
      }
    }

    it('reports "network" after every attempt timed out', async () => {
      mock.timers.enable({ apis: ['setTimeout', 'Date'] });
      const calls: number[] = [];
      // Never answers; ends only when the adapter aborts the attempt.
      const fetch = ((_url: string, init?: RequestInit) => {
        calls.push(Date.now());
        return new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        });
      }) as typeof globalThis.fetch;
      const adapter = createHttpAdapter({
        ...fast,
        endpoint: 'http://x.test/v1/tickets',
        fetch,
        timeout: 100,
        retries: 1,
      });
      const outcome = adapter.submit(ticket);
      await settle(outcome);
      const error = await rejection(outcome);
      assert.equal(error.code, 'network');
      assert.match(error.message, /did not answer within/);
      assert.equal(error.retryable, true);
      assert.equal(calls.length, 2);
      assert.ok((calls[1] ?? 0) - (calls[0] ?? 0) >= 100, `second attempt at ${calls[1]}`);
    });

    for (const [random, side] of [
      [0, 'lower'],
      [0.999_999, 'upper'],
    ] as const) {
      it(`waits between half and all of retryDelay * 2^n (${side} end of the jitter)`, async () => {
        mock.timers.enable({ apis: ['setTimeout', 'Date'] });
        mock.method(Math, 'random', () => random);
        const { calls, fetch } = fakeFetch(() => new Response('{}', { status: 502 }));
        const adapter = createHttpAdapter({
          endpoint: 'http://x.test/v1/tickets',
          fetch,
          retries: 3,
          retryDelay: 40,
        });
        const outcome = adapter.submit(ticket);
        await settle(outcome);
        await rejection(outcome);
        const gaps = calls.slice(1).map((at, i) => at - (calls[i] ?? 0));
        const expected = [40, 80, 160].map((ceiling) =>
          Math.ceil(ceiling / 2 + (random * ceiling) / 2),
        );
        gaps.forEach((gap, n) =>
          assert.ok(Math.abs(gap - (expected[n] ?? 0)) <= 5, `gap ${n}: ${gap}`),
        );
        assert.equal(gaps.length, 3);
      });
    }

    it('honours Retry-After on 429', async () => {
      mock.timers.enable({ apis: ['setTimeout', 'Date'] });
      const { calls, fetch } = fakeFetch((n) =>
        n === 1
          ? new Response('{}', { status: 429, headers: { 'Retry-After': '2' } })
          : Response.json(receipt, { status: 201 }),
      );
      const outcome = createHttpAdapter({
        ...fast,
        endpoint: 'http://x.test/v1/tickets',
        fetch,
      }).submit(ticket);
      await settle(outcome);
      assert.deepEqual(await outcome, receipt);
      const gap = (calls[1] ?? 0) - (calls[0] ?? 0);
      assert.ok(gap >= 2_000 && gap <= 2_010, `waited ${gap} ms`);
    });

    it('aborts during the wait between attempts', async () => {
      mock.timers.enable({ apis: ['setTimeout'] });
      const { calls, fetch } = fakeFetch(() => new Response('{}', { status: 503 }));
      const controller = new AbortController();
      const adapter = createHttpAdapter({
        endpoint: 'http://x.test/v1/tickets',
        fetch,
        retryDelay: 10_000,
      });
      const outcome = adapter.submit(ticket, { signal: controller.signal });
      // The clock never moves, so the adapter is still waiting whenever this runs.
      while (calls.length === 0) await new Promise((resolve) => setImmediate(resolve));
      controller.abort();
      const error = await rejection(outcome);
      assert.equal(error.code, 'aborted');
      assert.equal(calls.length, 1);
    });
  });

  it('stops at once when Retry-After is longer than maxRetryDelay (still retryable later)', async () => {
    await withStub(
      (_req, res) => sendJson(res, 429, {}, { 'Retry-After': '3600' }),
      async (url, requests) => {
        const error = await rejection(createHttpAdapter({ ...fast, endpoint: url }).submit(ticket));
        assert.equal(error.code, 'rejected');
        assert.equal(error.status, 429);
        assert.equal(error.retryable, true);
        assert.deepEqual(error.cause, { retryAfter: 3_600_000 }, 'the wait travels with it');
        assert.equal(requests.length, 1);
      },
    );
  });

  it('gives a 503 after the last retry the Retry-After it carried', async () => {
    await withStub(
      (_req, res) => sendJson(res, 503, {}, { 'Retry-After': '5' }),
      async (url) => {
        const adapter = createHttpAdapter({ ...fast, endpoint: url, retries: 0 });
        const error = await rejection(adapter.submit(ticket));
        assert.equal(error.code, 'server');
        assert.deepEqual(error.cause, { retryAfter: 5_000 });
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

  // When the timeout fires is asserted on a fake clock above; here a real socket that never
  // answers must be given up and the ticket sent again.
  it('gives up an attempt a real server never answers and sends the ticket again', async () => {
    await withStub(
      (_req, res, attempt) => {
        if (attempt > 1) sendJson(res, 201, receipt);
        // The first attempt is never answered.
      },
      async (url, requests) => {
        const adapter = createHttpAdapter({ ...fast, endpoint: url, timeout: 150 });
        assert.deepEqual(await adapter.submit(ticket), receipt);
        assert.equal(requests.length, 2);
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
    const controller = new AbortController();
    await withStub(
      // Abort once the request has arrived: the attempt is certainly in flight then.
      () => controller.abort(),
      async (url) => {
        const error = await rejection(
          createHttpAdapter({ endpoint: url }).submit(ticket, { signal: controller.signal }),
        );
        assert.equal(error.code, 'aborted');
        assert.equal(error.retryable, false);
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
