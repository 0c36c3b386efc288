import { TicketError, isTicketError } from '@porthole/tickets';
import type { Ticket, TicketReceipt } from '@porthole/tickets';
import { OUTBOX_PREFIX, keysOf } from '../core/storage.js';

/**
 * The durable outbox, part one: what every Send needs. The ticket is stored in `localStorage`
 * before the first byte leaves, so a page closed mid-request, a network that is gone or a
 * server that is down loses nothing; what cannot go at once is left there for the outbox's
 * runner (`outbox-runner.ts`, a part loaded only when something waits), which sends it by
 * itself — on `online`, with backoff, on the next page load, from any tab — exactly once.
 */

/** A ticket the visitor has sent, kept until the server has acknowledged it. */
export interface OutboxEntry {
  /** The idempotency key of every attempt, in any tab: the server's guard against twins. */
  key: string;
  /** The ticket; dropped as soon as the server has it. */
  ticket?: Ticket;
  /** Failed attempts so far. */
  tries: number;
  /** When (ms since the epoch) the next attempt is due. */
  next: number;
  /** The server's answer, kept without the ticket until a panel has shown it. */
  receipt?: TicketReceipt;
  /** Refused for good (a 4xx): kept, with the ticket, until the form takes it back. */
  error?: string;
}

/** How the Send the visitor just pressed ended. */
export type Delivery =
  | { kind: 'sent'; receipt: TicketReceipt }
  /** Stored: the runner sends it by itself. */
  | { kind: 'queued' }
  | { kind: 'failed'; error: unknown };

export type Submit = (ticket: Ticket, idempotencyKey: string) => Promise<TicketReceipt>;

/** A new entry's own page is sending it: other tabs' runners leave it alone this long. */
const FRESH_MS = 20_000;

/** 429 is worth retrying in the background, but a visitor who just pressed Send is told. */
export const isRateLimited = (error: unknown): boolean =>
  isTicketError(error) && error.status === 429;

/** The wait the server asked for (`Retry-After`, carried by the error), in ms, if it said. */
export function retryAfterOf(error: unknown): number | undefined {
  const cause: unknown = isTicketError(error) ? error.cause : undefined;
  const wait = (cause as { retryAfter?: unknown } | undefined)?.retryAfter;
  return typeof wait === 'number' ? wait : undefined;
}

/**
 * Run `attempt` holding the Web Lock named after the ticket's key, or not at all when another
 * tab holds it (undefined). Without Web Locks (plain-http pages, old browsers) it just runs:
 * the server's idempotency key still turns a second send into a replay.
 */
export function withTicketLock<T>(key: string, attempt: () => Promise<T>): Promise<T | undefined> {
  const locks = (navigator as { locks?: LockManager }).locks;
  if (!locks) return attempt();
  // The lock is held until the callback's promise settles; `request` resolves with its value.
  return locks.request(`porthole-outbox:${key}`, { ifAvailable: true }, (lock) =>
    lock ? attempt() : undefined,
  ) as Promise<T | undefined>;
}

/** One endpoint's entries in `localStorage`, one key each, so tabs never overwrite others'. */
export class OutboxStore {
  readonly prefix: string;

  /** `scope`: the endpoint's absolute URL, or a custom adapter's name. */
  constructor(readonly scope: string) {
    this.prefix = `${OUTBOX_PREFIX}v1:${scope}:`;
  }

  /** Whether anything is stored: waiting, delivered (a receipt to show) or refused. */
  get any(): boolean {
    return keysOf(() => localStorage, this.prefix).length > 0;
  }

  /** Store an entry; false when storage refuses (the ticket then lives only in this page). */
  put(entry: OutboxEntry): boolean {
    try {
      localStorage.setItem(this.prefix + entry.key, JSON.stringify(entry));
      return true;
    } catch {
      return false;
    }
  }

  remove(key: string): void {
    try {
      localStorage.removeItem(this.prefix + key);
    } catch {
      // Storage that cannot be read holds nothing to remove.
    }
  }

  /**
   * The visitor pressed Send: store the ticket, then try it once (offline, not even that).
   * Queued when it failed in a way a later attempt can fix and it is stored; a 429 is the
   * visitor's to retry, told when.
   */
  async send(ticket: Ticket, key: string, submit: Submit): Promise<Delivery> {
    const stored = this.put({ key, ticket, tries: 0, next: Date.now() + FRESH_MS });
    let error: unknown = new TicketError('network', 'The browser is offline.');
    if (navigator.onLine) {
      try {
        const receipt = await withTicketLock(key, () => submit(ticket, key));
        // No lock: another tab is sending this very ticket, and the outbox has it.
        if (!receipt) return { kind: 'queued' };
        this.remove(key);
        return { kind: 'sent', receipt };
      } catch (caught) {
        error = caught;
      }
    }
    const retryable = !isTicketError(error) || error.retryable;
    if (stored && retryable && !isRateLimited(error)) return { kind: 'queued' };
    this.remove(key);
    return { kind: 'failed', error };
  }
}
