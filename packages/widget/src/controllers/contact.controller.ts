import { createIdempotencyKey, isTicketError } from '@porthole/tickets';
import type { FieldErrors, Ticket, TicketAdapter, TicketReceipt } from '@porthole/tickets';
import type { ReactiveController } from 'lit';
import type { Chunks } from '../core/chunk-loader.js';
import { emit } from '../core/events.js';
import type { ContactPrefill } from '../core/options.js';
import { issueWarning } from '../core/warnings.js';
import type { AttachmentList } from './attachments.js';
import {
  clearDraft,
  createDraft,
  draftFields,
  isDraftEmpty,
  loadDraft,
  saveDraft,
} from './draft.js';
import type { Draft, DraftField } from './draft.js';
import { fieldErrorKey } from '../components/contact-form/field-ids.js';
import type { FormField } from './fields.js';
import type { PanelHost } from './host.js';
import { withIdentity } from './identity.js';
import { OutboxStore } from './outbox.js';
import type { OutboxRunner } from './outbox-runner.js';

/** What the widget adds to the visitor's fields before validating. */
export interface TicketContext {
  locale?: string;
  pageUrl?: string;
}

/**
 * How a send ended: sent, saved in the outbox to be sent by itself, stopped by a
 * `porthole-ticket-submit` listener, or failed.
 */
export type SendOutcome =
  | { kind: 'sent'; receipt: TicketReceipt }
  | { kind: 'queued' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; fieldErrors?: FieldErrors };

/** A message that waits in the outbox, and why: the browser is offline, or the server failed. */
export interface QueuedMessage {
  key: string;
  reason: 'offline' | 'server';
}

/**
 * The contact workflow: the draft (kept in `sessionStorage` per endpoint, prefilled without
 * ever overwriting what the visitor typed), the site's fields, attachments (their code loads
 * when the first file is attached), the ticket code (`tickets` chunk), and sending — one
 * idempotency key per ticket content, so a double click, a retry or a reload never makes a
 * second ticket, and a durable outbox (`outbox.ts`) that sends by itself what could not be
 * sent at once (offline, server down), exactly once across reloads and tabs.
 */
export class ContactController implements ReactiveController {
  draft: Draft = createDraft();
  sending = false;
  /** Why the last send failed, shown with "Try again". */
  sendError: string | undefined;
  receipt: TicketReceipt | undefined;
  /** The ticket code could not be loaded: the contact view offers "Try again". */
  ticketsFailed = false;
  /** The message just sent waits in the outbox (shown on the confirmation view). */
  queued: QueuedMessage | undefined;
  /** `receipt` is that of a message that waited in the outbox first. */
  sentLater = false;
  /** The site's own fields (the `fields` option), checked. */
  fields: FormField[] = [];
  /** The draft's files, once the visitor has attached one (the code loads then). */
  attachments: AttachmentList | undefined;

  readonly #host: PanelHost;
  #endpoint: string | undefined;
  #user: PanelHost['user'] | undefined;
  /** The last ticket sent under the draft's idempotency key (serialized). */
  #lastAttempt: string | undefined;
  #httpAdapter: { endpoint: string; adapter: TicketAdapter } | undefined;
  #givenFields: unknown;
  #store: OutboxStore | undefined;
  #runner: OutboxRunner | undefined;
  #runnerLoading = false;
  /** The runner's first round, once loaded, tries everything at once. */
  #runNow = false;

  constructor(host: PanelHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#store?.any) this.#startRunner(true);
  }

