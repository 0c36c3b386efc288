/**
 * Help Scout Mailbox API 2.0: an OAuth2 client-credentials token from `/v2/oauth2/token`,
 * cached until shortly before it expires (and fetched again at once when the API answers
 * 401), then `POST /v2/conversations` with one customer thread; the new conversation's id
 * comes back in the `Resource-ID` header. No idempotency key exists: at-least-once.
 */
import { describeContext, send } from './http.js';
import { DeliveryError, type Destination, type DeliveryTicket } from './types.js';

export interface HelpScoutOptions {
  origin: string;
  appId: string;
  appSecret: string;
  mailboxId: number;
  name: string;
}

/** Fetch a new token this long before the old one expires. */
const TOKEN_MARGIN_MS = 60_000;

function splitName(name: string | null): { firstName?: string; lastName?: string } {
  if (!name) return {};
  const [first = '', ...rest] = name.trim().split(/\s+/);
  // Help Scout limits each part to 40 characters.
  return {
    firstName: first.slice(0, 40),
    ...(rest.length > 0 ? { lastName: rest.join(' ').slice(0, 40) } : {}),
  };
}

async function conversation(ticket: DeliveryTicket, mailboxId: number) {
  const attachments = await Promise.all(
    ticket.attachments.map(async (a) => ({
      fileName: a.name,
      mimeType: a.type,
      data: (await a.read()).toString('base64'),
    })),
  );
  return {
    subject: ticket.subject,
    customer: { email: ticket.email, ...splitName(ticket.name) },
    mailboxId,
    type: 'email',
    status: 'active',
    tags: ['porthole', ...(ticket.verified ? ['verified'] : [])],
    threads: [
      {
        type: 'customer',
        customer: { email: ticket.email },
        text: `${ticket.message}\n\n---\n${describeContext(ticket)}`,
        ...(attachments.length > 0 ? { attachments } : {}),
      },
    ],
  };
}

export function createHelpScoutDestination(options: HelpScoutOptions): Destination {
  let token: { value: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function fetchToken(signal: AbortSignal): Promise<string> {
    const { body } = await send('Help Scout OAuth', new URL('/v2/oauth2/token', options.origin), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: options.appId,
        client_secret: options.appSecret,
      }).toString(),
      signal,
    });
    const { access_token: value, expires_in: expiresIn } = JSON.parse(body) as {
      access_token?: unknown;
      expires_in?: unknown;
    };
    if (typeof value !== 'string') {
      throw new DeliveryError('Help Scout OAuth answered without an access token', {
        retryable: true,
      });
    }
    const lifetime = typeof expiresIn === 'number' ? expiresIn * 1000 : 2 * 3_600_000;
    token = { value, expiresAt: Date.now() + lifetime - TOKEN_MARGIN_MS };
    return value;
  }

  /** One token request at a time, shared by every attempt waiting for it. */
  function accessToken(signal: AbortSignal): Promise<string> {
    if (token && token.expiresAt > Date.now()) return Promise.resolve(token.value);
    pending ??= fetchToken(signal).finally(() => (pending = undefined));
    return pending;
  }

  return {
    kind: 'helpscout',
    name: options.name,
    idempotent: false,
    async deliver(ticket, context) {
      const body = JSON.stringify(await conversation(ticket, options.mailboxId));
      const post = async () =>
        send('Help Scout', new URL('/v2/conversations', options.origin), {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${await accessToken(context.signal)}`,
            'Content-Type': 'application/json',
          },
          body,
          signal: context.signal,
        });
      let answer;
      try {
        answer = await post();
      } catch (error) {
        // A token revoked or expired early: forget it and try once more with a new one.
        if (!(error instanceof DeliveryError) || error.status !== 401) throw error;
        token = undefined;
        answer = await post();
      }
      const id = answer.response.headers.get('Resource-ID');
      return id ? { remoteId: id } : {};
    },
  };
}
