import type { TicketMetadata, TicketReceipt } from '@porthole/tickets';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, DatabaseKind, TicketsTable } from './database.js';
import { compileOnce } from './compile-once.js';
import { createOutbox, type DeliveryRecord } from './outbox.js';

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
  /** The ticket carried a `userHash` that matched its email. */
  verified: boolean;
}

/** One file of a ticket, as agents see it. */
export interface AttachmentRecord {
  id: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  /** Where an agent downloads it (with the agent token). */
  url: string;
}

/** A ticket with where it went and what came with it: `GET /v1/tickets/:id`. */
export interface TicketDetail extends TicketRecord {
  attachments: AttachmentRecord[];
  deliveries: DeliveryRecord[];
}

export interface TicketFilter {
  status?: string;
  /** ISO timestamps: created at or after `from`, before `to`. */
  from?: string;
  to?: string;
}

export interface TicketPage {
  tickets: TicketRecord[];
  nextCursor: string | null;
}

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
    verified: row.verified === true || row.verified === 1,
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

/** Reads for the agent API; writes go through `intake.ts`. */
export function createTicketStore(db: Kysely<Database>, kind: DatabaseKind) {
  const outbox = createOutbox(db, kind);
  // The relay reads every ticket it delivers.
  const byId = compileOnce((id: string) =>
    db.selectFrom('tickets').selectAll().where('id', '=', id),
  );
  return {
    /** Newest first; `after` is a decoded cursor. */
    async list(
      limit: number,
      after?: { createdAt: string; id: string },
      filter: TicketFilter = {},
    ): Promise<TicketPage> {
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
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      if (filter.from !== undefined) query = query.where('created_at', '>=', filter.from);
      if (filter.to !== undefined) query = query.where('created_at', '<', filter.to);
      const rows = await query.execute();
      const tickets = rows.slice(0, limit).map(toRecord);
      const last = tickets.at(-1);
      return { tickets, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
    },

    async record(id: string): Promise<TicketRecord | undefined> {
      const [row] = (await db.executeQuery(byId(id))).rows;
      return row ? toRecord(row) : undefined;
    },

    async get(id: string): Promise<TicketDetail | undefined> {
      const row = await db
        .selectFrom('tickets')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      const attachments = await db
        .selectFrom('attachments')
        .select(['id', 'name', 'type', 'size', 'sha256'])
        .where('ticket_id', '=', id)
        .orderBy('position')
        .execute();
      return {
        ...toRecord(row),
        attachments: attachments.map((a) => ({
          ...a,
          url: `/v1/tickets/${id}/attachments/${a.id}`,
        })),
        deliveries: await outbox.forTicket(id),
      };
    },

    /** Whether the database answers a trivial query. */
    async ping(): Promise<void> {
      await sql`select 1`.execute(db);
    },

    /** Forget idempotency keys older than `ttlMs`. */
    async purgeIdempotencyKeys(ttlMs: number): Promise<void> {
      await db
        .deleteFrom('idempotency_keys')
        .where('created_at', '<', new Date(Date.now() - ttlMs).toISOString())
        .execute();
    },
  };
}

export type TicketStore = ReturnType<typeof createTicketStore>;
