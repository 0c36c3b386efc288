/// <reference types="node" />
/**
 * `@porthole/tickets/conformance`: what every `TicketAdapter` must do, as a `node:test` suite.
 * Node only; never imported by the browser entry point.
 *
 * ```ts
 * import { describeAdapterConformance } from '@porthole/tickets/conformance';
 * describeAdapterConformance('my-helpdesk', () => createMyHelpdeskAdapter({ … }));
 * ```
 */
// eslint-disable-next-line no-restricted-imports -- Node-only subpath, never bundled.
import assert from 'node:assert/strict';
// eslint-disable-next-line no-restricted-imports -- Node-only subpath, never bundled.
import { describe, it } from 'node:test';
import { isTicketError, type TicketError } from './errors.js';
import { createIdempotencyKey } from './ids.js';
import type { TicketInput } from './schema.js';
import type { TicketAdapter, TicketErrorCode, TicketReceipt } from './types.js';

export interface AdapterConformanceOptions {
  /**
   * A valid ticket to send; each test makes its subject unique.
   * @default a plain English ticket from ada@example.com
   */
  ticket?: TicketInput;
  /**
   * Whether the adapter's backend recognises a repeated idempotency key. Set `false` for
   * at-least-once backends (an email, a help desk without idempotency keys): the tests of
   * repeated keys are then skipped.
   * @default true
   */
  idempotent?: boolean;
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

function assertReceipt(receipt: TicketReceipt): void {
  assert.equal(typeof receipt.id, 'string');
  assert.ok(receipt.id.length > 0, 'receipt.id is empty');
  assert.equal(typeof receipt.reference, 'string');
  assert.match(receipt.reference, /^\S{1,64}$/, 'receipt.reference is not a short token');
  assert.match(receipt.createdAt, ISO_8601, 'receipt.createdAt is not an ISO 8601 timestamp');
  assert.ok(!Number.isNaN(Date.parse(receipt.createdAt)));
}

async function assertTicketError(
  promise: Promise<unknown>,
  code: TicketErrorCode,
): Promise<TicketError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isTicketError(error), `expected a TicketError, got ${String(error)}`);
    assert.equal(error.code, code, `expected code ${code}, got ${error.code}: ${error.message}`);
    assert.ok(error.message.length > 0, 'TicketError without a message');
    return error;
  }
  assert.fail(`expected a TicketError with code ${code}, but the submission succeeded`);
}

/**
 * Register the conformance tests for one adapter. `createAdapter` is called once per test; an
 * adapter backed by a shared store is fine, every test uses fresh idempotency keys.
 */
export function describeAdapterConformance(
  name: string,
  createAdapter: () => TicketAdapter | Promise<TicketAdapter>,
  options: AdapterConformanceOptions = {},
): void {
  const idempotent = options.idempotent ?? true;
  // Only adapters that promise idempotency get these checks; the others are not marked as skipped.
  const idempotentIt = (name: string, fn: () => Promise<void>): void => {
    if (idempotent) it(name, fn);
  };
  let counter = 0;
  const makeTicket = (): TicketInput => {
    const base = options.ticket ?? {
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      subject: 'Cannot reset my password',
      message: 'The reset link in the email says it has expired.\nWhat should I do?',
      locale: 'en',
      pageUrl: 'https://example.com/account',
    };
    counter += 1;
    return { ...base, subject: `${base.subject} #${counter}-${Date.now()}` };
  };

  describe(`${name} adapter conformance`, () => {
    it('has a name', async () => {
      const adapter = await createAdapter();
      assert.equal(typeof adapter.name, 'string');
      assert.ok(adapter.name.length > 0);
    });

    it('answers a valid ticket with a receipt', async () => {
      const adapter = await createAdapter();
      assertReceipt(await adapter.submit(makeTicket()));
    });

    it('refuses an invalid ticket with code "invalid" and field errors', async () => {
      const adapter = await createAdapter();
      const ticket = { ...makeTicket(), email: 'not-an-email', subject: '   ' };
      const error = await assertTicketError(adapter.submit(ticket), 'invalid');
      assert.equal(typeof error.fieldErrors?.email, 'string');
      assert.equal(typeof error.fieldErrors?.subject, 'string');
      assert.equal(error.fieldErrors?.message, undefined, 'a valid field was reported');
      assert.equal(error.retryable, false);
    });

    idempotentIt('gives the same receipt when the same idempotency key is sent again', async () => {
      const adapter = await createAdapter();
      const ticket = makeTicket();
      const idempotencyKey = createIdempotencyKey();
      const first = await adapter.submit(ticket, { idempotencyKey });
      const again = await adapter.submit(ticket, { idempotencyKey });
      assertReceipt(first);
      assert.deepEqual(again, first);
    });

    idempotentIt(
      'gives one receipt to concurrent submissions with one idempotency key',
      async () => {
        const adapter = await createAdapter();
        const ticket = makeTicket();
        const idempotencyKey = createIdempotencyKey();
        const receipts = await Promise.all(
          Array.from({ length: 5 }, () => adapter.submit(ticket, { idempotencyKey })),
        );
        for (const receipt of receipts) assert.deepEqual(receipt, receipts[0]);
      },
    );

    it('stores different tickets under different ids and references', async () => {
      const adapter = await createAdapter();
      const a = await adapter.submit(makeTicket());
      const b = await adapter.submit(makeTicket());
      assert.notEqual(a.id, b.id);
      assert.notEqual(a.reference, b.reference);
    });

    idempotentIt(
      'refuses a different ticket under a used idempotency key with code "rejected"',
      async () => {
        const adapter = await createAdapter();
        const idempotencyKey = createIdempotencyKey();
        await adapter.submit(makeTicket(), { idempotencyKey });
        const error = await assertTicketError(
          adapter.submit(makeTicket(), { idempotencyKey }),
          'rejected',
        );
        assert.equal(error.retryable, false);
      },
    );

    it('accepts text that looks like markup or code, in any script', async () => {
      const adapter = await createAdapter();
      const ticket = {
        ...makeTicket(),
        message: '<script>alert(1)</script> & {{name}} — Ελληνικά, русский, 😀',
      };
      assertReceipt(await adapter.submit(ticket));
    });

    it('rejects with code "aborted" when the signal has already fired', async () => {
      const adapter = await createAdapter();
      const controller = new AbortController();
      controller.abort();
      await assertTicketError(
        adapter.submit(makeTicket(), { signal: controller.signal }),
        'aborted',
      );
    });
  });
}
