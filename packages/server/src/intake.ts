/**
 * Writing a new ticket: the ticket row, its claimed attachments, one outbox row per
 * destination and the idempotency record, in one transaction that commits before the 201.
 *
 * On SQLite, concurrent requests are written together, with prepared statements, in the
 * group commit's one transaction per turn of the event loop (see `group-commit.ts`).
 * On PostgreSQL, the tickets that arrive while a transaction runs share the next one.
 */
import { createReference, type Ticket, type TicketReceipt } from '@porthole/tickets';
import type SQLite from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import { isUniqueViolation, type Database, type DatabaseKind } from './database.js';
import type { GroupCommit } from './group-commit.js';
import { newDeliveryRows } from './outbox.js';
import { uuid7 } from './uuid7.js';

export interface NewTicket {
  ticket: Ticket;
  /** Hash of the client's `Idempotency-Key`, scoped to the sender; see `idempotencyScope`. */
  keyHash?: string;
  requestHash: string;
  userAgent?: string;
  verified: boolean;
}

export type CreateTicketResult =
  | { outcome: 'created'; receipt: TicketReceipt }
  | { outcome: 'replayed'; receipt: TicketReceipt }
  | { outcome: 'conflict' }
  | { outcome: 'attachments_invalid'; message: string };

export interface IntakeOptions {
  db: Kysely<Database>;
  kind: DatabaseKind;
  sqlite?: SQLite.Database;
  groupCommit?: GroupCommit;
  /** Names of the destinations every new ticket goes to. */
  destinations: readonly string[];
  idempotencyTtlMs: number;
  attachmentLimits: { maxFiles: number; maxTotalBytes: number };
  /** Called after each commit that stored tickets (the relay starts on them at once). */
  onCommit?: () => void;
}

/** Draws of a fresh reference before giving up; 40 random bits make a second draw rare. */
const REFERENCE_ATTEMPTS = 5;

interface AttachmentState {
  id: string;
  ticket_id: string | null;
  size: number;
}

/** Why the listed uploads cannot go with this ticket, or undefined when they can. */
function checkAttachments(
  ids: readonly string[],
  found: readonly (AttachmentState | undefined)[],
  limits: IntakeOptions['attachmentLimits'],
): string | undefined {
  if (ids.length > limits.maxFiles) {
    return limits.maxFiles === 0
      ? 'This help desk does not accept attachments.'
      : `Attach at most ${limits.maxFiles} files.`;
  }
  if (found.some((row) => !row || row.ticket_id !== null)) {
    return 'An attachment is missing or was already sent with another ticket; attach the file again.';
  }
  const total = found.reduce((sum, row) => sum + (row?.size ?? 0), 0);
  if (total > limits.maxTotalBytes) {
    return `The attachments add up to more than ${Math.floor(limits.maxTotalBytes / 1024 ** 2)} MB; remove some.`;
  }
  return undefined;
}

function ticketRow(item: NewTicket, receipt: TicketReceipt) {
  const { ticket } = item;
  return {
    id: receipt.id,
    reference: receipt.reference,
    email: ticket.email,
    name: ticket.name ?? null,
    subject: ticket.subject,
    message: ticket.message,
    locale: ticket.locale ?? null,
    page_url: ticket.pageUrl ?? null,
    metadata: ticket.metadata ? JSON.stringify(ticket.metadata) : null,
    user_agent: item.userAgent ?? null,
    status: 'open',
    created_at: receipt.createdAt,
  };
}

function newReceipt(): TicketReceipt {
  const now = Date.now();
  return { id: uuid7(now), reference: createReference(), createdAt: new Date(now).toISOString() };
}

function replay(
  row: { request_hash: string; response: string },
  requestHash: string,
): CreateTicketResult {
  return row.request_hash === requestHash
    ? { outcome: 'replayed', receipt: JSON.parse(row.response) as TicketReceipt }
    : { outcome: 'conflict' };
}

