import { isTicketError } from '@porthole/tickets';
import type { Ticket, TicketReceipt } from '@porthole/tickets';
import { keysOf } from '../core/storage.js';
import { emit } from '../core/events.js';
import { retryAfterOf, withTicketLock } from './outbox.js';
import { describeSendError } from './send-errors.js';
import type { Draft } from './draft.js';
import type { FormField } from './fields.js';
import type { PanelHost } from './host.js';
import type { OutboxEntry, OutboxStore, Submit } from './outbox.js';

/** A refused ticket as form fields, and the reason. */
export type RefusedDraft = Pick<Draft, 'name' | 'email' | 'subject' | 'message' | 'fields'> & {
  error: string;
};

/**
 * The durable outbox, part two (`outbox` chunk, loaded only when something waits): it sends
 * the stored tickets by itself — at once when the page loads, on `online`, and with backoff
 * (honouring `Retry-After`) while the server fails — one at a time, each under a Web Lock named
 * after its key and only after reading it again, so two tabs never send one ticket twice.
 * A delivered ticket leaves only its receipt behind, for a panel to show; one the server
 * refuses for good stays, with the reason, until the form takes it back.
 */

/** First wait after a failed attempt; it doubles up to the cap, with jitter. */
const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;

const isPending = (entry: OutboxEntry): entry is OutboxEntry & { ticket: Ticket } =>
  Boolean(entry.ticket && !entry.receipt && entry.error === undefined);

function isEntry(value: unknown): value is OutboxEntry {
  const entry = value as OutboxEntry | null;
  return (
    typeof entry?.key === 'string' &&
    typeof entry.tries === 'number' &&
    typeof entry.next === 'number' &&
    (entry.ticket === undefined || typeof entry.ticket === 'object')
  );
}

export class OutboxRunner {
  readonly #host: PanelHost;
  readonly #store: OutboxStore;
  readonly #submit: Submit;
  /** Fires `porthole-error` for a stored ticket the server refused for good. */
  readonly #report: (error: unknown) => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #flushing: Promise<void> | undefined;
  #again = false;

  /**
   * For the panel `host` (delivered tickets fire `porthole-ticket-created` there, changes
   * re-render it), one endpoint's `store`, sending with `submit`.
   */
  constructor(
    host: PanelHost,
    store: OutboxStore,
    submit: Submit,
    report: (error: unknown) => void,
  ) {
    this.#host = host;
    this.#store = store;
    this.#submit = submit;
    this.#report = report;
  }

  /** The endpoint's entries: waiting, delivered (a receipt to show) and refused. */
  entries(): OutboxEntry[] {
    const { prefix } = this.#store;
    return keysOf(() => localStorage, prefix).flatMap((key) => {
      const entry = this.#read(key.slice(prefix.length));
      return entry ? [entry] : [];
    });
  }

