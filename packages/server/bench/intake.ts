/**
 * Intake throughput and delivery latency of a real `porthole serve` (the built CLI: run
 * `npm run build` first) with its relay delivering every ticket to a local webhook.
 *
 *   node --conditions=source --import tsx packages/server/bench/intake.ts [--postgres] \
 *     [--connections 50] [--seconds 10]
 *
 * Phase 1: `--connections` keep-alive connections POST tickets as fast as they are answered
 * for `--seconds`; prints tickets/s and latency percentiles. Phase 2: 200 tickets at 20/s,
 * timing each from its 201 to its arrival at the webhook (p50/p95).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WEBHOOK_SECRET, startWebhook } from '../test/fakes/vendors.js';

const CLI = fileURLToPath(new URL('../../cli/bin/porthole.js', import.meta.url));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

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

const { values } = parseArgs({
  options: {
    postgres: { type: 'boolean', default: false },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
  },
});

const dir = await mkdtemp(join(tmpdir(), 'porthole-bench-'));
let databaseUrl = `sqlite:${join(dir, 'porthole.db')}`;
let cleanup = (): Promise<void> => Promise.resolve();
if (values.postgres) {
  const base = process.env.PORTHOLE_TEST_DATABASE_URL;
  if (!base) throw new Error('--postgres needs PORTHOLE_TEST_DATABASE_URL');
  const pg = (await import('pg')).default;
  const schema = `porthole_bench_${process.pid}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await run(`create schema "${schema}"`);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  databaseUrl = url.toString();
  cleanup = () => run(`drop schema "${schema}" cascade`);
}

const webhook = await startWebhook();
const arrived = new Map<string, number>();
const record = webhook.received.set.bind(webhook.received);
webhook.received.set = (key, event) => {
  arrived.set(String(event.ticket.id), performance.now());
  return record(key, event);
};

const child = spawn(
  process.execPath,
  [CLI, 'serve', '--port', '0', '--deliver', `webhook+${webhook.origin}/hook`],
  {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORTHOLE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      PORTHOLE_RATE_LIMIT: 'off',
      PORTHOLE_ATTACHMENT_TYPES: 'off',
    },
    stdio: ['ignore', 'pipe', 'ignore'],
  },
);
const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const match = /serving on (\S+)/.exec(out);
    if (match?.[1]) resolve(match[1]);
  });
  child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
});
const endpoint = new URL('/v1/tickets', base);
const connections = Number(values.connections);
const agent = new Agent({ keepAlive: true, maxSockets: connections });
const body = (n: number) =>
  JSON.stringify({
    email: `v${n}@example.com`,
    name: 'Load Test',
    subject: `Load ticket ${n}`,
    message:
      'A message of ordinary length, about as long as the ones visitors write when something does not work.',
  });

/** CPU time the server process has used, in ms (Linux /proc; a measure that load cannot skew). */
async function serverCpuMs(): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const fields =
    (await readFile(`/proc/${child.pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

// Phase 1: throughput.
const cpuBefore = await serverCpuMs();
const latencies: number[] = [];
let errors = 0;
let counter = 0;
const deadline = performance.now() + Number(values.seconds) * 1000;
const started = performance.now();
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
const elapsed = (performance.now() - started) / 1000;
const cpuDuring = (await serverCpuMs()) - cpuBefore;
latencies.sort((a, b) => a - b);
const throughput = {
  database: values.postgres ? 'postgres' : 'sqlite',
  connections,
  tickets: latencies.length,
  errors,
  ticketsPerSecond: Math.round(latencies.length / elapsed),
  p50ms: Number(percentile(latencies, 50).toFixed(1)),
  p99ms: Number(percentile(latencies, 99).toFixed(1)),
  serverCpuMsPerTicket: Number((cpuDuring / Math.max(1, latencies.length)).toFixed(2)),
};
console.log(JSON.stringify(throughput));

// Let the relay catch up before timing single deliveries.
while (arrived.size < latencies.length) await new Promise((resolve) => setTimeout(resolve, 100));
console.log(
  JSON.stringify({
    relayDrainedAllSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  }),
);

// Phase 2: delivery latency with a healthy destination.
const acked = new Map<string, number>();
for (let n = 0; n < 200; n++) {
  const { status, text } = await post(agent, endpoint, body(1e9 + n));
  if (status === 201) acked.set((JSON.parse(text) as { id: string }).id, performance.now());
  await new Promise((resolve) => setTimeout(resolve, 50));
}
while ([...acked.keys()].some((id) => !arrived.has(id)))
  await new Promise((resolve) => setTimeout(resolve, 20));
const delays = [...acked].map(([id, at]) => (arrived.get(id) ?? at) - at).sort((a, b) => a - b);
console.log(
  JSON.stringify({
    deliveryFrom201: {
      tickets: delays.length,
      p50ms: Number(percentile(delays, 50).toFixed(1)),
      p95ms: Number(percentile(delays, 95).toFixed(1)),
    },
  }),
);

child.kill('SIGTERM');
agent.destroy();
await webhook.close();
await cleanup();
await rm(dir, { recursive: true, force: true });
