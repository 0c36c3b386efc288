import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { compileOnce } from '../src/compile-once.js';
import { openDatabase, type OpenDatabase } from '../src/database.js';
import type { DeliveryTicket, Destination } from '../src/destinations/types.js';
import { createIntake, type Intake } from '../src/intake.js';
import { createRelay } from '../src/relay.js';

const quiet = { info() {}, warn() {}, error() {} };
const SETTINGS = {
  maxAttempts: 3,
  maxAgeMs: 60_000,
  timeoutMs: 5_000,
  baseDelayMs: 50,
  maxDelayMs: 500,
  concurrency: 16,
  pollMs: 50,
};

describe('compileOnce', () => {
  let database: OpenDatabase;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'porthole-compile-'));
    database = await openDatabase(`sqlite:${join(dir, 'p.db')}`, quiet);
  });
  after(async () => {
    await database.db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('compiles once and puts each call’s arguments where the parameters were', () => {
    const { db } = database;
    const query = compileOnce((id: string, limit: number) =>
      db
        .selectFrom('tickets')
        .select('id')
        .where('id', '=', id)
        .where('status', '=', 'open')
        .limit(limit),
    );
    const first = query('a', 5);
    const second = query('b', 7);
    assert.equal(first.sql, second.sql);
    assert.deepEqual(first.parameters, ['a', 'open', 5]);
    assert.deepEqual(second.parameters, ['b', 'open', 7]);
  });

  it('refuses a query in which an argument is not a parameter', () => {
    const { db } = database;
    assert.throws(
      () =>
        compileOnce((id: string, _unused: string) => db.selectFrom('tickets').where('id', '=', id)),
      /every argument must become a query parameter/,
    );
  });
});

describe('the relay during an intake burst', () => {
  let database: OpenDatabase;
  let dir: string;
  let intake: Intake;
  const write = (n: number) =>
    intake.write({
      ticket: { email: `v${n}@example.com`, subject: `Ticket ${n}`, message: 'Hello' },
      requestHash: `hash-${n}`,
      verified: false,
    });

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'porthole-relay-load-'));
    database = await openDatabase(`sqlite:${join(dir, 'p.db')}`, quiet);
    intake = createIntake({
      db: database.db,
      kind: 'sqlite',
      ...(database.sqlite ? { sqlite: database.sqlite } : {}),
      ...(database.groupCommit ? { groupCommit: database.groupCommit } : {}),
      destinations: ['test+local'],
      idempotencyTtlMs: 60_000,
      attachmentLimits: { maxFiles: 0, maxTotalBytes: 0 },
    });
  });
  after(async () => {
    await database.db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  /** Deliver `count` stored tickets; resolves with the most attempts that were in flight at once. */
  async function drain(count: number, busy: () => boolean): Promise<number> {
    let inFlight = 0;
    let most = 0;
    let delivered = 0;
    let done!: () => void;
    const allDelivered = new Promise<void>((resolve) => (done = resolve));
    const destination: Destination = {
      kind: 'test',
      name: 'test+local',
      idempotent: true,
      async deliver(_ticket: DeliveryTicket) {
        inFlight += 1;
        most = Math.max(most, inFlight);
        // Held for a turn of the event loop, so the relay could start others meanwhile.
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
        if (++delivered === count) done();
        return {};
      },
    };
    const relay = createRelay({
      db: database.db,
      kind: 'sqlite',
      groupCommit: database.groupCommit,
      destinations: [destination],
      settings: SETTINGS,
      logger: quiet,
      loadTicket: async (id) => ({
        id,
        reference: 'R',
        createdAt: '',
        email: '',
        name: null,
        subject: '',
        message: '',
        locale: null,
        pageUrl: null,
        metadata: null,
        verified: false,
        attachments: [],
      }),
      intakeIsBusy: busy,
    });
    relay.start();
    await allDelivered;
    await relay.stop();
    return most;
  }

  it('keeps at most two deliveries in flight while tickets arrive in a burst, and all of them when not', async () => {
    const burst = Array.from({ length: 12 }, (_, n) => write(n));
    assert.equal(intake.isBusy(), true, 'twelve tickets waiting for one commit are a burst');
    await Promise.all(burst);
    assert.equal(await drain(12, () => true), 2);
    await Promise.all(Array.from({ length: 12 }, (_, n) => write(100 + n)));
    assert.equal(await drain(12, () => false), 12);
  });
});
