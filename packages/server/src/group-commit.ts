/**
 * SQLite group commit. With `synchronous = FULL` every commit waits for an fsync (about 3 ms
 * on an ordinary virtual disk), and better-sqlite3 waits on the event loop's thread: one
 * commit per ticket, and one more per delivery the relay records, caps a server at a few
 * hundred tickets a second with every request stalled behind the fsyncs. Here every write
 * that arrives during one turn of the event loop — new tickets and the relay's claims and
 * outcomes alike — runs in one `BEGIN IMMEDIATE` transaction, so they share one fsync.
 *
 * A write that throws is rolled back alone and rejects alone; the others commit (the batch
 * is then run again with each write in its own savepoint). Statements are prepared once and kept (Kysely's SQLite driver
 * prepares every query anew, which costs more than running it).
 *
 * Given the WAL file, the batch commits with `synchronous = NORMAL` (no fsync on the event
 * loop's thread) and then the WAL is fdatasync'ed on libuv's thread pool before any write of
 * the batch resolves: what `synchronous = FULL` does at commit (the frames written, then
 * the WAL synced), with the wait off the event loop, so the next batch's requests are parsed
 * and written meanwhile. Every other statement on the handle keeps `synchronous = FULL`.
 */
import fs from 'node:fs';
import type SQLite from 'better-sqlite3';
import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from './database.js';

/** Most writes one transaction takes; the rest wait for the next turn. */
const BATCH_MAX = 512;
/** Distinct SQL texts kept prepared: every query shape the server has, with room to spare. */
const STATEMENT_CACHE_SIZE = 256;

export interface GroupCommit {
  /**
   * Run `work` (synchronous SQLite statements) in the next shared transaction. Resolves with
   * its result once the transaction is committed, or rejects with what it threw. `work` may
   * run twice (when another write of its batch throws, the batch is run again): it must have
   * no effect outside the database.
   */
  write<T>(work: () => T): Promise<T>;
  /** A compiled Kysely query, executed with a cached statement; for use inside `work`. */
  run<R>(query: CompiledQuery<R>): { rows: R[]; changes: number };
  /** Waits for the syncs in flight, then lets go of the WAL file. Call before closing. */
  close(): Promise<void>;
}

export interface GroupCommitOptions {
  /**
   * The database's `-wal` file (WAL mode): sync it off the event loop after each batch
   * instead of inside the commit. Without it, the commit syncs as the handle is set up to.
   */
  walFile?: string;
}

/**
 * An open descriptor of the WAL file. SQLite keeps that file (same inode) while a connection
 * is open; the inode is checked before each sync all the same, since syncing a file that was
 * replaced would acknowledge writes that are not on disk.
 */
function createWalSync(path: string) {
  let fd: number | undefined;
  let syncing = 0;
  let drained: (() => void) | undefined;
  const current = () => {
    if (fd !== undefined && fs.fstatSync(fd).ino === fs.statSync(path).ino) return fd;
    if (fd !== undefined) fs.closeSync(fd);
    fd = fs.openSync(path, 'r');
    return fd;
  };
  return {
    async sync(): Promise<void> {
      const handle = current();
      syncing += 1;
      try {
        await new Promise<void>((resolve, reject) =>
          fs.fdatasync(handle, (error) => (error ? reject(error) : resolve())),
        );
      } finally {
        syncing -= 1;
        if (syncing === 0) drained?.();
      }
    },
    async close(): Promise<void> {
      if (syncing > 0) await new Promise<void>((resolve) => (drained = resolve));
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
    },
  };
}

/** `prepare` that keeps the most recently used statements, for Kysely and for `run`. */
export function cachePreparedStatements(
  database: SQLite.Database,
  size = STATEMENT_CACHE_SIZE,
): (sql: string) => SQLite.Statement {
  const cache = new Map<string, SQLite.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (statement) {
      // Map order is insertion order: moving a hit to the end makes the first key the LRU.
      cache.delete(sql);
    } else {
      statement = database.prepare(sql);
      if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    }
    cache.set(sql, statement);
    return statement;
  };
}

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Thrown out of a batch run without savepoints to roll it back (a write threw). */
const ROLL_BACK = Symbol('roll back the batch');

/**
 * The group commit of one SQLite handle. `db` is the Kysely instance over the same handle:
 * the batch takes its connection, so a Kysely transaction in progress is never interleaved.
 */
export function createGroupCommit(
  database: SQLite.Database,
  db: Kysely<Database>,
  prepare: (sql: string) => SQLite.Statement,
  options: GroupCommitOptions = {},
): GroupCommit {
  const wal = options.walFile === undefined ? undefined : createWalSync(options.walFile);
  const synchronous = {
    NORMAL: database.prepare('pragma synchronous = NORMAL'),
    FULL: database.prepare('pragma synchronous = FULL'),
  };
  const inSavepoint = database.transaction((work: () => unknown) => work());
  const withSavepoints = database.transaction((batch: readonly Pending[]): Outcome[] =>
    batch.map((entry) => {
      try {
        return { ok: true, value: inSavepoint(entry.work) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );
  // A savepoint and its release cost about as much as a ticket's inserts, and writes almost
  // never throw: the batch runs without them first, and only when one throws is it rolled
  // back and run again with one savepoint per write.
  const optimistic = database.transaction((batch: readonly Pending[]): Outcome[] =>
    batch.map((entry) => {
      try {
        return { ok: true, value: entry.work() };
      } catch {
        throw ROLL_BACK;
      }
    }),
  );
  const runBatch = (batch: readonly Pending[]): Outcome[] => {
    try {
      return optimistic.immediate(batch);
    } catch (error) {
      if (error !== ROLL_BACK) throw error;
      return withSavepoints.immediate(batch);
    }
  };
  let queue: Pending[] = [];
  let scheduled = false;

  async function flush(): Promise<void> {
    scheduled = false;
    const batch = queue.length > BATCH_MAX ? queue.slice(0, BATCH_MAX) : queue;
    queue = queue.length > BATCH_MAX ? queue.slice(BATCH_MAX) : [];
    if (queue.length > 0) schedule();
    let outcomes: Outcome[];
    try {
      outcomes = await db.connection().execute(async () => {
        // Kysely's connection is ours until this returns: no other statement runs at NORMAL.
        if (!wal) return runBatch(batch);
        synchronous.NORMAL.run();
        try {
          return runBatch(batch);
        } finally {
          synchronous.FULL.run();
        }
      });
    } catch (error) {
      // BEGIN or COMMIT failed (disk full, database locked by another process): nothing of
      // the batch was stored.
      for (const entry of batch) entry.reject(error);
      return;
    }
    try {
      // Also covers every batch committed before this one, whose syncs may still be running.
      await wal?.sync();
    } catch (error) {
      // Committed but maybe not on disk: no write of the batch is acknowledged. A client that
      // retries with its Idempotency-Key gets the stored ticket's receipt.
      for (const entry of batch) entry.reject(error);
      return;
    }
    batch.forEach((entry, i) => {
      const outcome = outcomes[i] as Outcome;
      if (outcome.ok) entry.resolve(outcome.value);
      else entry.reject(outcome.error);
    });
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    // After this turn's I/O callbacks: every request that arrived with them joins in.
    setImmediate(() => void flush());
  }

  return {
    write<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
    run<R>(query: CompiledQuery<R>) {
      const statement = prepare(query.sql);
      const parameters = query.parameters as unknown[];
      if (statement.reader) return { rows: statement.all(parameters) as R[], changes: 0 };
      return { rows: [], changes: statement.run(parameters).changes };
    },
    close: async () => wal?.close(),
  };
}
