/**
 * The schema, as Kysely migrations. Append only: a released migration never changes, because
 * databases out there already ran it. `0001` creates only what is missing, so databases made
 * before the Migrator existed (same tables, tracked in `porthole_migrations`) move forward.
 */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseKind } from './database.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations see the schema of their day, not today's types. */
type AnyDb = Kysely<any>;

function types(kind: DatabaseKind) {
  const pg = kind === 'postgres';
  return {
    uuid: pg ? 'uuid' : 'text',
    timestamp: pg ? 'timestamptz' : 'text',
    json: pg ? 'jsonb' : 'text',
    boolean: pg ? 'boolean' : 'integer',
    /** Epoch milliseconds: the relay compares them without time-zone or format questions. */
    millis: pg ? 'bigint' : 'integer',
  } as const;
}

function tickets(kind: DatabaseKind): Migration {
  const t = types(kind);
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('tickets')
        .ifNotExists()
        .addColumn('id', t.uuid, (c) => c.primaryKey())
        .addColumn('reference', 'text', (c) => c.notNull().unique())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('locale', 'text')
        .addColumn('page_url', 'text')
        .addColumn('metadata', t.json)
        .addColumn('user_agent', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('tickets_created_at_id')
        .ifNotExists()
        .on('tickets')
        .columns(['created_at desc', 'id desc'])
        .execute();
      await db.schema
        .createTable('idempotency_keys')
        .ifNotExists()
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('ticket_id', t.uuid, (c) =>
          c.notNull().references('tickets.id').onDelete('cascade'),
        )
        .addColumn('response', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
    },
  };
}

function outbox(kind: DatabaseKind): Migration {
  const t = types(kind);
  return {
    async up(db: AnyDb) {
      // The hand-rolled migration table of 0.1; the Migrator keeps its own.
      await db.schema.dropTable('porthole_migrations').ifExists().execute();
      await db.schema
        .alterTable('tickets')
        .addColumn('verified', t.boolean, (c) =>
          c.notNull().defaultTo(kind === 'postgres' ? sql`false` : 0),
        )
        .execute();
      await db.schema
        .createIndex('tickets_status_created_at')
        .on('tickets')
        .columns(['status', 'created_at desc', 'id desc'])
        .execute();
      await db.schema
        .createIndex('idempotency_keys_created_at')
        .on('idempotency_keys')
        .column('created_at')
        .execute();
      await db.schema
        .createTable('deliveries')
        .addColumn('id', t.uuid, (c) => c.primaryKey())
        .addColumn('ticket_id', t.uuid, (c) =>
          c.notNull().references('tickets.id').onDelete('cascade'),
        )
        .addColumn('destination', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', t.millis, (c) => c.notNull())
        .addColumn('claimed_until', t.millis, (c) => c.notNull().defaultTo(0))
        .addColumn('claim_token', 'text')
        .addColumn('progress', 'text')
        .addColumn('last_error', 'text')
        .addColumn('last_status', 'integer')
        .addColumn('remote_id', 'text')
        .addColumn('created_at', t.millis, (c) => c.notNull())
        .addColumn('updated_at', t.millis, (c) => c.notNull())
        .addColumn('delivered_at', t.millis)
        .execute();
      await db.schema
        .createIndex('deliveries_due')
        .on('deliveries')
        .columns(['state', 'next_attempt_at'])
        .execute();
      await db.schema
        .createIndex('deliveries_ticket')
        .on('deliveries')
        .column('ticket_id')
        .execute();
      await db.schema
        .createTable('attachments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('ticket_id', t.uuid, (c) => c.references('tickets.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', t.millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('attachments_ticket')
        .on('attachments')
        .columns(['ticket_id', 'position'])
        .execute();
      await db.schema
        .createTable('relay_leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('host', 'text', (c) => c.notNull())
        .addColumn('pid', 'integer', (c) => c.notNull())
        .addColumn('expires_at', t.millis, (c) => c.notNull())
        .execute();
    },
  };
}

/** Every migration, keyed by name; the Migrator runs them in name order. */
export function createMigrationProvider(kind: DatabaseKind): MigrationProvider {
  return {
    getMigrations: () =>
      Promise.resolve({
        '0001_tickets': tickets(kind),
        '0002_outbox_attachments': outbox(kind),
      }),
  };
}
