import assert from 'node:assert/strict';
import fs, { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../src/database.js';
import {
  cachePreparedStatements,
  createGroupCommit,
  type GroupCommit,
} from '../src/group-commit.js';

describe('SQLite group commit', () => {
  let dir: string;
  let database: SQLite.Database;
  let reader: SQLite.Database;
  let db: Kysely<Database>;
  let group: GroupCommit;
  const count = () => (reader.prepare('select count(*) as n from notes').get() as { n: number }).n;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'porthole-group-'));
    database = new SQLite(join(dir, 'group.db'));
    database.pragma('journal_mode = WAL');
    database.exec('create table notes (id integer primary key, text text not null unique)');
    reader = new SQLite(join(dir, 'group.db'), { readonly: true });
    const prepare = cachePreparedStatements(database);
    db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: { prepare, close: () => database.close() } }),
    });
    group = createGroupCommit(database, db, prepare);
  });

  after(async () => {
    reader.close();
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the writes of one event-loop turn in one transaction, committed before they resolve', async () => {
    const insert = database.prepare('insert into notes (text) values (?)');
    const before = count();
    const seenByOthers: number[] = [];
    const writes = ['a', 'b', 'c'].map((text) =>
      group.write(() => {
        insert.run(text);
        // Another connection sees none of the batch until its one commit.
        seenByOthers.push(count());
        return database.inTransaction;
      }),
    );
    assert.deepEqual(await Promise.all(writes), [true, true, true]);
    assert.deepEqual(seenByOthers, [before, before, before]);
    assert.equal(count(), before + 3);
  });

  it('rolls back and rejects only the write that threw', async () => {
    const insert = database.prepare('insert into notes (text) values (?)');
    const before = count();
    const results = await Promise.allSettled([
      group.write(() => insert.run('d')),
      group.write(() => {
        insert.run('e');
        insert.run('d'); // unique violation: 'e' goes with it
      }),
      group.write(() => insert.run('f')),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.equal(count(), before + 2);
    assert.equal(reader.prepare("select 1 from notes where text = 'e'").get(), undefined);
  });

  it('runs compiled Kysely queries with one prepared statement per SQL text', async () => {
    const query = (text: string) =>
      db
        .insertInto('notes' as never)
        .values({ text } as never)
        .returning('id' as never)
        .compile();
    const rows = await group.write(() => [group.run(query('g')).rows, group.run(query('h')).rows]);
    assert.equal(rows.flat().length, 2);
    const prepare = cachePreparedStatements(database);
    assert.equal(prepare('select 1'), prepare('select 1'));
  });
});

describe('SQLite group commit with the WAL synced off the event loop', () => {
  let dir: string;
  let database: SQLite.Database;
  let db: Kysely<Database>;
  let group: GroupCommit;
  let wal: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'porthole-group-sync-'));
    const file = join(dir, 'sync.db');
    wal = `${file}-wal`;
    database = new SQLite(file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.exec('create table notes (id integer primary key, text text not null)');
    const prepare = cachePreparedStatements(database);
    db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: { prepare, close: () => database.close() } }),
    });
    group = createGroupCommit(database, db, prepare, { walFile: wal });
  });

  after(async () => {
    await group.close();
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('resolves no write of a batch before an fdatasync of the WAL file has finished', async () => {
    const synced: { ino: number; finish: () => void }[] = [];
    const datasync = mock.method(fs, 'fdatasync', (fd: number, callback: (e: null) => void) => {
      synced.push({ ino: fs.fstatSync(fd).ino, finish: () => callback(null) });
    });
    try {
      let resolved = 0;
      const insert = database.prepare('insert into notes (text) values (?)');
      const writes = ['a', 'b'].map((text) =>
        group.write(() => insert.run(text)).then(() => (resolved += 1)),
      );
      while (synced.length === 0) await new Promise((resolve) => setImmediate(resolve));
      assert.equal(synced[0]?.ino, statSync(wal).ino);
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(resolved, 0);
      synced[0]?.finish();
      await Promise.all(writes);
      assert.equal(resolved, 2);
    } finally {
      datasync.mock.restore();
    }
  });

  it('keeps synchronous = FULL on the handle for every statement outside the batch', async () => {
    await group.write(() => database.prepare("insert into notes (text) values ('c')").run());
    assert.equal(database.pragma('synchronous', { simple: true }), 2);
  });

  it('rejects the writes of a batch whose WAL sync fails', async () => {
    const failing = mock.method(fs, 'fdatasync', (_fd: number, callback: (e: Error) => void) =>
      callback(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' })),
    );
    try {
      const insert = database.prepare('insert into notes (text) values (?)');
      const results = await Promise.allSettled([
        group.write(() => insert.run('d')),
        group.write(() => insert.run('e')),
      ]);
      assert.deepEqual(
        results.map((r) => r.status === 'rejected' && (r.reason as { code?: string }).code),
        ['EIO', 'EIO'],
      );
    } finally {
      failing.mock.restore();
    }
  });
});