  #read(key: string): OutboxEntry | undefined {
    try {
      const value: unknown = JSON.parse(localStorage.getItem(this.#store.prefix + key) ?? 'null');
      return isEntry(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  /** Start listening; `now`: try everything waiting at once (a page that just loaded). */
  start(now: boolean): void {
    addEventListener('online', this.#onOnline);
    addEventListener('storage', this.#onStorage);
    void this.flush(now);
  }

  stop(): void {
    removeEventListener('online', this.#onOnline);
    removeEventListener('storage', this.#onStorage);
    clearTimeout(this.#timer);
  }

  #onOnline = (): void => void this.flush(true);

  #onStorage = (event: StorageEvent): void => {
    if (event.key !== null && !event.key.startsWith(this.#store.prefix)) return;
    this.#host.requestUpdate();
    this.#schedule();
  };

  /** Try every waiting ticket that is due (all of them with `force`), one at a time. */
  flush(force = false): Promise<void> {
    if (this.#flushing) {
      // An `online` during a round that is failing offline must still get its own round.
      this.#again ||= force;
      return this.#flushing;
    }
    this.#flushing = this.#round(force).finally(() => {
      this.#flushing = undefined;
      const again = this.#again;
      this.#again = false;
      if (again) void this.flush(true);
      else this.#schedule();
      this.#host.requestUpdate();
    });
    return this.#flushing;
  }

  async #round(force: boolean): Promise<void> {
    for (const entry of this.entries().filter(isPending)) {
      if (!navigator.onLine) return;
      if (!force && entry.next > Date.now()) continue;
      await withTicketLock(entry.key, () => this.#attempt(entry.key));
    }
  }

  /** One attempt, under the ticket's lock. */
  async #attempt(key: string): Promise<void> {
    // Another tab may have delivered it, or given up on it, since this one looked.
    const entry = this.#read(key);
    if (!entry || !isPending(entry)) return;
    const store = this.#store;
    try {
      const receipt = await this.#submit(entry.ticket, key);
      // The ticket (personal data) goes at once; the reference stays for the visitor.
      store.put({ key, tries: entry.tries, next: 0, receipt });
      this.#sent(receipt);
    } catch (error) {
      // A 429 waits its Retry-After like a 503; a refusal no retry can change stays, refused.
      if (isTicketError(error) && !error.retryable) {
        this.#report(error);
        store.put({ ...entry, error: describeSendError(error, this.#host.i18n) });
        return;
      }
      const backoff = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** entry.tries);
      const wait = Math.max(backoff * (0.5 + Math.random() / 2), retryAfterOf(error) ?? 0);
      store.put({ ...entry, tries: entry.tries + 1, next: Date.now() + wait });
    }
  }

  /**
   * One timer, for the waiting ticket due first (in this tab or another). Offline, none:
   * `online` starts the next round. At least a second apart, so a ticket another tab is busy
   * sending is looked at again, not spun on.
   */
  #schedule(): void {
    clearTimeout(this.#timer);
    const due = Math.min(
      ...this.entries()
        .filter(isPending)
        .map((entry) => entry.next),
    );
    if (Number.isFinite(due) && navigator.onLine) {
      this.#timer = setTimeout(() => void this.flush(), Math.max(1_000, due - Date.now()));
    }
  }

  /**
   * The receipt of a delivered ticket (`key`'s, or any), taken to be shown — once, by one
   * panel.
   */
  takeReceipt(key?: string): TicketReceipt | undefined {
    const entry = this.entries().find((e) => e.receipt && (key === undefined || e.key === key));
    if (entry) this.#store.remove(entry.key);
    return entry?.receipt;
  }

  /** Whether the server refused `key`'s ticket for good. */
  isRefused(key: string): boolean {
    return this.entries().some((entry) => entry.key === key && entry.error !== undefined);
  }

  /**
   * A refused ticket, taken back as the fields of a draft (the site's `fields` among its
   * metadata), with the reason.
   */
  takeRefused(fields: readonly FormField[]): RefusedDraft | undefined {
    const entry = this.entries().find((e) => e.ticket && e.error !== undefined);
    const ticket = entry?.ticket;
    if (!ticket || entry.error === undefined) return undefined;
    this.#store.remove(entry.key);
    const values: RefusedDraft['fields'] = {};
    for (const field of fields) {
      const value = ticket.metadata?.[field.name];
      if (field.type !== 'hidden' && value !== undefined) {
        values[field.name] = value === true || String(value);
      }
    }
    const { name = '', email, subject, message } = ticket;
    return { name, email, subject, message, fields: values, error: entry.error };
  }

  /**
   * Logout: every entry goes from storage now. What still waited gets one last attempt from
   * this page (same key) when it is online, and is dropped if that fails.
   */
  discard(): void {
    const waiting = this.clear();
    if (!navigator.onLine) return;
    for (const entry of waiting) {
      this.#submit(entry.ticket, entry.key).then(this.#sent, () => undefined);
    }
  }

  #sent = (receipt: TicketReceipt): void => {
    emit(this.#host, 'porthole-ticket-created', { receipt });
  };

  /** Remove every entry; returns the tickets that were still waiting. */
  clear(): (OutboxEntry & { ticket: Ticket })[] {
    const entries = this.entries();
    for (const entry of entries) this.#store.remove(entry.key);
    return entries.filter(isPending);
  }
}
