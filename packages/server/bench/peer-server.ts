/**
 * A benchmark baseline, not a server to use: the least a ticket intake on SQLite can do at
 * Porthole's durability, to set Porthole's numbers against in the same run on the same machine.
 *
 *   node --import tsx packages/server/bench/peer-server.ts <sqlite file>
 *
 * Plain `node:http` and better-sqlite3: WAL with `synchronous = FULL`, statements prepared
 * once, every request of one event-loop turn in one transaction (group commit), and per
 * ticket the same rows Porthole writes (the ticket, one outbox row, the idempotency key).
 * It has none of the rest: no validation beyond the required fields, no origin check, no
 * security headers, no relay. Prints `serving on <url>` like `porthole serve`.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import SQLite from 'better-sqlite3';

const file = process.argv[2];
if (!file) throw new Error('usage: peer-server.ts <sqlite file>');

const db = new SQLite(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`
  create table if not exists tickets (id text primary key, reference text not null unique,
    email text not null, name text, subject text not null, message text not null,
    created_at text not null);
  create table if not exists deliveries (id text primary key, ticket_id text not null
    references tickets (id), destination text not null, state text not null,
    next_attempt_at integer not null);
  create index if not exists deliveries_due on deliveries (state, next_attempt_at);
  create table if not exists idempotency_keys (key text primary key, ticket_id text not null
    references tickets (id), response text not null, created_at text not null);
`);
const insertTicket = db.prepare(
  'insert into tickets (id, reference, email, name, subject, message, created_at) values (?, ?, ?, ?, ?, ?, ?)',
);
const insertDelivery = db.prepare(
  "insert into deliveries (id, ticket_id, destination, state, next_attempt_at) values (?, ?, 'webhook', 'pending', ?)",
);
const insertKey = db.prepare(
  'insert into idempotency_keys (key, ticket_id, response, created_at) values (?, ?, ?, ?)',
);

interface Ticket {
  email: string;
  name?: string;
  subject: string;
  message: string;
  key?: string;
}

let queue: { ticket: Ticket; done: (body: string) => void }[] = [];
const writeBatch = db.transaction((batch: typeof queue) =>
  batch.map(({ ticket }) => {
    const now = new Date().toISOString();
    const receipt = {
      id: randomUUID(),
      reference: randomUUID().slice(0, 8).toUpperCase(),
      createdAt: now,
    };
    const body = JSON.stringify(receipt);
    insertTicket.run(
      receipt.id,
      receipt.reference,
      ticket.email,
      ticket.name ?? null,
      ticket.subject,
      ticket.message,
      now,
    );
    insertDelivery.run(randomUUID(), receipt.id, Date.now());
    if (ticket.key) insertKey.run(ticket.key, receipt.id, body, now);
    return body;
  }),
);

function flush(): void {
  const batch = queue;
  queue = [];
  const bodies = writeBatch.immediate(batch);
  batch.forEach((entry, i) => entry.done(bodies[i] as string));
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let ticket: Ticket;
    try {
      ticket = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Ticket;
      if (!ticket.email || !ticket.subject || !ticket.message) throw new Error('fields');
    } catch {
      res.writeHead(400).end();
      return;
    }
    const key = req.headers['idempotency-key'];
    if (typeof key === 'string') ticket.key = key;
    if (queue.length === 0) setImmediate(flush);
    queue.push({
      ticket,
      done: (body) =>
        res
          .writeHead(201, {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
          })
          .end(body),
    });
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(`serving on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  server.close(() => db.close());
  server.closeAllConnections();
});
