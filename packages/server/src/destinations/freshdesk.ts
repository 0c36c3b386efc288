/**
 * Freshdesk API v2: `POST /api/v2/tickets`, Basic auth with the API key as the user name.
 * JSON without attachments; `multipart/form-data` with `attachments[]` parts when there are
 * some (Freshdesk takes files only that way). Freshdesk has no idempotency key: a retry after
 * a lost answer can make a second ticket (at-least-once; see docs/adapters.md).
 */
import { basicAuth, describeContext, send } from './http.js';
import type { Destination } from './types.js';

export interface FreshdeskOptions {
  origin: string;
  apiKey: string;
  name: string;
}

const STATUS_OPEN = 2;
const PRIORITY_LOW = 1;
const SOURCE_PORTAL = 2;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Freshdesk's `description` is HTML: the visitor's text goes in escaped, line breaks kept. */
function toHtml(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

export function createFreshdeskDestination(options: FreshdeskOptions): Destination {
  const authorization = basicAuth(options.apiKey, 'X');
  return {
    kind: 'freshdesk',
    name: options.name,
    idempotent: false,
    async deliver(ticket, context) {
      const fields = {
        email: ticket.email,
        ...(ticket.name ? { name: ticket.name } : {}),
        subject: ticket.subject,
        description: `${toHtml(ticket.message)}<hr>${toHtml(describeContext(ticket))}`,
        status: STATUS_OPEN,
        priority: PRIORITY_LOW,
        source: SOURCE_PORTAL,
        tags: ['porthole', ...(ticket.verified ? ['verified'] : [])],
      };
      let body: string | FormData;
      const headers: Record<string, string> = { Authorization: authorization };
      if (ticket.attachments.length === 0) {
        body = JSON.stringify(fields);
        headers['Content-Type'] = 'application/json';
      } else {
        const form = new FormData();
        for (const [key, value] of Object.entries(fields)) {
          if (Array.isArray(value)) for (const item of value) form.append(`${key}[]`, item);
          else form.append(key, String(value));
        }
        for (const attachment of ticket.attachments) {
          const blob = new Blob([new Uint8Array(await attachment.read())], {
            type: attachment.type,
          });
          form.append('attachments[]', blob, attachment.name);
        }
        body = form;
      }
      const answer = await send('Freshdesk', new URL('/api/v2/tickets', options.origin), {
        method: 'POST',
        headers,
        body,
        signal: context.signal,
      });
      const id = (JSON.parse(answer.body) as { id?: unknown }).id;
      return id === undefined ? {} : { remoteId: String(id) };
    },
  };
}
