/**
 * Intake throughput and delivery latency of a real `porthole serve` (the built CLI: run
 * `npm run build` first) with its relay delivering every ticket to a local webhook, next to a
 * plain node:http + better-sqlite3 server at the same durability (`peer-server.ts`) driven
 * the same way in the same run.
 *
 *   npm run bench:intake -- [--postgres] [--rounds 3] [--seconds 8] [--warmup 2]
 *     [--connections 50] [--no-peer] [--cpu-prof <dir>]
 *
 * Each round, for the peer and for Porthole: `--connections` keep-alive connections POST
 * tickets (each with its own `Idempotency-Key`) as fast as they are answered, first for
 * `--warmup` seconds unmeasured (a fresh process runs unoptimised code at first), then for
 * `--seconds`; tickets/s and latency percentiles. The server's CPU time (user + system, from
 * /proc) per ticket is the figure that other load on the machine skews least: it is given
 * for the intake phase and, for Porthole, up to the moment the relay has delivered every
 * ticket. Then 200 tickets at 20/s, each timed from its 201 to its arrival at the webhook.
 * The load average is printed with every result: on a shared machine, read numbers taken at
 * a load above the core count as a floor.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WEBHOOK_SECRET, startWebhook } from '../test/fakes/vendors.js';

const CLI = fileURLToPath(new URL('../../cli/bin/porthole.js', import.meta.url));
const PEER = fileURLToPath(new URL('./peer-server.ts', import.meta.url));

const { values } = parseArgs({
  options: {
    postgres: { type: 'boolean', default: false },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '3' },
    'no-peer': { type: 'boolean', default: false },
    /** Write a V8 CPU profile of each Porthole server process into this folder. */
    'cpu-prof': { type: 'string' },
  },
});
const connections = Number(values.connections);
const seconds = Number(values.seconds);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const load = () => loadavg()[0]?.toFixed(2) ?? '?';

function post(agent: Agent, url: URL, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': randomUUID(),
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const body = (n: number) =>
  JSON.stringify({
    email: `v${n}@example.com`,
    name: 'Load Test',
    subject: `Load ticket ${n}`,
    message:
      'A message of ordinary length, about as long as the ones visitors write when something does not work.',
  });

/** A fresh, empty database per run: a SQLite file, or a PostgreSQL schema of its own. */
async function freshDatabase(dir: string, run: number) {
  if (!values.postgres) {
    return { url: `sqlite:${join(dir, `porthole-${run}.db`)}`, drop: () => Promise.resolve() };
  }
  const base = process.env.PORTHOLE_TEST_DATABASE_URL;
  if (!base) throw new Error('--postgres needs PORTHOLE_TEST_DATABASE_URL');
  const pg = (await import('pg')).default;
  const schema = `porthole_bench_${process.pid}_${run}`;
  const query = async (sql: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await query(`create schema "${schema}"`);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), drop: () => query(`drop schema "${schema}" cascade`) };
}

type Server = ChildProcessByStdio<null, Readable, null>;

async function listening(child: Server): Promise<URL> {
  return new Promise<URL>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving on (\S+)/.exec(out);
      if (match?.[1]) resolve(new URL('/v1/tickets', match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
}

/** CPU time (user + system) a process has used, in ms, from Linux's /proc. */
async function cpuMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
}

let counter = 0;

/** `connections` clients posting for `duration` seconds: the latencies of the 201s. */
async function drive(agent: Agent, endpoint: URL, duration: number) {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + duration * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        const { status } = await post(agent, endpoint, body(counter++));
        if (status === 201) latencies.push(performance.now() - t);
        else errors += 1;
      }
    }),
  );
  return { latencies, errors };
}

