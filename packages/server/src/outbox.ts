/**
 * The outbox: one `deliveries` row per ticket and destination, written in the ticket's own
 * transaction. Relays claim due rows for a short lease (a claim token and `claimed_until`),
 * do the network call with no transaction open, and then record the outcome only if their
 * claim still holds. On PostgreSQL the claim uses `FOR UPDATE SKIP LOCKED`, so several relays
 * never take the same row; on SQLite one relay at a time holds the `relay_leases` row.
 */
import { randomUUID } from 'node:crypto';
import { sql, type CompiledQuery, type Kysely, type Selectable } from 'kysely';
import type { Database, DatabaseKind, DeliveriesTable } from './database.js';
import { compileOnce } from './compile-once.js';
import type { GroupCommit } from './group-commit.js';
import { uuid7 } from './uuid7.js';

export type DeliveryRow = Selectable<DeliveriesTable>;

/** A delivery as the agent API and `porthole deliveries` show it. */
export interface DeliveryRecord {
  id: string;
  ticketId: string;
  destination: string;
  state: 'pending' | 'delivered' | 'dead';
  attempts: number;
  lastError: string | null;
  lastStatus: number | null;
  remoteId: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

const iso = (ms: number | string | null) =>
  ms === null ? null : new Date(Number(ms)).toISOString();

export function toDeliveryRecord(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    destination: row.destination,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    lastStatus: row.last_status,
    remoteId: row.remote_id,
    nextAttemptAt: row.state === 'pending' ? iso(row.next_attempt_at) : null,
    createdAt: iso(row.created_at) ?? '',
    deliveredAt: iso(row.delivered_at),
  };
}

/** The rows to insert with a new ticket: one per destination, due at once. */
export function newDeliveryRows(ticketId: string, destinations: readonly string[], now: number) {
  return destinations.map((destination) => ({
    id: uuid7(now),
    ticket_id: ticketId,
    destination,
    state: 'pending' as const,
    attempts: 0,
    next_attempt_at: now,
    claimed_until: 0,
    created_at: now,
    updated_at: now,
  }));
}

export interface Claim {
  row: DeliveryRow;
  token: string;
}

/**
 * `groupCommit` (SQLite): the relay's claims and outcomes join the intake's shared
 * transaction instead of paying an fsync each.
 */