/** The SQLite writer: prepared statements, in the group commit's shared transaction. */
function createSqliteWriter(
  options: IntakeOptions & { sqlite: SQLite.Database; groupCommit: GroupCommit },
) {
  const { sqlite: raw, groupCommit: group } = options;
  const statements = {
    findKey: raw.prepare<[string], { request_hash: string; response: string; created_at: string }>(
      'select request_hash, response, created_at from idempotency_keys where key = ?',
    ),
    deleteKey: raw.prepare('delete from idempotency_keys where key = ?'),
    insertKey: raw.prepare(
      'insert into idempotency_keys (key, request_hash, ticket_id, response, created_at) values (?, ?, ?, ?, ?)',
    ),
    insertTicket: raw.prepare(
      `insert into tickets (id, reference, email, name, subject, message, locale, page_url, metadata, user_agent, status, verified, created_at)
       values (@id, @reference, @email, @name, @subject, @message, @locale, @page_url, @metadata, @user_agent, @status, @verified, @created_at)`,
    ),
    insertDelivery: raw.prepare(
      `insert into deliveries (id, ticket_id, destination, state, attempts, next_attempt_at, claimed_until, created_at, updated_at)
       values (@id, @ticket_id, @destination, @state, @attempts, @next_attempt_at, @claimed_until, @created_at, @updated_at)`,
    ),
    findAttachment: raw.prepare<[string], AttachmentState>(
      'select id, ticket_id, size from attachments where id = ?',
    ),
    claimAttachment: raw.prepare('update attachments set ticket_id = ?, position = ? where id = ?'),
  };

  function writeOne(item: NewTicket, now: number): CreateTicketResult {
    if (item.keyHash !== undefined) {
      const earlier = statements.findKey.get(item.keyHash);
      if (earlier) {
        if (earlier.created_at >= new Date(now - options.idempotencyTtlMs).toISOString()) {
          return replay(earlier, item.requestHash);
        }
        statements.deleteKey.run(item.keyHash);
      }
    }
    const ids = item.ticket.attachments ?? [];
    const problem = checkAttachments(
      ids,
      ids.map((id) => statements.findAttachment.get(id)),
      options.attachmentLimits,
    );
    if (problem) return { outcome: 'attachments_invalid', message: problem };
    let receipt = newReceipt();
    for (let attempt = 1; ; attempt++) {
      try {
        statements.insertTicket.run({
          ...ticketRow(item, receipt),
          verified: item.verified ? 1 : 0,
        });
        break;
      } catch (error) {
        // A reference drawn twice: draw again (the failed statement left the transaction intact).
        if (!isUniqueViolation(error) || attempt >= REFERENCE_ATTEMPTS) throw error;
        receipt = { ...receipt, reference: createReference() };
      }
    }
    ids.forEach((id, position) => statements.claimAttachment.run(receipt.id, position, id));
    for (const row of newDeliveryRows(receipt.id, options.destinations, now))
      statements.insertDelivery.run(row);
    if (item.keyHash !== undefined) {
      statements.insertKey.run(
        item.keyHash,
        item.requestHash,
        receipt.id,
        JSON.stringify(receipt),
        receipt.createdAt,
      );
    }
    return { outcome: 'created', receipt };
  }

  return async (item: NewTicket): Promise<CreateTicketResult> => {
    const result = await group.write(() => writeOne(item, Date.now()));
    if (result.outcome === 'created') options.onCommit?.();
    return result;
  };
}

interface Queued {
  item: NewTicket;
  resolve: (result: CreateTicketResult) => void;
  reject: (error: unknown) => void;
}

/** A ticket whose idempotency key another process stored first: answered after the commit. */
const LOST_KEY_RACE = 'lost key race';
type BatchResult = CreateTicketResult | typeof LOST_KEY_RACE;

/** Transactions the PostgreSQL writer runs at once: one commits while the next fills. */
const POSTGRES_PARALLEL_BATCHES = 2;
const POSTGRES_BATCH_MAX = 256;

/**
 * The PostgreSQL writer: the tickets that arrive while a transaction runs go together in the
 * next one, with one multi-row statement per table. Conflicts are answered with `on conflict
 * do nothing` instead of errors, which would abort the whole batch: a reference drawn twice
 * is drawn again; a key another server stored first undoes that ticket, which then replays
 * the winner's receipt.
 */