async function throughput(agent: Agent, endpoint: URL, pid: number) {
  const cpuAtStart = await cpuMs(pid);
  const warmup = await drive(agent, endpoint, Number(values.warmup));
  const cpuBefore = await cpuMs(pid);
  const started = performance.now();
  const { latencies, errors } = await drive(agent, endpoint, seconds);
  const elapsed = (performance.now() - started) / 1000;
  const cpu = (await cpuMs(pid)) - cpuBefore;
  latencies.sort((a, b) => a - b);
  const result = {
    tickets: latencies.length,
    errors,
    ticketsPerSecond: Math.round(latencies.length / elapsed),
    p50ms: round1(percentile(latencies, 50)),
    p99ms: round1(percentile(latencies, 99)),
    cpuMsPerTicket: Math.round((cpu / Math.max(1, latencies.length)) * 1000) / 1000,
  };
  return { result, cpuAtStart, warmupTickets: warmup.latencies.length };
}

const dir = await mkdtemp(join(tmpdir(), 'porthole-bench-'));
const webhook = await startWebhook();
const arrived = new Map<string, number>();
const record = webhook.received.set.bind(webhook.received);
webhook.received.set = (key, event) => {
  arrived.set(String(event.ticket.id), performance.now());
  return record(key, event);
};
let runs = 0;

async function stop(child: Server, agent: Agent): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  agent.destroy();
  child.kill('SIGTERM');
  await exited;
}

async function benchPeer() {
  const loadBefore = load();
  const child = spawn(process.execPath, ['--import', 'tsx', PEER, join(dir, `peer-${runs++}.db`)], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const endpoint = await listening(child);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const { result } = await throughput(agent, endpoint, child.pid as number);
  await stop(child, agent);
  return { server: 'peer', database: 'sqlite', ...result, load: `${loadBefore}→${load()}` };
}

async function benchPorthole() {
  const loadBefore = load();
  const database = await freshDatabase(dir, runs++);
  const child = spawn(
    process.execPath,
    [
      ...(values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']] : []),
      CLI,
      'serve',
      '--port',
      '0',
      '--deliver',
      `webhook+${webhook.origin}/hook`,
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        PORTHOLE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        PORTHOLE_RATE_LIMIT: 'off',
        PORTHOLE_ATTACHMENT_TYPES: 'off',
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const pid = child.pid as number;
  const endpoint = await listening(child);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  arrived.clear();
  const { result, cpuAtStart, warmupTickets } = await throughput(agent, endpoint, pid);

  // Everything a ticket costs, its delivery included: CPU until the relay has caught up.
  const started = performance.now();
  while (arrived.size < warmupTickets + result.tickets)
    await new Promise((resolve) => setTimeout(resolve, 20));
  const drainedAfterSeconds = round1((performance.now() - started) / 1000);
  // The warm-up's tickets are delivered in this time too: count them, and their intake.
  const cpuWithDelivery =
    ((await cpuMs(pid)) - cpuAtStart) / Math.max(1, warmupTickets + result.tickets);

  // Delivery latency with a healthy destination, one ticket at a time.
  const acked = new Map<string, number>();
  for (let n = 0; n < 200; n++) {
    const { status, text } = await post(agent, endpoint, body(1e9 + n));
    if (status === 201) acked.set((JSON.parse(text) as { id: string }).id, performance.now());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  while ([...acked.keys()].some((id) => !arrived.has(id)))
    await new Promise((resolve) => setTimeout(resolve, 20));
  const delays = [...acked].map(([id, at]) => (arrived.get(id) ?? at) - at).sort((a, b) => a - b);
  await stop(child, agent);
  await database.drop();
  return {
    server: 'porthole',
    database: values.postgres ? 'postgres' : 'sqlite',
    ...result,
    cpuMsPerTicketWithDelivery: Math.round(cpuWithDelivery * 1000) / 1000,
    relayCaughtUpAfterSeconds: drainedAfterSeconds,
    deliveryFrom201: {
      p50ms: round1(percentile(delays, 50)),
      p95ms: round1(percentile(delays, 95)),
    },
    load: `${loadBefore}→${load()}`,
  };
}

console.log(JSON.stringify({ node: process.version, cpus: cpus().length, connections, seconds }));
try {
  for (let round = 0; round < Number(values.rounds); round++) {
    if (!values['no-peer']) console.log(JSON.stringify(await benchPeer()));
    console.log(JSON.stringify(await benchPorthole()));
  }
} finally {
  await webhook.close();
  await rm(dir, { recursive: true, force: true });
}
