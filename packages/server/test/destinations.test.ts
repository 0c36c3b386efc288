import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createHttpAdapter, type TicketInput } from '@porthole/tickets';
import { describeAdapterConformance } from '@porthole/tickets/conformance';
import {
  DestinationError,
  parseDestinations,
  signWebhook,
  startServer,
  type DeliveryRecord,
  type RunningServer,
  type ServerOptions,
  type TicketDetail,
} from '@porthole/server';
import { destinationAdapter } from './destination-adapter.js';
import {
  AGENT_TOKEN,
  createCapturingLogger,
  databaseTargets,
  type TestDatabase,
} from './helpers.js';
import {
  FRESHDESK_KEY,
  HELPSCOUT,
  WEBHOOK_SECRET,
  ZENDESK,
  startFreshdesk,
  startHelpScout,
  startWebhook,
  startZendesk,
  verifySignature,
} from './fakes/vendors.js';

const sqlite = required(databaseTargets[0]);
function required<T>(value: T | undefined): T {
  assert.ok(value !== undefined);
  return value;
}

const FAST = { baseDelayMs: 50, maxDelayMs: 500, timeoutMs: 1_500, pollMs: 50 };
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('fake image data')]);
const TEXT = Buffer.from('line one\nline two — ünïcode\n');

const ticket: TicketInput = {
  email: 'ana@example.com',
  name: 'Ana Lima',
  subject: 'Invoice is wrong',
  message: 'The invoice for March lists two seats.\n<b>not bold</b>',
  locale: 'pt-BR',
  pageUrl: 'https://shop.example/billing?token=secret#top',
  metadata: { plan: 'pro' },
};

interface Journey {
  server: RunningServer;
  database: TestDatabase;
  close(): Promise<void>;
}

async function startJourney(deliver: string, options: ServerOptions = {}): Promise<Journey> {
  const database = await sqlite.create();
  const server = await startServer({
    port: 0,
    databaseUrl: database.url,
    agentToken: AGENT_TOKEN,
    rateLimit: false,
    deliver: [deliver],
    webhookSecret: WEBHOOK_SECRET,
    publicUrl: 'http://porthole.test',
    delivery: FAST,
    logger: createCapturingLogger(),
    ...options,
  });
  return {
    server,
    database,
    close: async () => {
      await server.close();
      await database.drop();
    },
  };
}

/** Send a ticket with two attachments the way the widget does: upload, then POST. */
async function sendWithFiles(server: RunningServer, files = true): Promise<string> {
  const adapter = createHttpAdapter({ endpoint: `${server.url}/v1/tickets`, retryDelay: 10 });
  const upload = required(adapter.upload);
  const attachments = files
    ? [
        (await upload(new Blob([PNG], { type: 'image/png' }), { name: 'screen.png' })).id,
        (await upload(new Blob([TEXT]), { name: 'notes.txt' })).id,
      ]
    : [];
  const receipt = await adapter.submit({ ...ticket, ...(files ? { attachments } : {}) });
  return receipt.id;
}

async function readTicket(server: RunningServer, id: string): Promise<TicketDetail> {
  const response = await fetch(`${server.url}/v1/tickets/${id}`, {
    headers: { Authorization: `Bearer ${AGENT_TOKEN}` },
  });
  assert.equal(response.status, 200);
  return (await response.json()) as TicketDetail;
}

