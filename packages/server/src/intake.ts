/**
 * Writing a new ticket: the ticket row, its claimed attachments, one outbox row per
 * destination and the idempotency record, in one transaction that commits before the 201.
 *
 * On SQLite, concurrent requests are written together, with prepared statements, in the
 * group commit's one transaction per turn of the event loop (see `group-commit.ts`).
 * PostgreSQL takes one transaction per ticket (its own WAL flushing groups commits).
 */
import { randomUUID } from 'node:crypto';
import { createReference, type Ticket, type TicketReceipt } from '@porthole/tickets';
import type SQLite from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import { isUniqueViolation, type Database, type DatabaseKind } from './database.js';
import type { GroupCommit } from './group-commit.js';
import { newDeliveryRows } from './outbox.js';

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
  return { id: randomUUID(), reference: createReference(), createdAt: new Date().toISOString() };
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

/** The PostgreSQL writer: one transaction per ticket, replaying the winner on a key race. */
function createKyselyWriter(options: IntakeOptions) {
  const { db } = options;

  async function findByKey(executor: Kysely<Database> | Transaction<Database>, item: NewTicket) {
    if (item.keyHash === undefined) return undefined;
    const cutoff = new Date(Date.now() - options.idempotencyTtlMs).toISOString();
    const row = await executor
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'response'])
      .where('key', '=', item.keyHash)
      .where('created_at', '>=', cutoff)
      .executeTakeFirst();
    if (row) return replay(row, item.requestHash);
    // An expired record would block the new one's primary key.
    await executor
      .deleteFrom('idempotency_keys')
      .where('key', '=', item.keyHash)
      .where('created_at', '<', cutoff)
      .execute();
    return undefined;
  }

  async function write(
    trx: Transaction<Database>,
    item: NewTicket,
    receipt: TicketReceipt,
  ): Promise<CreateTicketResult> {
    const ids = item.ticket.attachments ?? [];
    if (ids.length > 0 || options.attachmentLimits.maxFiles === 0) {
      const rows = ids.length
        ? await trx
            .selectFrom('attachments')
            .select(['id', 'ticket_id', 'size'])
            .where('id', 'in', ids)
            .forUpdate()
            .execute()
        : [];
      const problem = checkAttachments(
        ids,
        ids.map((id) => rows.find((r) => r.id === id)),
        options.attachmentLimits,
      );
      if (problem) return { outcome: 'attachments_invalid', message: problem };
    }
    await trx
      .insertInto('tickets')
      .values({ ...ticketRow(item, receipt), verified: item.verified })
      .execute();
    for (const [position, id] of ids.entries()) {
      await trx
        .updateTable('attachments')
        .set({ ticket_id: receipt.id, position })
        .where('id', '=', id)
        .execute();
    }
    const deliveries = newDeliveryRows(receipt.id, options.destinations, Date.now());
    if (deliveries.length > 0) await trx.insertInto('deliveries').values(deliveries).execute();
    if (item.keyHash !== undefined) {
      await trx
        .insertInto('idempotency_keys')
        .values({
          key: item.keyHash,
          request_hash: item.requestHash,
          ticket_id: receipt.id,
          response: JSON.stringify(receipt),
          created_at: receipt.createdAt,
        })
        .execute();
    }
    return { outcome: 'created', receipt };
  }

  return async (item: NewTicket): Promise<CreateTicketResult> => {
    const earlier = await findByKey(db, item);
    if (earlier) return earlier;
    for (let attempt = 1; ; attempt++) {
      try {
        const receipt = newReceipt();
        const result = await db.transaction().execute((trx) => write(trx, item, receipt));
        if (result.outcome === 'created') options.onCommit?.();
        return result;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Either another request with this key won (replay its answer) or the reference
        // collided with an older ticket (draw a new one).
        const winner = await findByKey(db, item);
        if (winner) return winner;
        if (attempt >= REFERENCE_ATTEMPTS) throw error;
      }
    }
  };
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
      : createKyselyWriter(options);
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
