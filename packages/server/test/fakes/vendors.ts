/**
 * Local stand-ins for the vendors' documented APIs: same paths, same authentication, same
 * payload rules and status codes, and an in-memory store of what was created.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the fakes read vendor JSON as loosely as the vendors do. */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  basicUser,
  formData,
  startFake,
  type FakeAnswer,
  type FakeRequest,
  type FakeServer,
} from './http.js';

export const ZENDESK = { user: 'agent@example.com/token', token: 'zd-secret-token' };

export interface ZendeskFake extends FakeServer {
  tickets: { id: number; externalId: string; body: Record<string, any>; uploads: Buffer[] }[];
  uploads: Map<string, { name: string; type: string; content: Buffer }>;
}

/** Zendesk: Basic auth `{email}/token:{token}`, uploads API, Idempotency-Key on ticket creation. */
export async function startZendesk(): Promise<ZendeskFake> {
  const tickets: ZendeskFake['tickets'] = [];
  const uploads: ZendeskFake['uploads'] = new Map();
  const keys = new Map<string, { hash: string; answer: FakeAnswer }>();
  const fake = (await startFake((request) => {
    if (basicUser(request) !== `${ZENDESK.user}:${ZENDESK.token}`) {
      return { status: 401, json: { error: "Couldn't authenticate you" } };
    }
    if (request.method === 'POST' && request.path === '/api/v2/uploads.json') {
      const name = request.query.get('filename');
      if (!name) return { status: 400, json: { error: 'filename required' } };
      const token = `tok${uploads.size + 1}`;
      uploads.set(token, {
        name,
        type: request.headers['content-type'] ?? '',
        content: request.body,
      });
      return { status: 201, json: { upload: { token, attachment: { file_name: name } } } };
    }
    if (request.method === 'POST' && request.path === '/api/v2/tickets.json') {
      const key = request.headers['idempotency-key'];
      const hash = createHash('sha256').update(request.body).digest('hex');
      const earlier = typeof key === 'string' ? keys.get(key) : undefined;
      if (earlier) {
        if (earlier.hash !== hash) {
          return {
            status: 400,
            json: {
              error: 'IdempotentRequestError',
              description: 'key reused with another payload',
            },
          };
        }
        return { ...earlier.answer, headers: { 'x-idempotency-lookup': 'hit' } };
      }
      const { ticket } = JSON.parse(request.body.toString('utf8')) as {
        ticket?: Record<string, any>;
      };
      if (!ticket?.comment?.body || !ticket.requester?.email || !ticket.subject) {
        return {
          status: 422,
          json: { error: 'RecordInvalid', description: 'Record validation errors' },
        };
      }
      const files = ((ticket.comment.uploads ?? []) as string[]).map(
        (t) => uploads.get(t)?.content ?? Buffer.alloc(0),
      );
      const id = tickets.length + 1;
      tickets.push({ id, externalId: String(ticket.external_id), body: ticket, uploads: files });
      const answer = { status: 201, json: { ticket: { id, subject: ticket.subject } } };
      if (typeof key === 'string') keys.set(key, { hash, answer });
      return answer;
    }
    return { status: 404, json: { error: 'InvalidEndpoint' } };
  })) as ZendeskFake;
  fake.tickets = tickets;
  fake.uploads = uploads;
  return fake;
}

export const FRESHDESK_KEY = 'fd-api-key';

export interface FreshdeskFake extends FakeServer {
  tickets: {
    id: number;
    fields: Record<string, unknown>;
    files: { name: string; content: Buffer }[];
  }[];
}