export function createOutbox(db: Kysely<Database>, kind: DatabaseKind, groupCommit?: GroupCommit) {
  const skipLocked = kind === 'postgres' ? sql`for update skip locked` : sql``;

  async function write<R>(query: CompiledQuery<R>): Promise<R[]> {
    if (groupCommit) return groupCommit.write(() => groupCommit.run(query).rows);
    return (await db.executeQuery(query)).rows;
  }

  /** Only the relay that holds the claim may write the outcome. */
  const owned = (id: string, token: string) =>
    db.updateTable('deliveries').where('id', '=', id).where('claim_token', '=', token);

  const deliveredQuery = compileOnce(
    (id: string, token: string, attempts: number, remoteId: string | null, now: number) =>
      owned(id, token).set({
        state: 'delivered',
        attempts,
        remote_id: remoteId,
        last_error: null,
        last_status: null,
        claimed_until: 0,
        claim_token: null,
        delivered_at: now,
        updated_at: now,
      }),
  );
  const failedQuery = compileOnce(
    (
      id: string,
      token: string,
      state: 'pending' | 'dead',
      attempts: number,
      error: string,
      status: number | null,
      nextAttemptAt: number,
      now: number,
    ) =>
      owned(id, token).set({
        state,
        attempts,
        last_error: error,
        last_status: status,
        next_attempt_at: nextAttemptAt,
        claimed_until: 0,
        claim_token: null,
        updated_at: now,
      }),
  );

  /** The claim statement per list of destinations (a relay always passes the same one). */
  const claimQueries = new Map<string, ReturnType<typeof compileClaim>>();
  const claimQuery = (destinations: readonly string[]) => {
    const key = destinations.join('\n');
    let query = claimQueries.get(key);
    if (!query) claimQueries.set(key, (query = compileClaim(destinations)));
    return query;
  };
  const compileClaim = (destinations: readonly string[]) =>
    compileOnce((claimedUntil: number, token: string, now: number, limit: number) =>
      sql<DeliveryRow>`
        update deliveries set claimed_until = ${claimedUntil}, claim_token = ${token}
        where id in (
          select id from deliveries
          where state = 'pending' and next_attempt_at <= ${now} and claimed_until <= ${now}
            and destination in (${sql.join(destinations)})
          order by next_attempt_at
          limit ${limit}
          ${skipLocked}
        )
        returning *`.compile(db),
    );

  return {
    /**
     * Claim up to `limit` due rows for `leaseMs`. One short statement: the transaction ends
     * before any destination is called.
     */
    async claim(
      destinations: readonly string[],
      limit: number,
      leaseMs: number,
      now = Date.now(),
    ): Promise<Claim[]> {
      if (destinations.length === 0 || limit <= 0) return [];
      const token = randomUUID();
      const rows = await write(claimQuery(destinations)(now + leaseMs, token, now, limit));
      return rows.map((row) => ({ row, token }));
    },

    async saveProgress(
      id: string,
      token: string,
      progress: Record<string, unknown>,
    ): Promise<void> {
      await write(
        owned(id, token)
          .set({ progress: JSON.stringify(progress), updated_at: Date.now() })
          .compile(),
      );
    },

    async delivered(
      id: string,
      token: string,
      attempts: number,
      remoteId: string | undefined,
    ): Promise<void> {
      await write(deliveredQuery(id, token, attempts, remoteId ?? null, Date.now()));
    },

    async failed(
      id: string,
      token: string,
      outcome: {
        attempts: number;
        error: string;
        status?: number | undefined;
        nextAttemptAt?: number;
      },
    ): Promise<void> {
      const now = Date.now();
      await write(
        failedQuery(
          id,
          token,
          outcome.nextAttemptAt === undefined ? 'dead' : 'pending',
          outcome.attempts,
          outcome.error.slice(0, 500),
          outcome.status ?? null,
          outcome.nextAttemptAt ?? now,
          now,
        ),
      );
    },

    /** When the next row becomes due, for the relay's sleep. */
    async nextDue(destinations: readonly string[]): Promise<number | undefined> {
      if (destinations.length === 0) return undefined;
      const row = await db
        .selectFrom('deliveries')
        .select((eb) => eb.fn.min('next_attempt_at').as('due'))
        .where('state', '=', 'pending')
        .where('destination', 'in', destinations)
        .executeTakeFirst();
      return row?.due === null || row?.due === undefined ? undefined : Number(row.due);
    },

    /** Forget the claims of relays that are gone (SQLite: only the lease holder runs). */
    async releaseAllClaims(): Promise<void> {
      await db
        .updateTable('deliveries')
        .set({ claimed_until: 0, claim_token: null })
        .where('state', '=', 'pending')
        .execute();
    },

    async forTicket(ticketId: string): Promise<DeliveryRecord[]> {
      const rows = await db
        .selectFrom('deliveries')
        .selectAll()
        .where('ticket_id', '=', ticketId)
        .orderBy('destination')
        .execute();
      return rows.map(toDeliveryRecord);
    },

    async list({
      failed = false,
      limit = 100,
    }: {
      failed?: boolean;
      limit?: number;
    }): Promise<DeliveryRecord[]> {
      let query = db
        .selectFrom('deliveries')
        .selectAll()
        .orderBy('created_at', 'desc')
        .limit(limit);
      if (failed) {
        query = query.where((eb) =>
          eb.or([eb('state', '=', 'dead'), eb('last_error', 'is not', null)]),
        );
      }
      return (await query.execute()).map(toDeliveryRecord);
    },

    /** Make dead (or waiting) deliveries due now: of one ticket, or of all. Returns how many. */
    async retry(ticketId: string | 'all'): Promise<number> {
      const now = Date.now();
      let query = db
        .updateTable('deliveries')
        .set({ state: 'pending', next_attempt_at: now, attempts: 0, updated_at: now })
        .where('state', '!=', 'delivered');
      if (ticketId !== 'all') query = query.where('ticket_id', '=', ticketId);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Pending, delivered and dead counts, for health and the CLI. */
    async counts(): Promise<Record<string, number>> {
      const rows = await db
        .selectFrom('deliveries')
        .select((eb) => ['state', eb.fn.countAll<number>().as('n')])
        .groupBy('state')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
