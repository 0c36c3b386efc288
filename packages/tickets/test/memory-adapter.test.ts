import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REFERENCE_PATTERN, createMemoryAdapter, isTicketError } from '@porthole/tickets';
import { describeAdapterConformance } from '@porthole/tickets/conformance';

describeAdapterConformance('memory', () => createMemoryAdapter());

describe('createMemoryAdapter', () => {
  const ticket = { email: 'ada@example.com', subject: ' Hi ', message: 'Hello' };

  it('keeps the validated tickets, in order, with their receipts and keys', async () => {
    const adapter = createMemoryAdapter();
    const first = await adapter.submit(ticket, { idempotencyKey: 'k1' });
    await adapter.submit(ticket, { idempotencyKey: 'k1' });
    const second = await adapter.submit({ ...ticket, subject: 'Two' });
    assert.equal(adapter.tickets.length, 2);
    assert.deepEqual(adapter.tickets[0], {
      ticket: { ...ticket, subject: 'Hi' },
      receipt: first,
      idempotencyKey: 'k1',
    });
    assert.deepEqual(adapter.tickets[1]?.receipt, second);
    assert.match(first.reference, REFERENCE_PATTERN);
  });

  it('stores one ticket for concurrent repeats of one key, even with latency', async () => {
    const adapter = createMemoryAdapter({ latency: 20 });
    const receipts = await Promise.all(
      Array.from({ length: 10 }, () => adapter.submit(ticket, { idempotencyKey: 'same' })),
    );
    assert.equal(adapter.tickets.length, 1);
    assert.equal(new Set(receipts.map((r) => r.id)).size, 1);
  });

  it('lets a retry succeed after the first attempt was aborted', async () => {
    const adapter = createMemoryAdapter({ latency: 50 });
    const controller = new AbortController();
    const first = adapter.submit(ticket, { idempotencyKey: 'k', signal: controller.signal });
    controller.abort();
    await assert.rejects(first, (error) => isTicketError(error) && error.code === 'aborted');
    assert.equal(adapter.tickets.length, 0);
    await adapter.submit(ticket, { idempotencyKey: 'k' });
    assert.equal(adapter.tickets.length, 1);
  });
});