  hostDisconnected(): void {
    this.#runner?.stop();
    this.#runner = undefined;
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
    if (this.#host.fields !== this.#givenFields) {
      this.#givenFields = this.#host.fields;
      this.fields = this.fieldKit?.readFields(this.#givenFields) ?? [];
      // Fields set while the form is open: their code loads now.
      if (!this.fieldKit && this.tickets) void this.loadTickets();
    }
    this.#syncOutbox();
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

  /** The code of the site's own fields, if it has loaded. */
  get fieldKit(): Chunks['fields'] | undefined {
    return this.#host.chunks.get('fields');
  }

  /** The form can be shown: the ticket code is there, and the fields' code if there are any. */
  get ready(): boolean {
    return Boolean(this.tickets && (this.#givenFields === undefined || this.fieldKit));
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

  /** One of the site's fields changed. */
  setFieldValue(name: string, value: string | boolean): void {
    this.draft = { ...this.draft, fields: { ...this.draft.fields, [name]: value } };
    saveDraft(this.#host.endpoint, this.draft);
    this.#host.requestUpdate();
  }

  /**
   * Load the ticket code for the form (and the fields' code, on sites that add fields); on
   * failure the contact view offers "Try again".
   */
  async loadTickets(): Promise<void> {
    if (this.ready) return;
    const { chunks } = this.#host;
    this.ticketsFailed = false;
    this.#host.requestUpdate();
    try {
      const given = this.#givenFields;
      const [, kit] = await Promise.all([
        chunks.load('tickets'),
        given === undefined ? undefined : chunks.load('fields'),
      ]);
      if (kit) this.fields = kit.readFields(given);
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

  /** Send a validated ticket, once: at once, or through the outbox when it cannot go now. */
  async send(ticket: Ticket): Promise<SendOutcome> {
    const tickets = this.tickets;
    // Checked and set synchronously: a second click in the same frame, before Lit has
    // re-rendered Send as disabled, stops here.
    if (this.sending || !tickets) return { kind: 'cancelled' };
    this.sending = true;
    this.sendError = undefined;
    this.#host.requestUpdate();
    try {
      return await this.#send(ticket, tickets);
    } finally {
      this.sending = false;
      this.#host.requestUpdate();
    }
  }

  async #send(fields: Ticket, tickets: Chunks['tickets']): Promise<SendOutcome> {
    const host = this.#host;
    // Files still uploading go with it; files that failed stay behind, each saying why.
    await this.attachments?.settled();
    const ids = this.attachments?.ids() ?? [];
    const ticket = withIdentity(
      ids.length > 0 ? { ...fields, attachments: ids } : fields,
      host.user,
    );
    if (!emit(host, 'porthole-ticket-submit', { ticket }, true)) return { kind: 'cancelled' };
    const store = this.#store;
    if (!store) {
      issueWarning('no-endpoint', 'No ticket endpoint configured: set `endpoint` (data-endpoint).');
      this.sendError = host.i18n.t('sendFailed');
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
    const key = this.draft.idempotencyKey;
    const delivery = await store.send(ticket, key, this.#submit);
    if (delivery.kind === 'failed') return this.#failed(delivery.error);
    // Sent, or saved in the outbox: either way the form starts afresh.
    this.#reset();
    if (delivery.kind === 'queued') {
      this.queued = { key, reason: navigator.onLine ? 'server' : 'offline' };
      this.#startRunner(false);
      return { kind: 'queued' };
    }
    this.receipt = delivery.receipt;
    this.sentLater = false;
    emit(host, 'porthole-ticket-created', { receipt: delivery.receipt });
    return { kind: 'sent', receipt: delivery.receipt };
  }

  /** A new, empty draft (with the identified visitor's name and email), no files. */
  #reset(): void {
    clearDraft(this.#host.endpoint);
    this.#lastAttempt = undefined;
    this.draft = createDraft();
    this.#fill(this.#host.user);
    this.attachments?.clear();
  }

  /**
   * Everything typed stays (in the form and in storage) and the same idempotency key is reused
   * by "Try again", so a retry after a lost answer cannot make a second ticket.
   */
  async #failed(error: unknown): Promise<SendOutcome> {
    this.#report(error);
    const fieldErrors = isTicketError(error) ? error.fieldErrors : undefined;
    const shown: string[] = [...draftFields];
    for (const field of this.fields) {
      if (field.type !== 'hidden') shown.push(fieldErrorKey(field.name));
    }
    if (fieldErrors && shown.some((key) => fieldErrors[key]))
      return { kind: 'failed', fieldErrors };
    // Said in words by the `outbox` part: needed only when sending goes wrong, and then the
    // network works (what fails offline is queued, not refused).
    const { chunks, i18n } = this.#host;
    try {
      this.sendError = (await chunks.load('outbox')).describeSendError(error, i18n);
    } catch {
      this.sendError = i18n.t('sendFailed');
    }
    return { kind: 'failed' };
  }

  #report(error: unknown): void {
    const code = isTicketError(error) ? error.code : 'network';
    emit(this.#host, 'porthole-error', { error, code: `ticket-${code}` });
  }

  // ── The outbox ───────────────────────────────────────────────────────────────────────

  /** The outbox of this endpoint (its absolute URL), or of a custom adapter (its name). */
  #syncOutbox(): void {
    const { adapter, endpoint } = this.#host;
    const scope = adapter
      ? `adapter:${adapter.name}`
      : endpoint && new URL(endpoint, document.baseURI).href;
    if (scope === this.#store?.scope) return;
    this.#runner?.stop();
    this.#runner = undefined;
    this.#store = scope ? new OutboxStore(scope) : undefined;
    if (this.#store?.any && this.#host.isConnected) this.#startRunner(true);
  }

  #submit = async (ticket: Ticket, idempotencyKey: string): Promise<TicketReceipt> => {
    const adapter = this.#adapter(await this.#host.chunks.load('tickets'));
    if (!adapter) throw new Error('No ticket endpoint configured.');
    return adapter.submit(ticket, { idempotencyKey });
  };

  /**
   * Something waits in the outbox: load its runner (once), which sends it by itself; `now`
   * tries everything at once (a page that just loaded, the network back). Offline, or with
   * the server down, its code may not load either: then again on `online`, or in half a
   * minute. An `online` while it loads makes its first round try everything too.
   */
  #startRunner(now: boolean): void {
    const store = this.#store;
    this.#runNow ||= now;
    if (this.#runner) {
      void this.#runner.flush(this.#runNow);
      this.#runNow = false;
    }
    if (this.#runner || this.#runnerLoading || !store) return;
    // The same listener is added once, however often this runs.
    addEventListener('online', this.#restartRunner, { once: true });
    // Offline, its code cannot load either (and a failed load is an error in the page's
    // console): `online` starts it.
    if (!navigator.onLine) return;
    this.#runnerLoading = true;
    const host = this.#host;
    host.chunks
      .load('outbox')
      .then(
        ({ OutboxRunner }) => {
          if (store !== this.#store || !host.isConnected) return;
          removeEventListener('online', this.#restartRunner);
          const runner = new OutboxRunner(host, store, this.#submit, (e) => this.#report(e));
          this.#runner = runner;
          runner.start(this.#runNow);
          this.#runNow = false;
        },
        () => setTimeout(this.#restartRunner, 30_000),
      )
      .finally(() => (this.#runnerLoading = false));
  }

  #restartRunner = (): void => this.#startRunner(true);

  /**
   * What became of the message shown as waiting (or, with no key, of any message that
   * waited): its receipt is taken to be shown — once, by one panel — or, refused for good,
   * it goes back to the form (`takeRefused`).
   */
  settleQueued(key?: string): 'sent' | 'refused' | undefined {
    const runner = this.#runner;
    const receipt = runner?.takeReceipt(key);
    if (receipt) {
      this.receipt = receipt;
      this.sentLater = true;
      this.queued = undefined;
      return 'sent';
    }
    if (key && runner?.isRefused(key)) {
      this.queued = undefined;
      return 'refused';
    }
    return undefined;
  }

  /**
   * A saved message the server refused for good goes back into an empty form, with the
   * reason, so nothing the visitor wrote is lost. Called when the form opens.
   */
  takeRefused(): void {
    if (this.sending || !isDraftEmpty(this.draft)) return;
    const refused = this.#runner?.takeRefused(this.fields);
    if (!refused) return;
    const { error, ...fields } = refused;
    this.draft = { ...createDraft(), ...fields };
    saveDraft(this.#host.endpoint, this.draft);
    this.sendError = error;
  }

  /**
   * The visitor logged out: the draft, the files and the outbox are forgotten. What still
   * waited gets one last attempt from this page (same key); if that fails it is dropped, for
   * a browser that is logged out (often a shared one) must not keep a person's message nor
   * send it later in someone else's session.
   */
  logout(): void {
    this.#runner?.discard();
    this.queued = undefined;
    this.sendError = undefined;
    this.#reset();
    this.#host.requestUpdate();
  }

  // ── Attachments ──────────────────────────────────────────────────────────────────────

  /** Whether the form offers "Attach files": not switched off, and the adapter can upload. */
  get canAttach(): boolean {
    const { attachments, adapter, endpoint } = this.#host;
    if (attachments === false) return false;
    return adapter ? typeof adapter.upload === 'function' : Boolean(endpoint);
  }

  /** The visitor attached files: load the attachment code (once) and start their uploads. */
  async attach(files: readonly File[]): Promise<void> {
    const host = this.#host;
    if (files.length === 0 || !this.canAttach) return;
    try {
      const { AttachmentList } = await host.chunks.load('attachments');
      this.attachments ??= new AttachmentList(host, async () =>
        this.#adapter(await host.chunks.load('tickets')),
      );
      void this.attachments.add(files);
    } catch (error) {
      this.sendError = host.i18n.t('contactUnavailable');
      this.#report(error);
    }
    host.requestUpdate();
  }

  #adapter({ createHttpAdapter }: Chunks['tickets']): TicketAdapter | undefined {
    const { adapter, endpoint } = this.#host;
    if (adapter) return adapter;
    if (!endpoint) return undefined;
    if (this.#httpAdapter?.endpoint !== endpoint) {
      this.#httpAdapter = {
        endpoint,
        // One quick retry for a blip; anything longer is the outbox's job, so the visitor
        // learns at once that the message is saved instead of watching "Sending…".
        adapter: createHttpAdapter({
          endpoint: new URL(endpoint, document.baseURI),
          retries: 1,
          maxRetryDelay: 2_000,
        }),
      };
    }
    return this.#httpAdapter.adapter;
  }
}
