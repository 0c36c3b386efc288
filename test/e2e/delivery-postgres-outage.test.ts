/**
 * PostgreSQL dies under load, or is not up yet when the server starts: `porthole serve` must
 * stay up, answer 503 meanwhile, and recover by itself. The database is a throwaway cluster
 * made by this test (initdb + pg_ctl on an ephemeral port), never the shared one.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = '/usr/lib/postgresql/15/bin';
const CLI = fileURLToPath(new URL('../../packages/cli/bin/porthole.js', import.meta.url));
const available = existsSync(join(BIN, 'pg_ctl')) && spawnSync('runuser', ['--help']).status === 0;
const skip = available || process.env.CI === 'true' ? false : `needs ${BIN}/pg_ctl and runuser`;

function asPostgres(command: string, args: string[]) {
  const result = spawnSync('runuser', ['-u', 'postgres', '--', join(BIN, command), ...args], {
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, `${command} failed: ${result.stderr}`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function until(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`timed out waiting until ${what}`);
}

describe('porthole serve when PostgreSQL goes away', { skip }, () => {
  let dir: string;
  let port: number;
  let cluster: { start(): void; kill(): Promise<void> };
  let child: ChildProcess | undefined;
  let url: string;
  let exited = false;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'porthole-pg-'));
    await chmod(dir, 0o777);
    const data = join(dir, 'data');
    port = await freePort();
    asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'porthole', '--no-sync']);
    cluster = {
      start: () =>
        asPostgres('pg_ctl', [
          '-D',
          data,
          '-w',
          '-l',
          join(dir, 'log'),
          '-o',
          `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
          'start',
        ]),
      async kill() {
        // The postmaster and its backends, killed: what a crash of the database host does.
        const pid = Number((await readFile(join(data, 'postmaster.pid'), 'utf8')).split('\n')[0]);
        const children = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
          .stdout.split('\n')
          .filter(Boolean)
          .map(Number);
        for (const victim of [pid, ...children]) process.kill(victim, 'SIGKILL');
        await until('every PostgreSQL process is gone', async () =>
          [pid, ...children].every((victim) => {
            try {
              process.kill(victim, 0);
              return false;
            } catch {
              return true;
            }
          }),
        );
      },
    };
  });

  after(async () => {
    child?.kill('SIGTERM');
    spawnSync('runuser', [
      '-u',
      'postgres',
      '--',
      join(BIN, 'pg_ctl'),
      '-D',
      join(dir, 'data'),
      '-m',
      'immediate',
      'stop',
    ]);
    await rm(dir, { recursive: true, force: true });
  });

  const health = async () => (await fetch(`${url}/healthz`)).status;
  const postTicket = async () =>
    (
      await fetch(`${url}/v1/tickets`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          email: 'ada@example.com',
          subject: 'Outage',
          message: 'Still there?',
        }),
      })
    ).status;

  it('starts while PostgreSQL is down, answers 503, and comes up when it does', async () => {
    child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], {
      env: {
        ...process.env,
        DATABASE_URL: `postgres://porthole@127.0.0.1:${port}/postgres`,
        PORTHOLE_RATE_LIMIT: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.resume();
    child.once('exit', () => (exited = true));
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child?.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /serving on (\S+)/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      child?.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    assert.equal(await health(), 503);
    assert.equal(await postTicket(), 503);
    cluster.start();
    await until('/healthz answers 200', async () => (await health()) === 200);
    assert.equal(await postTicket(), 201);
    assert.equal(exited, false);
  });

  it('stays up when the postmaster is killed under load, answers 503, and recovers', async () => {
    let load = true;
    const statuses: number[] = [];
    const sender = (async () => {
      while (load) statuses.push(await postTicket().catch(() => 0));
    })();
    await until(
      'a few tickets went in',
      async () => statuses.filter((s) => s === 201).length >= 10,
    );
    await cluster.kill();
    await until('/healthz answers 503', async () => (await health()) === 503);
    assert.equal(await postTicket(), 503);
    assert.equal(exited, false, 'porthole serve exited');
    cluster.start();
    await until('/healthz answers 200 again', async () => (await health()) === 200);
    await until('tickets are accepted again', async () => (await postTicket()) === 201);
    load = false;
    await sender;
    assert.equal(exited, false, 'porthole serve exited');
    assert.ok(!statuses.includes(500), 'a request got 500 instead of 503');
    assert.ok(!statuses.includes(0), 'a request found no server');
  });
});
