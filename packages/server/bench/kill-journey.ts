/**
 * The kill -9 journey: tickets POSTed with retries while a real `porthole serve` child with
 * `--deliver zendesk+… --deliver webhook+…` is killed with SIGKILL again and again, and both
 * destinations answer 503, 429 with Retry-After, stall or drop connections at random. Every
 * acknowledged ticket must exist in the fake Zendesk exactly once and reach the webhook with
 * a valid signature.
 *
 *   node --conditions=source --import tsx packages/server/bench/kill-journey.ts --tickets 600 [--postgres]
 *
 * The test suite runs the same function with 100 tickets (test/e2e/delivery-kill.test.ts).
 * Like the end-to-end tests, it drives the built CLI: run `npm run build` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Fault } from '../test/fakes/http.js';
import { WEBHOOK_SECRET, ZENDESK, startWebhook, startZendesk } from '../test/fakes/vendors.js';

const CLI = fileURLToPath(new URL('../../cli/bin/porthole.js', import.meta.url));

export interface KillJourneyOptions {
  tickets: number;
  databaseUrl: string;
  /** Concurrent senders. @default 8 */
  senders?: number;
  /** Kill after this many acknowledgements since the last start, or after `killAfterMs`. */
  killEvery?: { tickets: number; ms: number };
  log?: (line: string) => void;
}

export interface KillJourneyResult {
  acknowledged: number;
  kills: number;
  zendeskTickets: number;
  /** Acknowledged tickets with not exactly one Zendesk ticket. */
  zendeskMissing: string[];
  zendeskDuplicates: string[];
  webhookMissing: string[];
  badSignatures: number;
  sendSeconds: number;
  /** From the last acknowledgement until both destinations had every ticket. */
  drainSeconds: number;
}

/** 55% answered, the rest split over the faults. */
function randomFault(): Fault {
  const roll = Math.random();
  if (roll < 0.55) return 'none';
  if (roll < 0.65) return '503';
  if (roll < 0.75) return '429';
  if (roll < 0.82) return 'stall';
  if (roll < 0.9) return 'drop';
  return 'drop-after';
}

interface Child {
  process: ChildProcess;
  url: Promise<string>;
  exited: Promise<void>;
}

function startChild(env: NodeJS.ProcessEnv, deliver: string[]): Child {
  const child = spawn(
    process.execPath,
    // The built CLI (npm run build): a restart must take a fraction of a second, not the
    // seconds a TypeScript loader needs, or the kills would mostly hit a server still starting.
    [CLI, 'serve', '--port', '0', ...deliver.flatMap((d) => ['--deliver', d])],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`porthole serve exited (${code}) before listening`)),
    );
  });
  url.catch(() => undefined);
  child.stderr?.resume();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { process: child, url, exited };
}