function createPostgresWriter(options: IntakeOptions) {
  const { db } = options;

  /** Answers for the replays, and the expired records out of the way. */
  async function checkKeys(
    trx: Transaction<Database>,
    batch: readonly NewTicket[],
    results: (BatchResult | undefined)[],
  ): Promise<void> {
    const keys = batch.flatMap((item) => (item.keyHash === undefined ? [] : [item.keyHash]));
    if (keys.length === 0) return;
    const cutoff = Date.now() - options.idempotencyTtlMs;
    const earlier = await trx
      .selectFrom('idempotency_keys')
      .select(['key', 'request_hash', 'response', 'created_at'])
      .where('key', 'in', keys)
      .execute();
    const expired: string[] = [];
    for (const row of earlier) {
      if (new Date(row.created_at).getTime() < cutoff) {
        expired.push(row.key);
        continue;
      }
      const i = batch.findIndex((item) => item.keyHash === row.key);
      results[i] = replay(row, (batch[i] as NewTicket).requestHash);
    }
    if (expired.length > 0) {
      await trx.deleteFrom('idempotency_keys').where('key', 'in', expired).execute();
    }
  }

  /** Lock and check the uploads each ticket claims (rare: most tickets have none). */
  async function checkUploads(
    trx: Transaction<Database>,
    batch: readonly NewTicket[],
    results: (BatchResult | undefined)[],
  ): Promise<void> {
    for (const [i, item] of batch.entries()) {
      const ids = item.ticket.attachments ?? [];
      if (results[i] !== undefined || ids.length === 0) continue;
      const rows = await trx
        .selectFrom('attachments')
        .select(['id', 'ticket_id', 'size'])
        .where('id', 'in', ids)
        .forUpdate()
        .execute();
      const problem = checkAttachments(
        ids,
        ids.map((id) => rows.find((r) => r.id === id)),
        options.attachmentLimits,
      );
      if (problem) results[i] = { outcome: 'attachments_invalid', message: problem };
    }
  }

  /** Insert the tickets, drawing references again for the ones that collided. */
  async function insertTickets(
    trx: Transaction<Database>,
    batch: readonly NewTicket[],
    receipts: Map<number, TicketReceipt>,
  ): Promise<void> {
    let todo = [...receipts.keys()];
    for (let attempt = 1; todo.length > 0; attempt++) {
      const inserted = await trx
        .insertInto('tickets')
        .values(
          todo.map((i) => {
            const item = batch[i] as NewTicket;
            return {
              ...ticketRow(item, receipts.get(i) as TicketReceipt),
              verified: item.verified,
            };
          }),
        )
        .onConflict((oc) => oc.column('reference').doNothing())
        .returning('id')
        .execute();
      const stored = new Set(inserted.map((row) => row.id));
      todo = todo.filter((i) => !stored.has((receipts.get(i) as TicketReceipt).id));
      if (todo.length > 0 && attempt >= REFERENCE_ATTEMPTS) {
        throw new Error(`No free ticket reference after ${attempt} draws`);
      }
      for (const i of todo) {
        receipts.set(i, { ...(receipts.get(i) as TicketReceipt), reference: createReference() });
      }
    }
  }

  async function writeBatch(batch: readonly NewTicket[]): Promise<BatchResult[]> {
    const results: (BatchResult | undefined)[] = batch.map(() => undefined);
    await db.transaction().execute(async (trx) => {
      await checkKeys(trx, batch, results);
      await checkUploads(trx, batch, results);
      const receipts = new Map<number, TicketReceipt>();
      batch.forEach((_, i) => results[i] === undefined && receipts.set(i, newReceipt()));
      if (receipts.size === 0) return;
      await insertTickets(trx, batch, receipts);
      for (const [i, receipt] of receipts) {
        for (const [position, id] of ((batch[i] as NewTicket).ticket.attachments ?? []).entries()) {
          await trx
            .updateTable('attachments')
            .set({ ticket_id: receipt.id, position })
            .where('id', '=', id)
            .execute();
        }
      }
      const now = Date.now();
      const deliveries = [...receipts.values()].flatMap((receipt) =>
        newDeliveryRows(receipt.id, options.destinations, now),
      );
      if (deliveries.length > 0) await trx.insertInto('deliveries').values(deliveries).execute();
      const keyed = [...receipts].filter(([i]) => batch[i]?.keyHash !== undefined);
      const lost = new Set(keyed.map(([, receipt]) => receipt.id));
      if (keyed.length > 0) {
        const stored = await trx
          .insertInto('idempotency_keys')
          .values(
            keyed.map(([i, receipt]) => ({
              key: (batch[i] as NewTicket).keyHash as string,
              request_hash: (batch[i] as NewTicket).requestHash,
              ticket_id: receipt.id,
              response: JSON.stringify(receipt),
              created_at: receipt.createdAt,
            })),
          )
          .onConflict((oc) => oc.column('key').doNothing())
          .returning('ticket_id')
          .execute();
        for (const row of stored) lost.delete(row.ticket_id);
      }
      if (lost.size > 0) {
        // Another server stored these keys first: take back these tickets, free their uploads.
        const ids = [...lost];
        await trx
          .updateTable('attachments')
          .set({ ticket_id: null })
          .where('ticket_id', 'in', ids)
          .execute();
        await trx.deleteFrom('tickets').where('id', 'in', ids).execute();
      }
      for (const [i, receipt] of receipts) {
        results[i] = lost.has(receipt.id) ? LOST_KEY_RACE : { outcome: 'created', receipt };
      }
    });
    return results as BatchResult[];
  }

  let queue: Queued[] = [];
  let running = 0;
  let scheduled = false;

  /** Up to the batch limit, one ticket per idempotency key (a repeat waits, then replays). */
  function takeBatch(): Queued[] {
    const batch: Queued[] = [];
    const rest: Queued[] = [];
    const keys = new Set<string>();
    for (const entry of queue) {
      const key = entry.item.keyHash;
      if (batch.length >= POSTGRES_BATCH_MAX || (key !== undefined && keys.has(key))) {
        rest.push(entry);
        continue;
      }
      if (key !== undefined) keys.add(key);
      batch.push(entry);
    }
    queue = rest;
    return batch;
  }

  async function run(batch: Queued[]): Promise<void> {
    try {
      const results = await writeBatch(batch.map((entry) => entry.item));
      batch.forEach((entry, i) => {
        const result = results[i] as BatchResult;
        // The next batch finds the winner's key and replays its receipt.
        if (result === LOST_KEY_RACE) queue.push(entry);
        else entry.resolve(result);
      });
      if (results.some((r) => r !== LOST_KEY_RACE && r.outcome === 'created')) {
        options.onCommit?.();
      }
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      running -= 1;
      if (queue.length > 0) schedule();
    }
  }

  function flush(): void {
    scheduled = false;
    while (queue.length > 0 && running < POSTGRES_PARALLEL_BATCHES) {
      running += 1;
      void run(takeBatch());
    }
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  return (item: NewTicket) =>
    new Promise<CreateTicketResult>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    });
}

/** Tickets waiting for their commit at once that make a burst. */
const BURST_TICKETS = 4;
/** How long a burst is remembered: longer than the gaps between its batches. */
const BURST_MEMORY_MS = 250;

export interface Intake {
  /** Store a new ticket; resolves after the commit. */
  write(item: NewTicket): Promise<CreateTicketResult>;
  /**
   * Whether tickets are arriving in a burst (several waiting for their commit at once,
   * lately): the relay then leaves the CPU to the visitors waiting for their 201.
   */
  isBusy(): boolean;
}

export function createIntake(options: IntakeOptions): Intake {
  const { sqlite, groupCommit } = options;
  const writer =
    sqlite && groupCommit
      ? createSqliteWriter({ ...options, sqlite, groupCommit })
      : createPostgresWriter(options);
  let pending = 0;
  let busyUntil = 0;
  return {
    async write(item) {
      pending += 1;
      if (pending >= BURST_TICKETS) busyUntil = Date.now() + BURST_MEMORY_MS;
      try {
        return await writer(item);
      } finally {
        pending -= 1;
      }
    },
    isBusy: () => busyUntil > Date.now(),
  };
}