/** Freshdesk v2: Basic `{api_key}:X`; JSON, or multipart with `attachments[]`. */
export async function startFreshdesk(): Promise<FreshdeskFake> {
  const tickets: FreshdeskFake['tickets'] = [];
  const fake = (await startFake(async (request) => {
    if (basicUser(request) !== `${FRESHDESK_KEY}:X`)
      return { status: 401, json: { code: 'invalid_credentials' } };
    if (request.method !== 'POST' || request.path !== '/api/v2/tickets')
      return { status: 404, json: {} };
    let fields: Record<string, unknown>;
    const files: { name: string; content: Buffer }[] = [];
    if ((request.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
      const form = await formData(request);
      fields = {};
      for (const [name, value] of form) {
        if (value instanceof File)
          files.push({ name: value.name, content: Buffer.from(await value.arrayBuffer()) });
        else if (name.endsWith('[]')) ((fields[name.slice(0, -2)] ??= []) as string[]).push(value);
        else fields[name] = /^\d+$/.test(value) ? Number(value) : value;
      }
    } else {
      fields = JSON.parse(request.body.toString('utf8')) as Record<string, unknown>;
    }
    const missing = ['email', 'subject', 'description', 'status', 'priority'].filter(
      (f) => fields[f] === undefined,
    );
    if (missing.length > 0) {
      return {
        status: 400,
        json: {
          description: 'Validation failed',
          errors: missing.map((field) => ({ field, code: 'missing_field' })),
        },
      };
    }
    const id = tickets.length + 1;
    tickets.push({ id, fields, files });
    return { status: 201, json: { id, ...fields } };
  })) as FreshdeskFake;
  fake.tickets = tickets;
  return fake;
}

export const HELPSCOUT = { appId: 'hs-app', appSecret: 'hs-secret', mailbox: 85 };

export interface HelpScoutFake extends FakeServer {
  conversations: { id: number; body: Record<string, any> }[];
  tokensIssued: number;
  /** Make every token issued so far invalid (as when it expires early). */
  revokeTokens(): void;
}

/** Help Scout Mailbox 2.0: client-credentials token, Bearer auth, Resource-ID on 201. */
export async function startHelpScout(): Promise<HelpScoutFake> {
  const conversations: HelpScoutFake['conversations'] = [];
  const valid = new Set<string>();
  const fake = (await startFake((request) => {
    if (request.method === 'POST' && request.path === '/v2/oauth2/token') {
      const form = new URLSearchParams(request.body.toString('utf8'));
      if (
        form.get('grant_type') !== 'client_credentials' ||
        form.get('client_id') !== HELPSCOUT.appId ||
        form.get('client_secret') !== HELPSCOUT.appSecret
      ) {
        return { status: 401, json: { error: 'invalid_client' } };
      }
      fake.tokensIssued += 1;
      const token = `hs-token-${fake.tokensIssued}`;
      valid.add(token);
      return {
        status: 200,
        json: { token_type: 'bearer', access_token: token, expires_in: 172800 },
      };
    }
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!bearer || !valid.has(bearer)) return { status: 401, json: { error: 'Unauthorized' } };
    if (request.method === 'POST' && request.path === '/v2/conversations') {
      const body = JSON.parse(request.body.toString('utf8')) as Record<string, any>;
      const thread = body.threads?.[0];
      if (
        body.mailboxId !== HELPSCOUT.mailbox ||
        !body.customer?.email ||
        !body.subject ||
        thread?.type !== 'customer' ||
        !thread.text
      ) {
        return { status: 400, json: { message: 'Bad request', _embedded: { errors: [] } } };
      }
      const id = conversations.length + 1000;
      conversations.push({ id, body });
      return {
        status: 201,
        headers: {
          'Resource-ID': String(id),
          Location: `https://api.helpscout.net/v2/conversations/${id}`,
        },
      };
    }
    return { status: 404, json: {} };
  })) as HelpScoutFake;
  fake.conversations = conversations;
  fake.tokensIssued = 0;
  fake.revokeTokens = () => valid.clear();
  return fake;
}

export const WEBHOOK_SECRET = 'whsec-test-0123456789abcdef';

export interface WebhookFake extends FakeServer {
  /** Deliveries with a valid signature, one per Porthole-Delivery (repeats dropped). */
  received: Map<string, Record<string, any>>;
  badSignatures: number;
}

/** A receiver written the way docs/adapters.md tells receivers to be written. */
export function verifySignature(
  header: string | undefined,
  body: Buffer,
  secret: string,
  toleranceSeconds = 300,
): boolean {
  const parts = Object.fromEntries(
    (header ?? '').split(',').map((p) => p.split('=', 2) as [string, string]),
  );
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds)
    return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.`).update(body).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function startWebhook(): Promise<WebhookFake> {
  const received = new Map<string, Record<string, any>>();
  const fake = (await startFake((request: FakeRequest) => {
    if (
      !verifySignature(
        request.headers['porthole-signature'] as string | undefined,
        request.body,
        WEBHOOK_SECRET,
      )
    ) {
      fake.badSignatures += 1;
      return { status: 400, json: { error: 'bad signature' } };
    }
    const delivery = request.headers['porthole-delivery'] as string;
    if (!received.has(delivery))
      received.set(delivery, JSON.parse(request.body.toString('utf8')) as Record<string, any>);
    return { status: 204 };
  })) as WebhookFake;
  fake.received = received;
  fake.badSignatures = 0;
  return fake;
}
