/**
 * A signed `POST` to any URL. The signature follows Stripe's scheme, which receivers already
 * know how to check: `Porthole-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`.
 * `Porthole-Delivery` stays the same across retries so receivers can drop repeats.
 */
import { createHmac } from 'node:crypto';
import { send } from './http.js';
import type { Destination, DeliveryTicket } from './types.js';

export interface WebhookOptions {
  url: string;
  secret: string;
  name: string;
}

/** `t=…,v1=…` for `body` at `timestamp` (unix seconds). Exported for receivers' tests. */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

function payload(ticket: DeliveryTicket, deliveryId: string) {
  return {
    type: 'ticket.created',
    id: deliveryId,
    ticket: {
      id: ticket.id,
      reference: ticket.reference,
      createdAt: ticket.createdAt,
      subject: ticket.subject,
      email: ticket.email,
      name: ticket.name,
      message: ticket.message,
      locale: ticket.locale,
      pageUrl: ticket.pageUrl,
      metadata: ticket.metadata,
      verified: ticket.verified,
      attachments: ticket.attachments.map((a) => ({
        id: a.id,
        name: a.name,
        type: a.type,
        size: a.size,
        sha256: a.sha256,
        url: a.signedUrl?.url ?? null,
        expiresAt: a.signedUrl?.expiresAt ?? null,
      })),
    },
  };
}

export function createWebhookDestination(options: WebhookOptions): Destination {
  return {
    kind: 'webhook',
    name: options.name,
    idempotent: false,
    async deliver(ticket, context) {
      const body = JSON.stringify(payload(ticket, context.deliveryId));
      const timestamp = Math.floor(Date.now() / 1000);
      await send('The webhook', options.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Porthole-Webhook/1',
          'Porthole-Delivery': context.deliveryId,
          'Porthole-Signature': signWebhook(options.secret, body, timestamp),
        },
        body,
        signal: context.signal,
      });
      return {};
    },
  };
}
