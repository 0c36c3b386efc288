import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type ColumnType } from 'kysely';
import pg from 'pg';
import { cachePreparedStatements, createGroupCommit, type GroupCommit } from './group-commit.js';
import { createMigrationProvider } from './migrations.js';
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
  /** `open` for now; agents will move it on. */
  status: string;
  /** 1/true when the ticket carried a `userHash` that matched its email. */
  verified: ColumnType<boolean | number, boolean | number | undefined, never>;
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

export interface DeliveriesTable {
  id: string;
  ticket_id: string;
  /** The destination's name: its URL without credentials (`zendesk+https://acme.zendesk.com`). */
  destination: string;
  state: 'pending' | 'delivered' | 'dead';
  attempts: number;
  /** Epoch ms (PostgreSQL `bigint` reads back as a string: use `Number()`). */
  next_attempt_at: ColumnType<number | string, number, number>;
  claimed_until: ColumnType<number | string, number | undefined, number>;
  claim_token: string | null;
  /** JSON the destination keeps between attempts (Zendesk upload tokens, mail already sent). */
  progress: string | null;
  last_error: string | null;
  last_status: number | null;
  remote_id: string | null;
  created_at: ColumnType<number | string, number, never>;
  updated_at: ColumnType<number | string, number, number>;
  delivered_at: ColumnType<number | string | null, number | null | undefined, number | null>;
}

export interface AttachmentsTable {
  /** `up_` + 32 hex digits: also the file's name in the uploads folder. */
  id: string;
  /** Null until a ticket claims the upload. */
  ticket_id: string | null;
  name: string;
  type: string;
  size: number;
  sha256: string;
  position: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<number | string, number, never>;
}

export interface RelayLeasesTable {
  name: string;
  holder: string;
  host: string;
  pid: number;
  expires_at: ColumnType<number | string, number, number>;
}

export interface Database {
  tickets: TicketsTable;
  idempotency_keys: IdempotencyKeysTable;
  deliveries: DeliveriesTable;
  attachments: AttachmentsTable;
  relay_leases: RelayLeasesTable;
}

export type DatabaseKind = 'sqlite' | 'postgres';

export interface OpenDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The SQLite handle behind `db` (for prepared statements); absent on PostgreSQL. */
  sqlite?: SQLite.Database;
  /** SQLite: the one transaction per event-loop turn that every write joins. */
  groupCommit?: GroupCommit;
  /** Resolves once the schema is up to date (at once on SQLite; on PostgreSQL when it answers). */
  ready: Promise<void>;
  /** Whether `ready` has resolved. */
  isReady(): boolean;
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

function openSqlite(file: string, logger: ServerLogger) {
  const path = file === ':memory:' ? file : resolve(file);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  const mode = String(database.pragma('journal_mode = WAL', { simple: true }));
  if (path !== ':memory:' && mode !== 'wal') {
    logger.warn('SQLite did not switch to WAL mode', { journalMode: mode });
  }
  // FULL: a 201 means the ticket survives a power cut, not only a crash of this process.
  // (The group commit gets the same with its own fdatasync of the WAL, off the event loop.)
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  // Each write of a group commit runs in a savepoint, whose undo journal is a temporary
  // file by default: in memory, a ticket's write costs about half as much CPU.
  database.pragma('temp_store = MEMORY');
  database.pragma('foreign_keys = ON');
  const prepare = cachePreparedStatements(database);
  const close = async () => {
    await groupCommit.close();
    database.close();
  };
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: { prepare, close } }) });
  // WAL: the group commit syncs the log off the event loop (see group-commit.ts).
  const groupCommit = createGroupCommit(
    database,
    db,
    prepare,
    mode === 'wal' ? { walFile: `${path}-wal` } : {},
  );
  return { database, db, groupCommit };
}

function openPostgres(url: string, logger: ServerLogger): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its connection (PostgreSQL restarted) emits 'error' on the pool;
  // unhandled, that would crash the process. The pool replaces the client by itself.
  pool.on('error', (error) =>
    logger.warn('PostgreSQL connection lost', { code: errorCode(error) }),
  );
  // A client that is checked out (mid-query, mid-transaction) has no pool listener: when the
  // server dies under it, its 'error' would be unhandled and end the process. The query in
  // flight fails on its own; this only keeps the event from killing everything else.
  pool.on('connect', (client) => {
    client.on('error', (error) =>
      logger.warn('PostgreSQL connection lost mid-request', { code: errorCode(error) }),
    );
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

async function migrate(db: Kysely<Database>, kind: DatabaseKind): Promise<string[]> {
  // The Migrator looks for its tables in every schema unless told which one: a database with
  // Porthole in two schemas would find the other's and skip creating its own.
  const schema =
    kind === 'postgres'
      ? (await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db))
          .rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider: createMigrationProvider(kind),
    migrationTableName: 'porthole_migration',
    migrationLockTableName: 'porthole_migration_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) throw error;
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * PostgreSQL errors that mean "not now" rather than "never": the server is starting, shutting
 * down, restarting, or out of reach. Anything else (a wrong password, a missing database)
 * stops the start with its own message.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (/^(57P0[1-3]|08\d{3}|53300)$/.test(code)) return true;
    if (/^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN)$/.test(code)) {
      return true;
    }
  }
  return (
    typeof message === 'string' &&
    /Connection terminated|connection timeout|Client has encountered a connection error|Client was closed/i.test(
      message,
    )
  );
}

/**
 * Open the database named by `databaseUrl` and bring its schema up to date. SQLite errors
 * fail at once. A PostgreSQL that does not answer yet (restarting, recovering) does not: the
 * server starts, answers 503, and keeps trying in the background until `ready` resolves.
 */
export async function openDatabase(url: string, logger: ServerLogger): Promise<OpenDatabase> {
  const parsed = parseDatabaseUrl(url);
  if (parsed.kind === 'sqlite') {
    const { db, database, groupCommit } = openSqlite(parsed.file, logger);
    try {
      const applied = await migrate(db, 'sqlite');
      if (applied.length > 0) logger.info('database migrated', { applied });
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return {
      db,
      kind: 'sqlite',
      sqlite: database,
      groupCommit,
      ready: Promise.resolve(),
      isReady: () => true,
    };
  }
  const db = openPostgres(parsed.url, logger);
  let ready = false;
  let closed = false;
  const attempt = async () => {
    const applied = await migrate(db, 'postgres');
    if (applied.length > 0) logger.info('database migrated', { applied });
    ready = true;
  };
  try {
    await attempt();
    return { db, kind: 'postgres', ready: Promise.resolve(), isReady: () => ready };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) {
      await db.destroy();
      throw error;
    }
    logger.warn('PostgreSQL does not answer yet; retrying in the background', {
      code: (error as { code?: string }).code,
    });
  }
  const retries = (async () => {
    for (let delay = 250; !closed; delay = Math.min(delay * 2, 5_000)) {
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
      try {
        await attempt();
        logger.info('PostgreSQL answers again; the schema is up to date');
        return;
      } catch (error) {
        if (!isDatabaseUnavailable(error)) logger.error('migration failed', { error });
      }
    }
  })();
  const destroy = db.destroy.bind(db);
  db.destroy = async () => {
    closed = true;
    await destroy();
  };
  return { db, kind: 'postgres', ready: retries, isReady: () => ready };
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
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
