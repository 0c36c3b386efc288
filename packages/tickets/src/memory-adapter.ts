import { TicketError } from './errors.js';
import { createReference, createUuid } from './ids.js';
import { parseTicket, serializeTicket, type Ticket, type TicketInput } from './schema.js';
import type { SubmitOptions, TicketAdapter, TicketReceipt } from './types.js';

export interface MemoryAdapterOptions {
  /**
   * Milliseconds each submission takes, to make a demo's "Sending…" state visible.
   * @default 0
   */
  latency?: number;
}

/** A ticket as the memory adapter keeps it. */
export interface StoredTicket {
  ticket: Ticket;
  receipt: TicketReceipt;
  idempotencyKey?: string;
}

export interface MemoryAdapter extends TicketAdapter {
  /** Every stored ticket, oldest first. */
  readonly tickets: readonly StoredTicket[];
}

/**
 * Keep tickets in memory: for tests, demos and the widget's playground. Behaves like the
 * reference server: same validation, same references, and the same idempotency key always
 * answers with the same receipt (a different ticket under a used key is `rejected`).
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const { latency = 0 } = options;
  const tickets: StoredTicket[] = [];
  const byKey = new Map<string, { serialized: string; receipt: Promise<TicketReceipt> }>();

  async function store(ticket: Ticket, key: string | undefined, signal: AbortSignal | undefined) {
    if (latency > 0) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          clearTimeout(timer);
          reject(new TicketError('aborted', 'Sending the ticket was cancelled.'));
        };
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, latency);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    }
    const receipt: TicketReceipt = {
      id: createUuid(),
      reference: createReference(),
      createdAt: new Date().toISOString(),
    };
    tickets.push(
      key === undefined ? { ticket, receipt } : { ticket, receipt, idempotencyKey: key },
    );
    return receipt;
  }

  return {
    name: 'memory',
    tickets,
    async submit(input: TicketInput, { idempotencyKey, signal }: SubmitOptions = {}) {
      if (signal?.aborted) throw new TicketError('aborted', 'Sending the ticket was cancelled.');
      const parsed = parseTicket(input);
      if (!parsed.success) {
        throw new TicketError('invalid', parsed.message, { fieldErrors: parsed.fieldErrors });
      }
      if (idempotencyKey === undefined) return store(parsed.ticket, undefined, signal);

      const serialized = serializeTicket(parsed.ticket);
      const previous = byKey.get(idempotencyKey);
      if (previous) {
        if (previous.serialized !== serialized) {
          throw new TicketError(
            'rejected',
            'This idempotency key was already used for a different ticket.',
            { status: 422 },
          );
        }
        return { ...(await previous.receipt) };
      }
      // Registered before the first await, so concurrent repeats share one stored ticket.
      const receipt = store(parsed.ticket, idempotencyKey, signal);
      byKey.set(idempotencyKey, { serialized, receipt });
      // A failed (aborted) first attempt must not poison the key for the retry.
      receipt.catch(() => byKey.delete(idempotencyKey));
      return { ...(await receipt) };
    },
  };
}
