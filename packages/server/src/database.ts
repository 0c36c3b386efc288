import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type ColumnType } from 'kysely';
import pg from 'pg';
import type { ServerLogger } from './options.js';

/** Timestamps: written as ISO strings; PostgreSQL reads them back as `Date`, SQLite as text. */
type Timestamp = ColumnType<Date | string, string, never>;

export interface TicketsTable {
  id: string;
  reference: string;
  email: string;
  name: string | null;
  subject: string;
  message: string;
  locale: string | null;
  page_url: string | null;
  /** JSON text in, parsed object (PostgreSQL `jsonb`) or text (SQLite) out. */
  metadata: ColumnType<unknown, string | null, never>;
  user_agent: string | null;
  /** `open` for now; the outbox relay and agents will move it on. */
  status: string;
  created_at: Timestamp;
}

export interface IdempotencyKeysTable {
  key: string;
  /** SHA-256 of the canonical ticket, to tell a repeat from a different ticket. */
  request_hash: string;
  ticket_id: string;
  /** The JSON body of the 201 answer, replayed verbatim on a repeat. */
  response: string;
  created_at: Timestamp;
}

export interface MigrationsTable {
  name: string;
  applied_at: string;
}

export interface Database {
  tickets: TicketsTable;
  idempotency_keys: IdempotencyKeysTable;
  porthole_migrations: MigrationsTable;
}

export type DatabaseKind = 'sqlite' | 'postgres';

export interface OpenDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
}

type ParsedUrl = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** Parse `databaseUrl`. Never echoes the URL back: it may hold a password. */
export function parseDatabaseUrl(url: string): ParsedUrl {
  if (url.startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length);
    if (rest === ':memory:') return { kind: 'sqlite', file: ':memory:' };
    // `sqlite:///abs/file.db` and `sqlite://rel.db` read as paths too.
    const file = rest.startsWith('//') ? rest.slice(2) : rest;
    if (file === '')
      throw new Error('databaseUrl "sqlite:" needs a file: sqlite:.data/porthole.db');
    return { kind: 'sqlite', file };
  }
  if (/^postgres(?:ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? '(none)';
  throw new Error(
    `Unsupported databaseUrl scheme ${scheme}: use sqlite:<file>, sqlite::memory: or postgres://…`,
  );
}

function openSqlite(file: string, logger: ServerLogger): Kysely<Database> {
  const path = file === ':memory:' ? file : resolve(file);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  const mode = String(database.pragma('journal_mode = WAL', { simple: true }));
  if (path !== ':memory:' && mode !== 'wal') {
    logger.warn('SQLite did not switch to WAL mode', { journalMode: mode });
  }
  // FULL: a 201 means the ticket survives a power cut, not only a crash of this process.
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

function openPostgres(url: string, logger: ServerLogger): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its connection (PostgreSQL restarted) emits 'error' on the pool;
  // unhandled, that would crash the process. The pool replaces the client by itself.
  pool.on('error', (error) => logger.error('PostgreSQL connection lost', { error }));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

interface Migration {
  name: string;
  up(db: Kysely<Database>, kind: DatabaseKind): Promise<void>;
}

/**
 * Ordered migrations; append only. Applied at start inside one transaction, so a failed
 * migration leaves nothing half-done (both PostgreSQL and SQLite have transactional DDL).
 */
const MIGRATIONS: readonly Migration[] = [
  {
    name: '0001_tickets',
    async up(db, kind) {
      const uuid = kind === 'postgres' ? 'uuid' : 'text';
      const timestamp = kind === 'postgres' ? 'timestamptz' : 'text';
      const json = kind === 'postgres' ? 'jsonb' : 'text';
      await db.schema
        .createTable('tickets')
        .addColumn('id', uuid, (c) => c.primaryKey())
        .addColumn('reference', 'text', (c) => c.notNull().unique())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('locale', 'text')
        .addColumn('page_url', 'text')
        .addColumn('metadata', json)
        .addColumn('user_agent', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('tickets_created_at_id')
        .on('tickets')
        .columns(['created_at desc', 'id desc'])
        .execute();
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('ticket_id', uuid, (c) =>
          c.notNull().references('tickets.id').onDelete('cascade'),
        )
        .addColumn('response', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .execute();
    },
  },
];

async function migrate(db: Kysely<Database>, kind: DatabaseKind): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    if (kind === 'postgres') {
      // Several instances may start at once against one database: one migrates, the others
      // wait here and then find nothing left to do.
      await sql`select pg_advisory_xact_lock(hashtext('porthole_migrations'))`.execute(trx);
    }
    await trx.schema
      .createTable('porthole_migrations')
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute();
    const done = new Set(
      (await trx.selectFrom('porthole_migrations').select('name').execute()).map((r) => r.name),
    );
    const applied: string[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.name)) continue;
      await migration.up(trx, kind);
      await trx
        .insertInto('porthole_migrations')
        .values({ name: migration.name, applied_at: new Date().toISOString() })
        .execute();
      applied.push(migration.name);
    }
    return applied;
  });
}

/** Open the database named by `databaseUrl` and bring its schema up to date. */
export async function openDatabase(url: string, logger: ServerLogger): Promise<OpenDatabase> {
  const parsed = parseDatabaseUrl(url);
  const db =
    parsed.kind === 'sqlite' ? openSqlite(parsed.file, logger) : openPostgres(parsed.url, logger);
  try {
    const applied = await migrate(db, parsed.kind);
    if (applied.length > 0) logger.info('database migrated', { applied });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, kind: parsed.kind };
}

/** True when `error` is a unique/primary-key violation, in either database. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code } = error as { code?: unknown };
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
