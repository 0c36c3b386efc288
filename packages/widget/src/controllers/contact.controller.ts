import { createIdempotencyKey, isTicketError } from '@porthole/tickets';
import type { FieldErrors, Ticket, TicketAdapter, TicketReceipt } from '@porthole/tickets';
import type { ReactiveController } from 'lit';
import type { Chunks } from '../core/chunk-loader.js';
import { emit } from '../core/events.js';
import type { ContactPrefill } from '../core/options.js';
import { issueWarning } from '../core/warnings.js';
import { clearDraft, createDraft, draftFields, loadDraft, saveDraft } from './draft.js';
import type { Draft, DraftField } from './draft.js';
import type { PanelHost } from './host.js';

/** What the widget adds to the visitor's fields before validating. */
export interface TicketContext {
  locale?: string;
  pageUrl?: string;
}

/** How a send ended: sent, stopped by a `porthole-ticket-submit` listener, or failed. */
export type SendOutcome =
  | { kind: 'sent'; receipt: TicketReceipt }
  | { kind: 'cancelled' }
  | { kind: 'failed'; fieldErrors?: FieldErrors };

/**
 * The contact workflow: the draft (kept in `localStorage` per endpoint, prefilled without ever
 * overwriting what the visitor typed), the ticket code (`tickets` chunk), and sending — one
 * idempotency key per ticket content, so a double click, a retry or a reload never makes a
 * second ticket.
 */
export class ContactController implements ReactiveController {
  draft: Draft = createDraft();
  sending = false;
  /** Why the last send failed, shown with "Try again". */
  sendError: string | undefined;
  receipt: TicketReceipt | undefined;
  /** The ticket code could not be loaded: the contact view offers "Try again". */
  ticketsFailed = false;

  readonly #host: PanelHost;
  #endpoint: string | undefined;
  #user: PanelHost['user'] | undefined;
  /** The last ticket sent under the draft's idempotency key (serialized). */
  #lastAttempt: string | undefined;
  #httpAdapter: { endpoint: string; adapter: TicketAdapter } | undefined;

  constructor(host: PanelHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Runs before each render, so a changed endpoint or visitor shows in that render. */
  hostUpdate(): void {
    const { endpoint } = this.#host;
    if (endpoint !== this.#endpoint) {
      this.#endpoint = endpoint;
      // Values set before the endpoint was known (a queued `Porthole('contact', prefill)`)
      // fill whatever the stored draft leaves empty; what the visitor typed wins.
      const earlier = this.draft;
      this.draft = loadDraft(endpoint) ?? createDraft();
      this.#fill(earlier);
    }
    this.#syncUser();
  }

  /** A visitor identified since the last look fills the empty fields first. */
  #syncUser(): void {
    const { user } = this.#host;
    if (user !== this.#user) {
      this.#user = user;
      this.#fill(user);
    }
  }

  /** The ticket code, if it has loaded. */
  get tickets(): Chunks['tickets'] | undefined {
    return this.#host.chunks.get('tickets');
  }

  /** Fill the fields the visitor has left empty; never overwrite what they typed. */
  prefill(values: ContactPrefill): void {
    // `identify` before `contact` wins, even when both arrive before the first render.
    this.#syncUser();
    if (this.#fill(values)) this.#host.requestUpdate();
  }

  #fill(values: ContactPrefill): boolean {
    let next: Draft | undefined;
    for (const field of draftFields) {
      const value = values[field];
      if (typeof value === 'string' && value && !this.draft[field].trim()) {
        next ??= { ...this.draft };
        next[field] = value;
      }
    }
    if (next) this.draft = next;
    return next !== undefined;
  }

