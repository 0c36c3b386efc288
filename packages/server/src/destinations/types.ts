import type { TicketRecord } from '../ticket-store.js';

/** A stored attachment as destinations see it. */
export interface DeliveryAttachment {
  id: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  /** The file's bytes, read from the uploads folder when a destination needs them. */
  read(): Promise<Buffer>;
  /** A signed link that expires, for receivers that fetch the file themselves (webhook). */
  signedUrl?: { url: string; expiresAt: string };
}

/** The ticket as the outbox forwards it: the stored ticket's fields, with its files. */
export interface DeliveryTicket extends Omit<TicketRecord, 'status' | 'userAgent'> {
  attachments: DeliveryAttachment[];
}

export interface DeliveryContext {
  /** Stable across every attempt of this ticket to this destination. */
  deliveryId: string;
  /** Ends the attempt (its timeout, or the relay stopping). */
  signal: AbortSignal;
  /** What an earlier attempt of this delivery saved with {@link saveProgress}. */
  progress: Record<string, unknown>;
  /** Remember partial work (uploaded files, a mail already sent) for the next attempt. */
  saveProgress(progress: Record<string, unknown>): Promise<void>;
}

export interface DeliveryResult {
  /** The destination's own id for the ticket (Zendesk ticket id, Message-ID …). */
  remoteId?: string;
}

/** One place tickets go. Built from a destination URL by `parseDestination`. */
export interface Destination {
  /** `zendesk`, `freshdesk`, `helpscout`, `webhook`, `smtp`. */
  readonly kind: string;
  /** The URL without credentials: safe to log and store, and the outbox row's key. */
  readonly name: string;
  /**
   * Whether a repeated attempt can never make a second ticket there (Zendesk's
   * Idempotency-Key). The others are at-least-once; see docs/adapters.md.
   */
  readonly idempotent: boolean;
  deliver(ticket: DeliveryTicket, context: DeliveryContext): Promise<DeliveryResult>;
  close?(): Promise<void>;
}

export interface DeliveryErrorOptions {
  /** Another attempt may succeed (network, 5xx, 429). */
  retryable: boolean;
  status?: number;
  /** How long the destination asked us to wait (`Retry-After`). */
  retryAfterMs?: number;
  cause?: unknown;
}

/** Why an attempt failed. `message` is safe to store and show: no credentials, no bodies. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  readonly retryable: boolean;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(message: string, options: DeliveryErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}