/** Poll the ticket until no delivery is pending (the relay's state, as agents see it). */
async function settled(server: RunningServer, id: string): Promise<DeliveryRecord[]> {
  for (let i = 0; i < 400; i++) {
    const { deliveries } = await readTicket(server, id);
    if (deliveries.length > 0 && deliveries.every((d) => d.state !== 'pending')) return deliveries;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail('the deliveries never settled');
}

describe('destination URLs', () => {
  const secrets = { webhookSecret: WEBHOOK_SECRET };

  it('names the destination without its credentials', () => {
    const [zendesk, helpscout, smtp] = parseDestinations(
      [
        'zendesk+https://agent%40example.com%2Ftoken:s3cret@acme.zendesk.com',
        'helpscout+https://id:secret@api.helpscout.net/?mailbox=12',
        'smtps://user:pw@mail.example.com?to=help@example.com&from=bot@example.com',
      ],
      secrets,
    );
    assert.equal(zendesk?.name, 'zendesk+https://acme.zendesk.com');
    assert.equal(helpscout?.name, 'helpscout+https://api.helpscout.net?mailbox=12');
    assert.equal(smtp?.name, 'smtps://mail.example.com?to=help@example.com');
  });

  const bad: [string, string, RegExp][] = [
    ['an unknown kind', 'jira+https://x:y@acme.atlassian.net', /unknown kind "jira\+https"/],
    [
      'Zendesk without /token',
      'zendesk+https://agent%40example.com:s3cret@acme.zendesk.com',
      /\{email\}\/token/,
    ],
    ['Help Scout without a mailbox', 'helpscout+https://id:secret@api.helpscout.net/', /mailbox/],
    ['Freshdesk without a key', 'freshdesk+https://acme.freshdesk.com', /API key/],
    ['SMTP without to', 'smtp://u:p@mail.example.com?from=bot@example.com', /\?to=/],
    ['SMTP without from', 'smtp://u:p@mail.example.com?to=help@example.com', /&from=/],
    ['not a URL', 'zendesk+https//oops', /not a URL/],
  ];
  for (const [what, url, problem] of bad) {
    it(`refuses ${what} with a message naming the problem and no secret`, () => {
      assert.throws(
        () => parseDestinations([url], secrets),
        (error: Error) => {
          assert.ok(error instanceof DestinationError);
          assert.match(error.message, problem);
          assert.match(error.message, /^Destination 1 /);
          assert.doesNotMatch(error.message, /s3cret|secret@|u:p@/);
          return true;
        },
      );
    });
  }

  it('refuses a webhook without PORTHOLE_WEBHOOK_SECRET', () => {
    assert.throws(
      () => parseDestinations(['webhook+https://hooks.example.com/x'], {}),
      /PORTHOLE_WEBHOOK_SECRET/,
    );
  });

  it('refuses the same destination twice', () => {
    assert.throws(
      () =>
        parseDestinations(['webhook+https://h.example/x', 'webhook+https://h.example/x'], secrets),
      /listed twice/,
    );
  });

  it('makes startServer fail before listening when a destination is bad', async () => {
    const database = await sqlite.create();
    await assert.rejects(
      startServer({
        port: 0,
        databaseUrl: database.url,
        deliver: ['smtp://mail.example.com'],
        logger: createCapturingLogger(),
      }),
      /Destination 1 \(smtp:\/\/mail\.example\.com\): needs \?to=/,
    );
    await database.drop();
  });
});

describe('Zendesk journey', () => {
  let zendesk: Awaited<ReturnType<typeof startZendesk>>;
  let journey: Journey;
  before(async () => {
    zendesk = await startZendesk();
    const url = new URL(zendesk.origin);
    journey = await startJourney(
      `zendesk+http://${encodeURIComponent(ZENDESK.user)}:${ZENDESK.token}@${url.host}`,
    );
  });
  after(async () => {
    await journey.close();
    await zendesk.close();
  });

  it('creates the ticket with requester, tags, context and both files, and shows the Zendesk id', async () => {
    const id = await sendWithFiles(journey.server);
    const [delivery] = await settled(journey.server, id);
    assert.equal(delivery?.state, 'delivered');
    assert.equal(delivery?.destination, `zendesk+http://${new URL(zendesk.origin).host}`);
    const created = zendesk.tickets.find((t) => t.externalId === id);
    assert.ok(created);
    assert.equal(delivery?.remoteId, String(created.id));
    assert.deepEqual(created.body.requester, {
      name: 'Ana Lima',
      email: 'ana@example.com',
      locale: 'pt-BR',
    });
    assert.deepEqual(created.body.tags, ['porthole', 'locale_pt_br']);
    assert.match(
      created.body.comment.body,
      /two seats[\s\S]*Porthole reference: PH-[\s\S]*Page: https:\/\/shop\.example\/billing\n/,
    );
    assert.deepEqual(created.uploads, [PNG, TEXT]);
    const ticketRequest = zendesk.requests.find((r) => r.path === '/api/v2/tickets.json');
    assert.equal(ticketRequest?.headers['idempotency-key'], `porthole-${id}`);
  });

  it('waits out a 429 with Retry-After, then sends the same request once more', async () => {
    let first = true;
    zendesk.chaos = (r) =>
      r.path === '/api/v2/tickets.json' && first ? ((first = false), '429') : 'none';
    const id = await sendWithFiles(journey.server, false);
    const started = Date.now();
    const [delivery] = await settled(journey.server, id);
    zendesk.chaos = () => 'none';
    assert.equal(delivery?.state, 'delivered');
    assert.equal(delivery?.attempts, 2);
    assert.ok(Date.now() - started >= 900, 'Retry-After: 1 was not honoured');
    const attempts = zendesk.requests.filter(
      (r) => r.headers['idempotency-key'] === `porthole-${id}`,
    );
    assert.equal(attempts.length, 2);
    assert.deepEqual(attempts[0]?.body, attempts[1]?.body);
  });

  it('makes one Zendesk ticket when the answer to a created ticket is lost', async () => {
    let drops = 1;
    const uploadsBefore = zendesk.requests.filter((r) => r.path === '/api/v2/uploads.json').length;
    zendesk.chaos = (r) =>
      r.path === '/api/v2/tickets.json' && drops-- > 0 ? 'drop-after' : 'none';
    const id = await sendWithFiles(journey.server);
    const [delivery] = await settled(journey.server, id);
    zendesk.chaos = () => 'none';
    assert.equal(delivery?.state, 'delivered');
    assert.equal(zendesk.tickets.filter((t) => t.externalId === id).length, 1);
    // The files were uploaded once: the retry reused the saved upload tokens.
    const uploadsAfter = zendesk.requests.filter((r) => r.path === '/api/v2/uploads.json').length;
    assert.equal(uploadsAfter - uploadsBefore, 2);
  });

  it('dead-letters a delivery Zendesk refuses (4xx), with the error for agents', async () => {
    zendesk.chaos = () => 'none';
    const broken = await startJourney(
      `zendesk+http://${encodeURIComponent(ZENDESK.user)}:wrong@${new URL(zendesk.origin).host}`,
    );
    try {
      const id = await sendWithFiles(broken.server, false);
      const [delivery] = await settled(broken.server, id);
      assert.equal(delivery?.state, 'dead');
      assert.equal(delivery?.attempts, 1);
      assert.equal(delivery?.lastStatus, 401);
      assert.match(delivery?.lastError ?? '', /Zendesk answered 401/);
      assert.doesNotMatch(JSON.stringify(delivery), /wrong/);
    } finally {
      await broken.close();
    }
  });

  describe('as an adapter', () => {
    describeAdapterConformance('zendesk destination', () => {
      const [destination] = parseDestinations(
        [
          `zendesk+http://${encodeURIComponent(ZENDESK.user)}:${ZENDESK.token}@${new URL(zendesk.origin).host}`,
        ],
        {},
      );
      return destinationAdapter(required(destination));
    });
  });
});

describe('Freshdesk journey', () => {
  let freshdesk: Awaited<ReturnType<typeof startFreshdesk>>;
  let journey: Journey;
  before(async () => {
    freshdesk = await startFreshdesk();
    journey = await startJourney(
      `freshdesk+http://${FRESHDESK_KEY}:X@${new URL(freshdesk.origin).host}`,
    );
  });
  after(async () => {
    await journey.close();
    await freshdesk.close();
  });

  it('creates the ticket as multipart with attachments[] and escaped HTML', async () => {
    const id = await sendWithFiles(journey.server);
    const [delivery] = await settled(journey.server, id);
    assert.equal(delivery?.state, 'delivered');
    const created = freshdesk.tickets.at(-1);
    assert.equal(delivery?.remoteId, String(created?.id));
    assert.equal(created?.fields.email, 'ana@example.com');
    assert.equal(created?.fields.status, 2);
    assert.deepEqual(created?.fields.tags, ['porthole']);
    assert.match(String(created?.fields.description), /&#60;b&#62;not bold&#60;\/b&#62;/);
    assert.deepEqual(
      created?.files.map((f) => [f.name, f.content]),
      [
        ['screen.png', PNG],
        ['notes.txt', TEXT],
      ],
    );
  });

  it('sends JSON when there are no files, and retries a 503', async () => {
    let first = true;
    freshdesk.chaos = () => (first ? ((first = false), '503') : 'none');
    const id = await sendWithFiles(journey.server, false);
    const [delivery] = await settled(journey.server, id);
    assert.equal(delivery?.state, 'delivered');
    assert.equal(delivery?.attempts, 2);
    assert.equal(freshdesk.requests.at(-1)?.headers['content-type'], 'application/json');
  });

  describe('as an adapter', () => {
    describeAdapterConformance(
      'freshdesk destination',
      () =>
        destinationAdapter(
          parseDestinations(
            [`freshdesk+http://${FRESHDESK_KEY}:X@${new URL(freshdesk.origin).host}`],
            {},
          )[0] ?? assert.fail('no destination'),
        ),
      { idempotent: false },
    );
  });
});

describe('Help Scout journey', () => {
  let helpscout: Awaited<ReturnType<typeof startHelpScout>>;
  let journey: Journey;
  const url = () =>
    `helpscout+http://${HELPSCOUT.appId}:${HELPSCOUT.appSecret}@${new URL(helpscout.origin).host}/?mailbox=${HELPSCOUT.mailbox}`;
  before(async () => {
    helpscout = await startHelpScout();
    journey = await startJourney(url());
  });
  after(async () => {
    await journey.close();
    await helpscout.close();
  });

  it('creates a conversation with a customer thread and base64 files, id from Resource-ID', async () => {
    const id = await sendWithFiles(journey.server);
    const [delivery] = await settled(journey.server, id);
    assert.equal(delivery?.state, 'delivered');
    const created = helpscout.conversations.at(-1);
    assert.equal(delivery?.remoteId, String(created?.id));
    assert.deepEqual(created?.body.customer, {
      email: 'ana@example.com',
      firstName: 'Ana',
      lastName: 'Lima',
    });
    const thread = created?.body.threads[0];
    assert.deepEqual(
      thread.attachments.map((a: { fileName: string; data: string }) => [
        a.fileName,
        Buffer.from(a.data, 'base64'),
      ]),
      [
        ['screen.png', PNG],
        ['notes.txt', TEXT],
      ],
    );
  });

  it('reuses its token, and fetches a new one when Help Scout answers 401', async () => {
    const issued = helpscout.tokensIssued;
    await settled(journey.server, await sendWithFiles(journey.server, false));
    assert.equal(helpscout.tokensIssued, issued, 'a cached token was not reused');
    helpscout.revokeTokens();
    const [delivery] = await settled(journey.server, await sendWithFiles(journey.server, false));
    assert.equal(delivery?.state, 'delivered');
    assert.equal(delivery?.attempts, 1);
    assert.equal(helpscout.tokensIssued, issued + 1);
  });

  describe('as an adapter', () => {
    describeAdapterConformance(
      'helpscout destination',
      () => destinationAdapter(parseDestinations([url()], {})[0] ?? assert.fail('no destination')),
      {
        idempotent: false,
      },
    );
  });
});

describe('webhook journey', () => {
  let webhook: Awaited<ReturnType<typeof startWebhook>>;
  let journey: Journey;
  before(async () => {
    webhook = await startWebhook();
    journey = await startJourney(`webhook+${webhook.origin}/hooks/porthole`);
  });
  after(async () => {
    await journey.close();
    await webhook.close();
  });

  it('posts ticket.created, signed, with signed links that fetch the files byte for byte', async () => {
    const id = await sendWithFiles(journey.server);
    const [delivery] = await settled(journey.server, id);
    assert.equal(delivery?.state, 'delivered');
    const event = webhook.received.get(delivery?.id ?? '');
    assert.equal(event?.type, 'ticket.created');
    assert.equal(event?.id, delivery?.id);
    assert.equal(event?.ticket.id, id);
    assert.equal(event?.ticket.pageUrl, 'https://shop.example/billing');
    assert.equal(webhook.badSignatures, 0);
    for (const [index, expected] of [PNG, TEXT].entries()) {
      const link: URL = new URL(String(event?.ticket.attachments[index].url));
      assert.equal(link.origin, 'http://porthole.test');
      const response = await fetch(`${journey.server.url}${link.pathname}${link.search}`);
      assert.equal(response.status, 200);
      assert.deepEqual(Buffer.from(await response.arrayBuffer()), expected);
      link.searchParams.set('expires', String(Number(link.searchParams.get('expires')) + 1));
      const tampered = await fetch(`${journey.server.url}${link.pathname}${link.search}`);
      assert.equal(tampered.status, 403);
    }
  });

  it('signs with the documented scheme, which rejects old timestamps', () => {
    const body = Buffer.from('{"a":1}');
    const now = Math.floor(Date.now() / 1000);
    const sign = (t: number) => signWebhook(WEBHOOK_SECRET, body.toString(), t);
    assert.equal(verifySignature(sign(now), body, WEBHOOK_SECRET), true);
    assert.equal(verifySignature(sign(now - 600), body, WEBHOOK_SECRET), false);
    assert.equal(verifySignature(sign(now), Buffer.from('{"a":2}'), WEBHOOK_SECRET), false);
  });

  describe('as an adapter', () => {
    describeAdapterConformance(
      'webhook destination',
      () =>
        destinationAdapter(
          parseDestinations([`webhook+${webhook.origin}/x`], {
            webhookSecret: WEBHOOK_SECRET,
          })[0] ?? assert.fail('no destination'),
        ),
      { idempotent: false },
    );
  });
});

describe('SMTP journey (a real SMTP server)', () => {
  const messages: { from: string; to: string[]; raw: string }[] = [];
  let smtp: SMTPServer;
  let port = 0;
  let journey: Journey;
  before(async () => {
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        if (auth.username === 'mailer' && auth.password === 'p@ss')
          callback(null, { user: 'mailer' });
        else callback(new Error('Invalid username or password'));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as AddressInfo).port;
    journey = await startJourney(
      `smtp://mailer:p%40ss@127.0.0.1:${port}?to=support@example.com&from=help@example.com&confirm=1`,
    );
  });
  after(async () => {
    await journey.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('mails support (Reply-To the visitor, reference in the subject, files attached) and confirms to the visitor', async () => {
    const id = await sendWithFiles(journey.server);
    const [delivery] = await settled(journey.server, id);
    assert.equal(delivery?.state, 'delivered');
    const { reference } = await readTicket(journey.server, id);
    const support = messages.find((m) => m.to.includes('support@example.com'));
    const confirmation = messages.find((m) => m.to.includes('ana@example.com'));
    assert.ok(support && confirmation);
    assert.match(support.raw, new RegExp(`^Subject: \\[${reference}\\] Invoice is wrong`, 'm'));
    assert.match(support.raw, /^Reply-To: Ana Lima <ana@example\.com>/m);
    assert.match(support.raw, new RegExp(`^Message-ID: <porthole-${id}@example\\.com>`, 'mi'));
    assert.equal(delivery?.remoteId, `<porthole-${id}@example.com>`);
    assert.ok(support.raw.includes(PNG.toString('base64')), 'the PNG is not attached');
    assert.match(support.raw, /filename=screen\.png/);
    assert.match(
      confirmation.raw,
      new RegExp(`^Subject: We received your message \\[${reference}\\]`, 'm'),
    );
    assert.doesNotMatch(confirmation.raw, /two seats/, 'the confirmation repeats the message');
  });

  it('dead-letters when the mail server refuses the credentials', async () => {
    const broken = await startJourney(
      `smtp://mailer:wrong@127.0.0.1:${port}?to=support@example.com&from=help@example.com`,
    );
    try {
      const [delivery] = await settled(broken.server, await sendWithFiles(broken.server, false));
      assert.equal(delivery?.state, 'dead');
      assert.match(delivery?.lastError ?? '', /mail server/);
    } finally {
      await broken.close();
    }
  });

  describe('as an adapter', () => {
    describeAdapterConformance(
      'smtp destination',
      () =>
        destinationAdapter(
          parseDestinations(
            [`smtp://mailer:p%40ss@127.0.0.1:${port}?to=support@example.com&from=help@example.com`],
            {},
          )[0] ?? assert.fail('no destination'),
        ),
      { idempotent: false },
    );
  });
});