  setField(field: DraftField, value: string): void {
    this.draft = { ...this.draft, [field]: value };
    saveDraft(this.#host.endpoint, this.draft);
    this.#host.requestUpdate();
  }

  /** Load the ticket code for the form; on failure the contact view offers "Try again". */
  async loadTickets(): Promise<void> {
    if (this.tickets) return;
    this.ticketsFailed = false;
    this.#host.requestUpdate();
    try {
      await this.#host.chunks.load('tickets');
    } catch (error) {
      this.ticketsFailed = true;
      emit(this.#host, 'porthole-error', { error, code: 'ticket-network' });
    }
    this.#host.requestUpdate();
  }

  /** Locale and page address sent along with the ticket. */
  context(kbLocale: string | undefined): TicketContext {
    const context: TicketContext = {};
    // The schema takes http(s) addresses of at most 2,048 characters; a longer one is still
    // worth sending cut short, a file: page has none worth sending.
    const pageUrl = location.href.split('#')[0] ?? '';
    if (/^https?:/.test(pageUrl)) context.pageUrl = pageUrl.slice(0, 2048);
    const locale = kbLocale ?? (this.#host.locale || document.documentElement.lang);
    if (locale) context.locale = locale;
    return context;
  }

  /** Send a validated ticket, once. */
  async send(ticket: Ticket): Promise<SendOutcome> {
    const host = this.#host;
    const tickets = this.tickets;
    // Checked and set synchronously: a second click in the same frame, before Lit has
    // re-rendered Send as disabled, stops here.
    if (this.sending || !tickets) return { kind: 'cancelled' };
    if (!emit(host, 'porthole-ticket-submit', { ticket }, true)) return { kind: 'cancelled' };
    const adapter = this.#adapter(tickets);
    if (!adapter) {
      issueWarning('no-endpoint', 'No ticket endpoint configured: set `endpoint` (data-endpoint).');
      this.sendError = host.i18n.t('sendFailed');
      host.requestUpdate();
      return { kind: 'failed' };
    }
    // A retry of the same ticket keeps the key (the server may have stored the first try and
    // only the answer was lost). A changed ticket under a used key would be refused as a
    // conflict, so an edit after a failed attempt starts a new key.
    const attempt = tickets.serializeTicket(ticket);
    if (this.#lastAttempt !== undefined && this.#lastAttempt !== attempt) {
      this.draft = { ...this.draft, idempotencyKey: createIdempotencyKey() };
      saveDraft(host.endpoint, this.draft);
    }
    this.#lastAttempt = attempt;
    this.sending = true;
    this.sendError = undefined;
    host.requestUpdate();
    const endpoint = host.endpoint;
    try {
      const receipt = await adapter.submit(ticket, { idempotencyKey: this.draft.idempotencyKey });
      clearDraft(endpoint);
      this.#lastAttempt = undefined;
      this.draft = createDraft();
      this.#fill(host.user);
      this.receipt = receipt;
      emit(host, 'porthole-ticket-created', { receipt });
      return { kind: 'sent', receipt };
    } catch (error) {
      return this.#failed(error);
    } finally {
      this.sending = false;
      host.requestUpdate();
    }
  }

  /**
   * Everything typed stays (in the form and in storage) and the same idempotency key is reused
   * by "Try again", so a retry after a lost answer cannot make a second ticket.
   */
  #failed(error: unknown): SendOutcome {
    const { t } = this.#host.i18n;
    const code = isTicketError(error) ? error.code : 'network';
    const fieldErrors = isTicketError(error) ? error.fieldErrors : undefined;
    let outcome: SendOutcome = { kind: 'failed' };
    if (fieldErrors && draftFields.some((field) => fieldErrors[field])) {
      outcome = { kind: 'failed', fieldErrors };
    } else if ((code === 'invalid' || code === 'rejected') && error instanceof Error) {
      this.sendError = t('sendRejected', { reason: error.message });
    } else {
      this.sendError = t('sendFailed');
    }
    emit(this.#host, 'porthole-error', { error, code: `ticket-${code}` });
    return outcome;
  }

  #adapter({ createHttpAdapter }: Chunks['tickets']): TicketAdapter | undefined {
    const { adapter, endpoint } = this.#host;
    if (adapter) return adapter;
    if (!endpoint) return undefined;
    if (this.#httpAdapter?.endpoint !== endpoint) {
      this.#httpAdapter = {
        endpoint,
        adapter: createHttpAdapter({ endpoint: new URL(endpoint, document.baseURI) }),
      };
    }
    return this.#httpAdapter.adapter;
  }
}
