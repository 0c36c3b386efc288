/**
 * The relay: takes due outbox rows, calls their destination, records what happened. Runs
 * inside `porthole serve` and as `porthole relay`. Each attempt has its own timeout and no
 * database transaction is open while a destination is called; a process killed mid-attempt
 * leaves a claim that runs out, and the row is tried again (the destination's idempotency
 * key, or the receiver's deduplication, turns that repeat into nothing).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { Database, DatabaseKind } from './database.js';
import type { GroupCommit } from './group-commit.js';
import { DeliveryError, type Destination, type DeliveryTicket } from './destinations/types.js';
import type { DeliverySettings, ServerLogger } from './options.js';
import { createOutbox, type Claim } from './outbox.js';

export interface RelayOptions {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** SQLite: claims and outcomes share the intake's transactions. */
  groupCommit?: GroupCommit | undefined;
  destinations: readonly Destination[];
  settings: DeliverySettings;
  logger: ServerLogger;
  /** The ticket with its attachments, as destinations see it. */
  loadTicket(id: string): Promise<DeliveryTicket | undefined>;
  /** True while tickets arrive in a burst: the relay then keeps few attempts in flight. */
  intakeIsBusy?: () => boolean;
}

export interface Relay {
  start(): void;
  /** Look for work now (a ticket was just stored). */
  kick(): void;
  /** Stop claiming; wait for the attempts in flight (they are cut at their timeout). */
  stop(): Promise<void>;
}

