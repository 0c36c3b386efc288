import { createHash, randomUUID } from 'node:crypto';
import {
  createReference,
  serializeTicket,
  type Ticket,
  type TicketMetadata,
  type TicketReceipt,
} from '@porthole/tickets';
import type { Kysely, Selectable } from 'kysely';
import { isUniqueViolation, type Database, type TicketsTable } from './database.js';

/** A stored ticket as the agent API returns it. */
export interface TicketRecord extends TicketReceipt {
  status: string;
  email: string;
  name: string | null;
  subject: string;
  message: string;
  locale: string | null;
  pageUrl: string | null;
  metadata: TicketMetadata | null;
  userAgent: string | null;
}

export type CreateTicketResult =
  | { outcome: 'created'; receipt: TicketReceipt }
  | { outcome: 'replayed'; receipt: TicketReceipt }
  | { outcome: 'conflict' };

export interface TicketPage {
  tickets: TicketRecord[];
  nextCursor: string | null;
}

/** Draws of a fresh reference before giving up; 40 random bits make a second draw rare. */
const REFERENCE_ATTEMPTS = 5;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function toIso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : value;
}

function toRecord(row: Selectable<TicketsTable>): TicketRecord {
  const metadata =
    typeof row.metadata === 'string' ? (JSON.parse(row.metadata) as unknown) : row.metadata;
  return {
    id: row.id,
    reference: row.reference,
    createdAt: toIso(row.created_at),
    status: row.status,
    email: row.email,
    name: row.name,
    subject: row.subject,
    message: row.message,
    locale: row.locale,
    pageUrl: row.page_url,
    metadata: (metadata ?? null) as TicketMetadata | null,
    userAgent: row.user_agent,
  };
}

export function encodeCursor(record: TicketRecord): string {
  return Buffer.from(`${record.createdAt}|${record.id}`).toString('base64url');
}

/** The position a cursor points after, or undefined when it was not made by this server. */
export function decodeCursor(cursor: string): { createdAt: string; id: string } | undefined {
  const [createdAt = '', id = '', ...rest] = Buffer.from(cursor, 'base64url')
    .toString('utf8')
    .split('|');
  if (rest.length > 0 || !ISO_TIMESTAMP.test(createdAt) || !UUID.test(id)) return undefined;
  return { createdAt, id };
}

export function isTicketId(id: string): boolean {
  return UUID.test(id);
}

/** Data access for tickets; one instance per server, stateless between calls. */
export function createTicketStore(db: Kysely<Database>) {
  async function findByKey(key: string, requestHash: string): Promise<CreateTicketResult | null> {
    const row = await db
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'response'])
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row) return null;
    if (row.request_hash !== requestHash) return { outcome: 'conflict' };
    return { outcome: 'replayed', receipt: JSON.parse(row.response) as TicketReceipt };
  }

  return {
    /**
     * Store a ticket, at most once per idempotency key. Resolves only after the transaction
     * committed. Concurrent requests with one key: every loser hits the key's primary key,
     * rolls back its own ticket, and replays the winner's committed answer.
     */
    async create(
      ticket: Ticket,
      { idempotencyKey, userAgent }: { idempotencyKey?: string; userAgent?: string },
    ): Promise<CreateTicketResult> {
      const requestHash = createHash('sha256').update(serializeTicket(ticket)).digest('hex');
      if (idempotencyKey !== undefined) {
        const earlier = await findByKey(idempotencyKey, requestHash);
        if (earlier) return earlier;
      }
      for (let attempt = 1; ; attempt++) {
        const receipt: TicketReceipt = {
          id: randomUUID(),
          reference: createReference(),
          createdAt: new Date().toISOString(),
        };
        try {
          await db.transaction().execute(async (trx) => {
            await trx
              .insertInto('tickets')
              .values({
                id: receipt.id,
                reference: receipt.reference,
                email: ticket.email,
                name: ticket.name ?? null,
                subject: ticket.subject,
                message: ticket.message,
                locale: ticket.locale ?? null,
                page_url: ticket.pageUrl ?? null,
                metadata: ticket.metadata ? JSON.stringify(ticket.metadata) : null,
                user_agent: userAgent ?? null,
                status: 'open',
                created_at: receipt.createdAt,
              })
              .execute();
            if (idempotencyKey !== undefined) {
              await trx
                .insertInto('idempotency_keys')
                .values({
                  key: idempotencyKey,
                  request_hash: requestHash,
                  ticket_id: receipt.id,
                  response: JSON.stringify(receipt),
                  created_at: receipt.createdAt,
                })
                .execute();
            }
          });
          return { outcome: 'created', receipt };
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          if (idempotencyKey !== undefined) {
            const winner = await findByKey(idempotencyKey, requestHash);
            if (winner) return winner;
          }
          // Otherwise the reference collided with an older ticket: draw a new one.
          if (attempt >= REFERENCE_ATTEMPTS) throw error;
        }
      }
    },

    /** Newest first; `after` is a decoded cursor. */
    async list(limit: number, after?: { createdAt: string; id: string }): Promise<TicketPage> {
      let query = db
        .selectFrom('tickets')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (after) {
        query = query.where((eb) =>
          eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)),
        );
      }
      const rows = await query.execute();
      const tickets = rows.slice(0, limit).map(toRecord);
      const last = tickets.at(-1);
      return { tickets, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
    },

    async get(id: string): Promise<TicketRecord | undefined> {
      const row = await db
        .selectFrom('tickets')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },

    /** Whether the database answers a trivial query. */
    async ping(): Promise<void> {
      await db.selectFrom('porthole_migrations').select('name').limit(1).execute();
    },
  };
}

export type TicketStore = ReturnType<typeof createTicketStore>;