export async function runKillJourney(options: KillJourneyOptions): Promise<KillJourneyResult> {
  const {
    tickets,
    senders = 8,
    killEvery = { tickets: 12, ms: 2_000 },
    log = () => undefined,
  } = options;
  const zendesk = await startZendesk();
  const webhook = await startWebhook();
  zendesk.chaos = randomFault;
  webhook.chaos = randomFault;
  const deliver = [
    `zendesk+http://${encodeURIComponent(ZENDESK.user)}:${ZENDESK.token}@${new URL(zendesk.origin).host}`,
    `webhook+${webhook.origin}/hook`,
  ];
  const env = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    PORTHOLE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    PORTHOLE_RATE_LIMIT: 'off',
    PORTHOLE_ATTACHMENT_TYPES: 'off',
    PORTHOLE_DELIVERY_BASE_DELAY: '100ms',
    PORTHOLE_DELIVERY_MAX_DELAY: '1s',
    PORTHOLE_DELIVERY_TIMEOUT: '1s',
    PORTHOLE_DELIVERY_POLL: '100ms',
    PORTHOLE_DELIVERY_MAX_ATTEMPTS: '1000',
  };

  let child = startChild(env, deliver);
  let current: string | undefined;
  let ackedSinceStart = 0;
  let kills = 0;
  let sending = true;
  const acknowledged = new Set<string>();

  // The killer: restart the server whenever it has acknowledged enough or lived long enough.
  const killer = (async () => {
    while (sending) {
      current = await child.url;
      const startedAt = Date.now();
      while (
        sending &&
        ackedSinceStart < killEvery.tickets &&
        Date.now() - startedAt < killEvery.ms
      ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      if (!sending) break;
      current = undefined;
      child.process.kill('SIGKILL');
      await child.exited;
      kills += 1;
      log(`kill ${kills}: ${acknowledged.size} acknowledged so far`);
      ackedSinceStart = 0;
      child = startChild(env, deliver);
    }
  })();

  const started = Date.now();
  let next = 0;
  let lastAck = started;
  async function sender(): Promise<void> {
    while (next < tickets) {
      const n = next++;
      const key = randomUUID();
      const body = JSON.stringify({
        email: `visitor${n}@example.com`,
        subject: `Chaos ticket #${n}`,
        message: `Message number ${n}.`,
      });
      for (;;) {
        const url = current;
        if (url) {
          try {
            const response = await fetch(`${url}/v1/tickets`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
              body,
              signal: AbortSignal.timeout(5_000),
            });
            const text = await response.text();
            if (response.status === 201) {
              acknowledged.add((JSON.parse(text) as { id: string }).id);
              ackedSinceStart += 1;
              lastAck = Date.now();
              break;
            }
          } catch {
            // Killed mid-request: the same key goes again.
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  }
  await Promise.all(Array.from({ length: senders }, sender));
  sending = false;
  await killer;
  const sendSeconds = (Date.now() - started) / 1000;
  log(
    `${acknowledged.size} tickets acknowledged in ${sendSeconds.toFixed(1)} s across ${kills} kills`,
  );

  const delivered = () => {
    const inZendesk = new Set(zendesk.tickets.map((t) => t.externalId));
    const inWebhook = new Set([...webhook.received.values()].map((e) => String(e.ticket.id)));
    return [...acknowledged].every((id) => inZendesk.has(id) && inWebhook.has(id));
  };
  const deadline = Date.now() + 120_000;
  while (!delivered() && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const drainSeconds = (Date.now() - lastAck) / 1000;

  child.process.kill('SIGTERM');
  await child.exited;
  await zendesk.close();
  await webhook.close();

  const counts = new Map<string, number>();
  for (const t of zendesk.tickets) counts.set(t.externalId, (counts.get(t.externalId) ?? 0) + 1);
  const inWebhook = new Set([...webhook.received.values()].map((e) => String(e.ticket.id)));
  return {
    acknowledged: acknowledged.size,
    kills,
    zendeskTickets: zendesk.tickets.length,
    zendeskMissing: [...acknowledged].filter((id) => !counts.has(id)),
    zendeskDuplicates: [...counts].filter(([, n]) => n > 1).map(([id]) => id),
    webhookMissing: [...acknowledged].filter((id) => !inWebhook.has(id)),
    badSignatures: webhook.badSignatures,
    sendSeconds,
    drainSeconds,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      tickets: { type: 'string', default: '600' },
      postgres: { type: 'boolean', default: false },
    },
  });
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = await mkdtemp(join(tmpdir(), 'porthole-kill-'));
  let databaseUrl = `sqlite:${join(dir, 'porthole.db')}`;
  let dropSchema = (): Promise<void> => Promise.resolve();
  if (values.postgres) {
    const base = process.env.PORTHOLE_TEST_DATABASE_URL;
    if (!base) throw new Error('--postgres needs PORTHOLE_TEST_DATABASE_URL');
    const pg = (await import('pg')).default;
    const schema = `porthole_kill_${process.pid}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create schema "${schema}"`);
    await admin.end();
    const url = new URL(base);
    url.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = url.toString();
    dropSchema = async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop schema "${schema}" cascade`);
      await client.end();
    };
  }
  const result = await runKillJourney({
    tickets: Number(values.tickets),
    databaseUrl,
    log: console.log,
  });
  console.log(
    JSON.stringify(
      {
        database: values.postgres ? 'postgres' : 'sqlite',
        ...result,
        zendeskMissing: result.zendeskMissing.length,
        zendeskDuplicates: result.zendeskDuplicates.length,
        webhookMissing: result.webhookMissing.length,
      },
      null,
      2,
    ),
  );
  await dropSchema();
  await rm(dir, { recursive: true, force: true });
}