/** Between half and all of `base * 2^(attempt-1)`, capped at `max`. */
export function backoffDelay(
  attempt: number,
  base: number,
  max: number,
  random = Math.random,
): number {
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Attempts in flight while the intake is busy: deliveries go on, at a pace that leaves the
 * event loop to the requests (the outbox keeps the rest, and the relay catches up after).
 */
const BUSY_CONCURRENCY = 2;

/** How long a claim lasts past the attempt's own timeout, for the bookkeeping around it. */
const CLAIM_MARGIN_MS = 5_000;
const LEASE_MS = 10_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * SQLite: one relay at a time. The lease row names its holder's host and pid, so a relay that
 * finds the holder's process gone (killed with SIGKILL) takes over at once instead of waiting
 * for the lease to run out.
 */
function createSqliteLease(db: Kysely<Database>) {
  const me = { holder: randomUUID(), host: hostname(), pid: process.pid };
  let held = false;
  return {
    async acquire(): Promise<{ held: boolean; fresh: boolean }> {
      const now = Date.now();
      const current = await db
        .selectFrom('relay_leases')
        .selectAll()
        .where('name', '=', 'outbox')
        .executeTakeFirst();
      const free =
        !current ||
        current.holder === me.holder ||
        Number(current.expires_at) < now ||
        (current.host === me.host && current.pid !== me.pid && !isAlive(current.pid));
      if (!free) {
        held = false;
        return { held, fresh: false };
      }
      await sql`insert into relay_leases (name, holder, host, pid, expires_at)
        values ('outbox', ${me.holder}, ${me.host}, ${me.pid}, ${now + LEASE_MS})
        on conflict (name) do update set holder = excluded.holder, host = excluded.host,
          pid = excluded.pid, expires_at = excluded.expires_at
        where relay_leases.holder = ${current?.holder ?? me.holder}`.execute(db);
      const after = await db
        .selectFrom('relay_leases')
        .select('holder')
        .where('name', '=', 'outbox')
        .executeTakeFirst();
      const fresh = !held && after?.holder === me.holder;
      held = after?.holder === me.holder;
      return { held, fresh };
    },
    async release(): Promise<void> {
      if (held) await db.deleteFrom('relay_leases').where('holder', '=', me.holder).execute();
      held = false;
    },
  };
}

export function createRelay(options: RelayOptions): Relay {
  const { db, kind, settings, logger } = options;
  const outbox = createOutbox(db, kind, options.groupCommit);
  const byName = new Map(options.destinations.map((d) => [d.name, d]));
  const names = [...byName.keys()];
  const lease = kind === 'sqlite' ? createSqliteLease(db) : undefined;
  const inFlight = new Set<Promise<void>>();
  const stopping = new AbortController();
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let kicked = false;

  async function attempt({ row, token }: Claim): Promise<void> {
    const destination = byName.get(row.destination);
    if (!destination) return;
    const attempts = row.attempts + 1;
    const started = Date.now();
    const log = {
      delivery: row.id,
      ticket: row.ticket_id,
      destination: row.destination,
      attempt: attempts,
    };
    try {
      const ticket = await options.loadTicket(row.ticket_id);
      if (!ticket) throw new DeliveryError('The ticket no longer exists', { retryable: false });
      let progress = row.progress ? (JSON.parse(row.progress) as Record<string, unknown>) : {};
      const signal = AbortSignal.any([AbortSignal.timeout(settings.timeoutMs), stopping.signal]);
      const result = await destination.deliver(ticket, {
        deliveryId: row.id,
        signal,
        get progress() {
          return progress;
        },
        async saveProgress(next) {
          progress = next;
          await outbox.saveProgress(row.id, token, next);
        },
      });
      await outbox.delivered(row.id, token, attempts, result.remoteId);
      logger.info('delivered', {
        ...log,
        remoteId: result.remoteId,
        sinceTicketMs: started - Number(row.created_at),
        tookMs: Date.now() - started,
      });
    } catch (error) {
      const failure =
        error instanceof DeliveryError
          ? error
          : new DeliveryError(
              `Unexpected error: ${error instanceof Error ? error.message : String(error)}`,
              {
                retryable: true,
                cause: error,
              },
            );
      const age = Date.now() - Number(row.created_at);
      const wait = Math.max(
        backoffDelay(attempts, settings.baseDelayMs, settings.maxDelayMs),
        failure.retryAfterMs ?? 0,
      );
      const giveUp =
        !failure.retryable || attempts >= settings.maxAttempts || age + wait > settings.maxAgeMs;
      const nextAttemptAt = giveUp ? undefined : Date.now() + wait;
      try {
        await outbox.failed(row.id, token, {
          attempts,
          error: failure.message,
          status: failure.status,
          ...(nextAttemptAt === undefined ? {} : { nextAttemptAt }),
        });
      } catch (writeError) {
        // The claim runs out and the row is tried again: nothing is lost.
        logger.warn('could not record a failed attempt', { ...log, error: writeError });
      }
      const details = { ...log, status: failure.status, error: failure.message };
      if (giveUp) logger.error('delivery dead-lettered', details);
      else logger.warn('delivery attempt failed', { ...details, retryInMs: wait });
    }
  }

  function launch(claim: Claim): void {
    const task = attempt(claim).finally(() => {
      inFlight.delete(task);
      // A free slot: look for more without waiting for the poll.
      kick();
    });
    inFlight.add(task);
  }

  async function holdsLease(): Promise<boolean> {
    if (!lease) return true;
    const { held, fresh } = await lease.acquire();
    if (fresh) {
      await outbox.releaseAllClaims();
      logger.info('relay lease taken', { database: 'sqlite' });
    }
    return held;
  }

  async function sleep(ms: number): Promise<void> {
    if (kicked) {
      kicked = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    wake = undefined;
    kicked = false;
  }

  /**
   * Claim only when a few slots are free (or none is busy): a claim is a statement and a
   * share of a commit, so one claim per finished attempt would cost more than the attempt's
   * own bookkeeping when the relay is busy.
   */
  const claimAtLeast = Math.min(
    settings.concurrency,
    Math.max(1, Math.ceil(settings.concurrency / 4)),
  );

  async function run(): Promise<void> {
    let leaseCheckedAt = 0;
    let hasLease = false;
    while (running) {
      let wait = settings.pollMs;
      try {
        if (Date.now() - leaseCheckedAt > LEASE_MS / 3) {
          hasLease = await holdsLease();
          leaseCheckedAt = Date.now();
        }
        const busy = options.intakeIsBusy?.() ?? false;
        const limit = busy
          ? Math.min(settings.concurrency, BUSY_CONCURRENCY)
          : settings.concurrency;
        const free = limit - inFlight.size;
        if (
          hasLease &&
          free > 0 &&
          (free >= Math.min(claimAtLeast, limit) || inFlight.size === 0)
        ) {
          const claims = await outbox.claim(names, free, settings.timeoutMs + CLAIM_MARGIN_MS);
          for (const claim of claims) launch(claim);
          // All slots taken: more may be due, and a finishing attempt wakes the loop.
          // Fewer: nothing else is due now; sleep until the next row is.
          if (claims.length < free) {
            const due = await outbox.nextDue(names);
            if (due !== undefined) wait = Math.min(wait, Math.max(0, due - Date.now()));
          }
        }
      } catch (error) {
        logger.warn('relay could not reach the database; trying again', { error });
      }
      if (running) await sleep(wait);
    }
  }

  function kick(): void {
    kicked = true;
    wake?.();
  }

  return {
    start() {
      if (running || names.length === 0) return;
      running = true;
      logger.info('relay started', { destinations: names });
      loop = run();
    },
    kick,
    async stop() {
      if (!running) return;
      running = false;
      wake?.();
      await loop;
      stopping.abort();
      await Promise.allSettled([...inFlight]);
      await lease?.release().catch(() => undefined);
      await Promise.allSettled(options.destinations.map((d) => d.close?.()));
    },
  };
}
