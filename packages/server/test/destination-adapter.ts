/**
 * A destination seen as a `TicketAdapter`, so the shared conformance suite can run against
 * it: the idempotency key stands in for the ticket id, exactly as the outbox keeps one id
 * (and one Zendesk Idempotency-Key) for every attempt of a ticket.
 */
import { createHash } from 'node:crypto';
import {
  TicketError,
  createReference,
  parseTicket,
  type TicketAdapter,
  type TicketReceipt,
} from '@porthole/tickets';
import { DeliveryError, type Destination } from '@porthole/server';

function uuidFrom(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function destinationAdapter(destination: Destination): TicketAdapter {
  const facts = new Map<
    string,
    { reference: string; createdAt: string; progress: Record<string, unknown> }
  >();
  return {
    name: destination.kind,
    async submit(
      input,
      { idempotencyKey = crypto.randomUUID(), signal } = {},
    ): Promise<TicketReceipt> {
      if (signal?.aborted) throw new TicketError('aborted', 'Sending the ticket was cancelled.');
      const parsed = parseTicket(input);
      if (!parsed.success)
        throw new TicketError('invalid', parsed.message, { fieldErrors: parsed.fieldErrors });
      let fact = facts.get(idempotencyKey);
      if (!fact) {
        fact = { reference: createReference(), createdAt: new Date().toISOString(), progress: {} };
        facts.set(idempotencyKey, fact);
      }
      const id = uuidFrom(idempotencyKey);
      const { ticket } = parsed;
      const saved = fact;
      try {
        const result = await destination.deliver(
          {
            id,
            reference: saved.reference,
            createdAt: saved.createdAt,
            email: ticket.email,
            name: ticket.name ?? null,
            subject: ticket.subject,
            message: ticket.message,
            locale: ticket.locale ?? null,
            pageUrl: ticket.pageUrl ?? null,
            metadata: ticket.metadata ?? null,
            verified: false,
            attachments: [],
          },
          {
            deliveryId: id,
            signal: signal ?? AbortSignal.timeout(5_000),
            progress: saved.progress,
            saveProgress: async (progress) => {
              saved.progress = progress;
            },
          },
        );
        return {
          id: result.remoteId ?? id,
          reference: saved.reference,
          createdAt: saved.createdAt,
        };
      } catch (error) {
        if (!(error instanceof DeliveryError)) throw error;
        throw new TicketError(error.retryable ? 'server' : 'rejected', error.message, {
          retryable: error.retryable,
          ...(error.status === undefined ? {} : { status: error.status }),
        });
      }
    },
  };
}
