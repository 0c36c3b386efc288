/**
 * Zendesk Ticketing API: `POST /api/v2/tickets.json` with Basic auth (`{email}/token:{token}`).
 * Every attempt of one ticket carries the same `Idempotency-Key`, and the upload tokens of its
 * attachments are kept between attempts, so a retry sends the very same request and Zendesk
 * answers it with the ticket it already made.
 */
import { basicAuth, describeContext, send } from './http.js';
import {
  DeliveryError,
  type Destination,
  type DeliveryContext,
  type DeliveryTicket,
} from './types.js';

export interface ZendeskOptions {
  /** `https://acme.zendesk.com` (or `http://127.0.0.1:port` in tests). */
  origin: string;
  /** `agent@example.com/token` */
  user: string;
  token: string;
  name: string;
}

/**
 * Zendesk deletes an upload that no ticket claimed after a while (60 minutes to 3 days,
 * depending on the account); a token older than this is uploaded again.
 */
const UPLOAD_TOKEN_MAX_AGE_MS = 50 * 60_000;

interface SavedUploads {
  at: number;
  tokens: Record<string, string>;
}

/** Zendesk tags: lower case, no spaces. */
function localeTag(locale: string | null): string[] {
  return locale ? [`locale_${locale.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`] : [];
}

export function createZendeskDestination(options: ZendeskOptions): Destination {
  const authorization = basicAuth(options.user, options.token);

  async function upload(ticket: DeliveryTicket, context: DeliveryContext): Promise<string[]> {
    if (ticket.attachments.length === 0) return [];
    const saved = context.progress.uploads as SavedUploads | undefined;
    const fresh = saved && Date.now() - saved.at < UPLOAD_TOKEN_MAX_AGE_MS ? saved : undefined;
    const tokens: Record<string, string> = { ...fresh?.tokens };
    for (const attachment of ticket.attachments) {
      if (tokens[attachment.id]) continue;
      const url = new URL('/api/v2/uploads.json', options.origin);
      url.searchParams.set('filename', attachment.name);
      // One upload token for all the files would be neater, but a retry after a partial
      // failure would then re-send the first files; one token per file keeps retries exact.
      const { body } = await send('Zendesk uploads', url, {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': attachment.type },
        body: new Uint8Array(await attachment.read()),
        signal: context.signal,
      });
      const token = (JSON.parse(body) as { upload?: { token?: unknown } }).upload?.token;
      if (typeof token !== 'string') {
        throw new DeliveryError('Zendesk uploads answered without a token', { retryable: true });
      }
      tokens[attachment.id] = token;
      await context.saveProgress({ uploads: { at: fresh?.at ?? Date.now(), tokens } });
    }
    return ticket.attachments.map((a) => tokens[a.id] ?? '');
  }

  return {
    kind: 'zendesk',
    name: options.name,
    idempotent: true,
    async deliver(ticket, context) {
      const uploads = await upload(ticket, context);
      const payload = {
        ticket: {
          subject: ticket.subject,
          comment: {
            body: `${ticket.message}\n\n---\n${describeContext(ticket)}`,
            ...(uploads.length > 0 ? { uploads } : {}),
          },
          requester: {
            name: ticket.name ?? ticket.email,
            email: ticket.email,
            ...(ticket.locale ? { locale: ticket.locale } : {}),
          },
          tags: ['porthole', ...localeTag(ticket.locale), ...(ticket.verified ? ['verified'] : [])],
          external_id: ticket.id,
        },
      };
      const { body } = await send('Zendesk', new URL('/api/v2/tickets.json', options.origin), {
        method: 'POST',
        headers: {
          Authorization: authorization,
          'Content-Type': 'application/json',
          'Idempotency-Key': `porthole-${ticket.id}`,
        },
        body: JSON.stringify(payload),
        signal: context.signal,
      });
      const id = (JSON.parse(body) as { ticket?: { id?: unknown } }).ticket?.id;
      return id === undefined ? {} : { remoteId: String(id) };
    },
  };
}
