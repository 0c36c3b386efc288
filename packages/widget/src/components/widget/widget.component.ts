import type { Article, ArticleSummary, KnowledgeBase, SearchHit } from '@porthole/kb';
// Only the tiny helpers are imported here; the schema and the http adapter load with the
// contact form (`chunks.load('tickets')`).
import { createIdempotencyKey, isTicketError } from '@porthole/tickets';
import type { Ticket, TicketAdapter, TicketReceipt } from '@porthole/tickets';
import { LitElement, html } from 'lit';
import { clearDraft, createDraft, draftFields, loadDraft, saveDraft } from '../../draft.js';
import type { Draft, DraftField } from '../../draft.js';
import { emit } from '../../events.js';
import type { PortholeErrorCode } from '../../events.js';
import { chunks } from '../../lazy.js';
import type { Chunks } from '../../lazy.js';
import { sharedStyles } from '../../shared.styles.js';
import { defaultStrings, formatString } from '../../strings.js';
import type { PortholeStrings } from '../../strings.js';
import { suggestArticles } from '../../suggest.js';
import { issueWarning } from '../../warnings.js';
import type { ArticleStatus } from '../article/article.component.js';
import type { PortholeContactForm, TicketContext } from '../contact-form/contact-form.component.js';
import type { ArticleChoice, SearchStatus } from '../search/search.component.js';
import styles from './widget.styles.js';

/** Which screen the panel shows. */
export type WidgetView = 'search' | 'article' | 'contact' | 'confirmation';
/** The corner the launcher sits in. */
export type WidgetPosition = 'bottom-right' | 'bottom-left';

/** A signed-in visitor, from `Porthole('identify', user)`: prefills the contact form. */
export interface PortholeUser {
  name?: string;
  email?: string;
}

/** Values for the contact form, from `Porthole('contact', prefill)`. */
export type ContactPrefill = Partial<Record<DraftField, string>>;

/** Everything `Porthole('config', options)` and {@link PortholeWidget.configure} accept. */
export interface PortholeOptions {
  /**
   * URL of the compiled knowledge base folder (resolved against the page).
   * @default ''
   */
  kb?: string;
  /**
   * URL of the ticket endpoint for the built-in http adapter (resolved against the page).
   * @default ''
   */
  endpoint?: string;
  /**
   * Locale of the articles to search and show.
   * @default the `lang` of `<html>`, then the knowledge base's default locale
   */
  locale?: string;
  /** @default 'bottom-right' */
  position?: WidgetPosition;
  /**
   * Accent colour (any CSS colour); sets `--porthole-accent`.
   * @default ''
   */
  accent?: string;
  /**
   * Replacements for any of the widget's texts (see `defaultStrings`).
   * @default {}
   */
  strings?: Partial<PortholeStrings>;
  /**
   * An already opened knowledge base; takes precedence over `kb`.
   * @default undefined
   */
  knowledgeBase?: KnowledgeBase;
  /**
   * Where tickets go; takes precedence over `endpoint`.
   * @default undefined
   */
  adapter?: TicketAdapter;
}

/** Options that map one to one onto properties (strings are merged instead). */
const OPTION_KEYS = [
  'kb',
  'endpoint',
  'locale',
  'position',
  'accent',
  'knowledgeBase',
  'adapter',
] as const satisfies readonly (keyof PortholeOptions)[];

const SEARCH_DEBOUNCE_MS = 100;
const SEARCH_LIMIT = 8;

/**
 * @summary The Porthole help widget: a launcher bubble that opens a help dialog where visitors
 * search the knowledge base, read articles and contact support. Holds all state (view, query,
 * results, current article, draft, receipt); the parts inside only display it.
 *
 * @attr kb - URL of the compiled knowledge base folder.
 * @attr endpoint - URL of the ticket endpoint.
 * @attr locale - Locale of the articles (else `<html lang>`, else the KB's default).
 * @attr position - `bottom-right` (default) or `bottom-left`.
 * @attr accent - Accent colour.
 * @attr open - Whether the panel is open.
 *
 * @event porthole-open - The panel opened.
 * @event porthole-close - The panel closed.
 * @event porthole-search - Results arrived: `{ query, results, hits }`.
 * @event porthole-article-view - An article was shown: `{ slug, locale }`.
 * @event porthole-feedback - "Was this helpful?" answered: `{ slug, locale, helpful }`.
 * @event porthole-ticket-submit - A valid ticket is about to be sent: `{ ticket }`; cancelable.
 * @event porthole-ticket-created - The ticket was stored: `{ receipt }`.
 * @event porthole-error - Something failed: `{ error, code }`.
 *
 * @csspart launcher - The launcher bubble (`launcher__base`, `launcher__icon` inside).
 * @csspart panel - The dialog (`panel__header`, `panel__title`, `panel__close`, `panel__body`).
 * @csspart search - The search view (`search__input`, `search__listbox`, `search__option`,
 *   `search__option-title`, `search__option-section`, `search__option-snippet`, `search__option-locale`,
 *   `search__status`, `search__contact`).
 * @csspart article - The article view (`article__back`, `article__title`, `article__body`,
 *   `article__feedback`, `article__contact`).
 * @csspart contact-form - The contact form (`contact-form__back`, `contact-form__title`,
 *   `contact-form__field`, `contact-form__label`, `contact-form__control`,
 *   `contact-form__field-error`, `contact-form__error`, `contact-form__send`).
 * @csspart confirmation - The confirmation (`confirmation__title`, `confirmation__reference`,
 *   `confirmation__back`).
 *
 * @cssprop --porthole-accent - Launcher, header and primary buttons.
 * @cssprop --porthole-accent-contrast - Text and icons on the accent colour.
 * @cssprop --porthole-background - Panel background.
 * @cssprop --porthole-foreground - Text colour.
 * @cssprop --porthole-muted - Secondary text.
 * @cssprop --porthole-border - Separators and panel border.
 * @cssprop --porthole-border-strong - Form field borders.
 * @cssprop --porthole-hover - Hovered and active options.
 * @cssprop --porthole-link - Links and result titles.
 * @cssprop --porthole-danger - Validation and error messages.
 * @cssprop --porthole-success - The confirmation tick.
 * @cssprop --porthole-font-family - Font of the whole widget.
 * @cssprop --porthole-font-size - Base font size.
 * @cssprop --porthole-radius - Corner radius of the panel (controls use half).
 * @cssprop --porthole-shadow - Shadow of the launcher and the panel.
 * @cssprop --porthole-z-index - Stacking order against the page.
 * @cssprop --porthole-offset - Distance of the launcher from the viewport corner.
 * @cssprop --porthole-launcher-size - Diameter of the launcher.
 * @cssprop --porthole-panel-width - Width of the panel.
 * @cssprop --porthole-panel-height - Preferred height of the panel.
 * @cssprop --porthole-focus-ring-color - Focus outline colour.
 * @cssprop --porthole-focus-ring-width - Focus outline width.
 */
export class PortholeWidget extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = {
    kb: {},
    endpoint: {},
    locale: {},
    position: { reflect: true },
    accent: {},
    open: { type: Boolean, reflect: true },
    strings: { attribute: false },
    knowledgeBase: { attribute: false },
    adapter: { attribute: false },
    view: { state: true },
    query: { state: true },
    hits: { state: true },
    searchStatus: { state: true },
    suggestions: { state: true },
    kbFailed: { state: true },
    ticketsFailed: { state: true },
    article: { state: true },
    articleStatus: { state: true },
    section: { state: true },
    draft: { state: true },
    sending: { state: true },
    sendError: { state: true },
    receipt: { state: true },
  };

  /** @default '' */
  declare kb: string;
  /** @default '' */
  declare endpoint: string;
  /** @default '' */
  declare locale: string;
  /** @default 'bottom-right' */
  declare position: WidgetPosition;
  /** @default '' */
  declare accent: string;
  /**
   * Whether the panel is open. Setting it fires no event and moves no focus; `show()`,
   * `hide()` and `toggle()` do both.
   * @default false
   */
  declare open: boolean;
  /** @default {} */
  declare strings: Partial<PortholeStrings>;
  /** @default undefined */
  declare knowledgeBase: KnowledgeBase | undefined;
  /** @default undefined */
  declare adapter: TicketAdapter | undefined;

  declare private view: WidgetView;
  declare private query: string;
  declare private hits: readonly SearchHit[];
  declare private searchStatus: SearchStatus;
  declare private suggestions: readonly ArticleSummary[];
  declare private kbFailed: boolean;
  /** The ticket code (schema, adapter) could not be loaded: the contact view says so. */
  declare private ticketsFailed: boolean;
  declare private article: Article | undefined;
  declare private articleStatus: ArticleStatus;
  declare private section: string | undefined;
  declare private draft: Draft;
  declare private sending: boolean;
  declare private sendError: string | undefined;
  declare private receipt: TicketReceipt | undefined;

  private text: PortholeStrings = defaultStrings;
  private user: PortholeUser = {};
  private kbPromise: Promise<KnowledgeBase> | undefined;
  private httpAdapter: { endpoint: string; adapter: TicketAdapter } | undefined;
  /** Each search and article load takes a number; an answer for an older one is dropped. */
  private searchSeq = 0;
  private articleSeq = 0;
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Articles visited through links, for "Back". */
  private trail: ArticleChoice[] = [];
  /** The last ticket sent under the draft's idempotency key (serialized). */
  private lastAttempt: string | undefined;
  /** The locale the knowledge base resolved for this page, once it is loaded. */
  private kbLocale: string | undefined;
  /** Where "Back" on the contact form goes. */
  private contactReturn: WidgetView = 'search';
  /** Chunk loads under way; `updateComplete` waits for them (see {@link getUpdateComplete}). */
  private chunkLoads = new Set<Promise<unknown>>();

  constructor() {
    super();
    this.kb = '';
    this.endpoint = '';
    this.locale = '';
    this.position = 'bottom-right';
    this.accent = '';
    this.open = false;
    this.strings = {};
    this.knowledgeBase = undefined;
    this.adapter = undefined;
    this.view = 'search';
    this.query = '';
    this.hits = [];
    this.searchStatus = 'idle';
    this.suggestions = [];
    this.kbFailed = false;
    this.ticketsFailed = false;
    this.article = undefined;
    this.articleStatus = 'loading';
    this.section = undefined;
    this.draft = createDraft();
    this.sending = false;
    this.sendError = undefined;
    this.receipt = undefined;
  }

  // ── Public API ────────────────────────────────────────────────────────────────────────

  /** Open the panel and move focus into it. Fires `porthole-open`. */
  show(): void {
    if (!this.open) {
      this.open = true;
      emit(this, 'porthole-open', undefined);
    }
    void this.focusView();
  }

  /** Close the panel; focus returns to the launcher if it was inside. Fires `porthole-close`. */
  hide(): void {
    if (!this.open) return;
    const hadFocus = Boolean(this.shadowRoot?.activeElement);
    this.open = false;
    emit(this, 'porthole-close', undefined);
    if (hadFocus) this.renderRoot.querySelector('porthole-launcher')?.focus();
  }

  toggle(): void {
    if (this.open) this.hide();
    else this.show();
  }

  /** Open the panel on the search view and search for `query` right away. */
  async search(query: string): Promise<void> {
    this.view = 'search';
    this.show();
    this.query = String(query);
    await this.startSearch(0);
  }

  /** Open the panel on an article (optionally scrolled to a section). */
  async showArticle(slug: string, locale?: string, section?: string): Promise<void> {
    this.show();
    this.trail = [];
    await this.openArticle({
      slug: String(slug),
      ...(locale && { locale }),
      ...(section && { section }),
    });
  }

  /** Open the contact form; `prefill` fills fields the visitor has not typed in yet. */
  contact(prefill: ContactPrefill = {}): void {
    this.prefill(prefill);
    this.goToContact();
    this.show();
  }

  /** Remember who the visitor is: name and email prefill the contact form. */
  identify(user: PortholeUser): void {
    this.user = { ...this.user, ...user };
    this.prefill(this.user);
  }

  /** Change any of the options at once (what `Porthole('config', …)` calls). */
  configure(options: PortholeOptions): void {
    for (const key of OPTION_KEYS) {
      const value = options[key];
      if (value !== undefined) (this as Record<string, unknown>)[key] = value;
    }
    if (options.strings) this.strings = { ...this.strings, ...options.strings };
  }

  // ── Lifecycle ─────────────────────────────────────────────────────────────────────────

  /**
   * Also waits for the code a view needs (a chunk loading), so that once it resolves the
   * panel shows the real view, not its loading state.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.chunkLoads.size > 0) {
      await Promise.allSettled(this.chunkLoads);
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.debounceTimer);
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('strings')) {
      const text: Record<string, string> = { ...defaultStrings };
      for (const [key, value] of Object.entries(this.strings)) {
        if (typeof value === 'string' && key in text) text[key] = value;
      }
      this.text = text as PortholeStrings;
    }
    if (changed.has('endpoint')) {
      // Values set before the endpoint was known (a queued `Porthole('contact', prefill)`)
      // fill whatever the stored draft leaves empty; what the visitor typed wins.
      const earlier = this.draft;
      this.draft = loadDraft(this.endpoint) ?? createDraft();
      this.prefill(earlier);
      this.prefill(this.user);
    }
    if (changed.has('kb') || changed.has('knowledgeBase') || changed.has('locale')) {
      if (changed.has('kb') || changed.has('knowledgeBase')) this.kbPromise = undefined;
      if (this.hasUpdated && this.open) void this.prepare();
    }
  }

  protected override firstUpdated(): void {
    const panel = this.renderRoot.querySelector('porthole-panel');
    if (panel) panel.anchor = this.renderRoot.querySelector('porthole-launcher') ?? undefined;
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('accent')) {
      if (this.accent) this.style.setProperty('--porthole-accent', this.accent);
      else this.style.removeProperty('--porthole-accent');
    }
    if (changed.has('open') && this.open) void this.prepare();
  }

  // ── Code loaded when needed ───────────────────────────────────────────────────────────

  /**
   * Load a chunk through the lazy seam. While it loads, the view that needs it shows its
   * loading state and `updateComplete` waits; once it settles the widget renders again.
   */
  private loadChunk<K extends keyof Chunks>(name: K): Promise<Chunks[K]> {
    const loading = chunks.load(name);
    if (!chunks.get(name)) {
      const settled = loading.then(
        () => this.requestUpdate(),
        () => this.requestUpdate(),
      );
      this.chunkLoads.add(settled);
      void settled.finally(() => this.chunkLoads.delete(settled));
    }
    return loading;
  }

  /** Start loading what the panel needs before the visitor opens it; failures wait for then. */
  private preload(): void {
    void this.loadKb().catch(() => undefined);
  }

  /** The ticket code for the contact form; on failure the contact view offers "Try again". */
  private async loadTickets(): Promise<void> {
    if (chunks.get('tickets')) return;
    this.ticketsFailed = false;
    try {
      await this.loadChunk('tickets');
    } catch (error) {
      this.ticketsFailed = true;
      this.fail(error, 'ticket-network');
    }
  }

  /** "Try again" after the ticket code failed to load: the button goes, so focus follows. */
  private async retryTickets(): Promise<void> {
    await this.loadTickets();
    await this.focusView();
  }

  /** Whether the current view is waiting for its code, and shows "Loading…" instead. */
  private viewIsLoading(): boolean {
    if (this.view === 'search') {
      return Boolean(this.kb && !this.knowledgeBase && !chunks.get('kb') && !this.kbFailed);
    }
    return this.view === 'contact' && !chunks.get('tickets') && !this.ticketsFailed;
  }

  // ── Knowledge base ────────────────────────────────────────────────────────────────────

  private loadKb(): Promise<KnowledgeBase> {
    if (this.knowledgeBase) return Promise.resolve(this.knowledgeBase);
    if (!this.kbPromise) {
      if (!this.kb) {
        issueWarning('no-kb', 'No knowledge base configured: set `kb` (data-kb on the script).');
        return Promise.reject(new Error('No knowledge base configured.'));
      }
      const url = this.kb;
      const opening = this.loadChunk('kb').then(({ openKnowledgeBase }) => openKnowledgeBase(url));
      this.kbPromise = opening;
      // A failed load is not cached: the next open tries again.
      opening.catch(() => {
        if (this.kbPromise === opening) this.kbPromise = undefined;
      });
    }
    return this.kbPromise;
  }

  /** The KB locale: `locale` → `<html lang>` → the KB's default. */
  private localeOf(kb: KnowledgeBase): string {
    this.kbLocale = kb.resolveLocale(this.locale || document.documentElement.lang || undefined);
    return this.kbLocale;
  }

  /** Load the KB (if needed) and the suggestions shown before typing. */
  private async prepare(): Promise<void> {
    // Articles are sanitized before they are shown: have the code ready by then. A failure
    // here is reported when an article needs it (and that load tries again).
    void chunks.load('sanitize').catch(() => undefined);
    try {
      const kb = await this.loadKb();
      this.kbFailed = false;
      this.suggestions = suggestArticles(kb.articles(this.localeOf(kb)), location.pathname);
    } catch (error) {
      this.fail(error, 'kb-unavailable');
    }
  }

  private fail(error: unknown, code: PortholeErrorCode): void {
    if (code === 'kb-unavailable') this.kbFailed = true;
    emit(this, 'porthole-error', { error, code });
  }

  // ── Search ────────────────────────────────────────────────────────────────────────────

  private onQuery(query: string): void {
    this.query = query;
    void this.startSearch(SEARCH_DEBOUNCE_MS);
  }

  private async startSearch(delay: number): Promise<void> {
    clearTimeout(this.debounceTimer);
    const seq = ++this.searchSeq;
    const query = this.query;
    if (!query.trim()) {
      this.hits = [];
      this.searchStatus = 'idle';
      return;
    }
    this.searchStatus = 'searching';
    if (delay) await new Promise((resolve) => (this.debounceTimer = setTimeout(resolve, delay)));
    if (seq !== this.searchSeq) return;
    let kb: KnowledgeBase;
    try {
      kb = await this.loadKb();
    } catch (error) {
      if (seq === this.searchSeq) {
        this.searchStatus = 'error';
        this.fail(error, 'kb-unavailable');
      }
      return;
    }
    try {
      const hits = await kb.search(query, {
        locale: this.localeOf(kb),
        limit: SEARCH_LIMIT,
        alsoLocales: 'all',
      });
      // Answers can arrive out of order (a locale's index loads on first use): only the
      // newest search may change what is shown.
      if (seq !== this.searchSeq) return;
      this.kbFailed = false;
      this.hits = hits;
      this.searchStatus = 'done';
      emit(this, 'porthole-search', { query, results: hits.length, hits });
    } catch (error) {
      if (seq !== this.searchSeq) return;
      this.hits = [];
      this.searchStatus = 'error';
      this.fail(error, 'search-failed');
    }
  }

  // ── Articles ──────────────────────────────────────────────────────────────────────────

  private async openArticle(choice: { slug: string; locale?: string; section?: string }) {
    const seq = ++this.articleSeq;
    this.view = 'article';
    this.article = undefined;
    this.articleStatus = 'loading';
    this.section = choice.section;
    void this.focusView();
    try {
      const [kb] = await Promise.all([this.loadKb(), this.loadChunk('sanitize')]);
      const article = await kb.article(choice.slug, choice.locale ?? this.localeOf(kb));
      if (seq !== this.articleSeq) return;
      this.article = article;
      this.articleStatus = 'ready';
      emit(this, 'porthole-article-view', { slug: article.slug, locale: article.locale });
      await this.focusView();
    } catch (error) {
      if (seq !== this.articleSeq) return;
      this.articleStatus = 'error';
      this.fail(error, 'article-unavailable');
    }
  }

  private onSelect(choice: ArticleChoice): void {
    this.trail = [];
    void this.openArticle(choice);
  }

  private onNavigate(choice: ArticleChoice): void {
    if (this.article) this.trail.push({ slug: this.article.slug, locale: this.article.locale });
    void this.openArticle(choice);
  }

  private onArticleBack(): void {
    const previous = this.trail.pop();
    if (previous) void this.openArticle(previous);
    else this.goTo('search');
  }

  private onFeedback(helpful: boolean): void {
    if (!this.article) return;
    const { slug, locale } = this.article;
    emit(this, 'porthole-feedback', { slug, locale, helpful });
  }

  // ── Contact ───────────────────────────────────────────────────────────────────────────

  /** Fill the fields the visitor has left empty; never overwrite what they typed. */
  private prefill(values: ContactPrefill): void {
    const next = { ...this.draft };
    let changed = false;
    for (const field of draftFields) {
      const value = values[field];
      if (typeof value === 'string' && value && !next[field].trim()) {
        next[field] = value;
        changed = true;
      }
    }
    if (changed) this.draft = next;
  }

  private goToContact(): void {
    if (this.view !== 'contact' && this.view !== 'confirmation') this.contactReturn = this.view;
    const subject = this.view === 'article' ? this.article?.title : this.query.trim();
    if (subject) this.prefill({ subject });
    this.sendError = undefined;
    this.goTo('contact');
    void this.loadTickets();
  }

  private onDraft({ field, value }: { field: DraftField; value: string }): void {
    this.draft = { ...this.draft, [field]: value };
    saveDraft(this.endpoint, this.draft);
  }

  private ticketContext(): TicketContext {
    const context: TicketContext = {};
    // The schema takes http(s) addresses of at most 2,048 characters; a longer one is still
    // worth sending cut short, a file: page has none worth sending.
    const pageUrl = location.href.split('#')[0] ?? '';
    if (/^https?:/.test(pageUrl)) context.pageUrl = pageUrl.slice(0, 2048);
    const locale = this.kbLocale ?? (this.locale || document.documentElement.lang);
    if (locale) context.locale = locale;
    return context;
  }

  private getAdapter({ createHttpAdapter }: Chunks['tickets']): TicketAdapter | undefined {
    if (this.adapter) return this.adapter;
    if (!this.endpoint) return undefined;
    if (this.httpAdapter?.endpoint !== this.endpoint) {
      this.httpAdapter = {
        endpoint: this.endpoint,
        adapter: createHttpAdapter({ endpoint: new URL(this.endpoint, document.baseURI) }),
      };
    }
    return this.httpAdapter.adapter;
  }

  private async onSend(ticket: Ticket): Promise<void> {
    // Checked and set synchronously: a second click in the same frame, before Lit has
    // re-rendered Send as disabled, stops here.
    if (this.sending) return;
    // The form is only shown once the ticket code has loaded, so it is here.
    const tickets = chunks.get('tickets');
    if (!tickets) return;
    if (!emit(this, 'porthole-ticket-submit', { ticket }, true)) return;
    const adapter = this.getAdapter(tickets);
    if (!adapter) {
      issueWarning('no-endpoint', 'No ticket endpoint configured: set `endpoint` (data-endpoint).');
      this.sendError = this.text.sendFailed;
      return;
    }
    // A retry of the same ticket keeps the key (the server may have stored the first try and
    // only the answer was lost). A changed ticket under a used key would be refused as a
    // conflict, so an edit after a failed attempt starts a new key.
    const attempt = tickets.serializeTicket(ticket);
    if (this.lastAttempt !== undefined && this.lastAttempt !== attempt) {
      this.draft = { ...this.draft, idempotencyKey: createIdempotencyKey() };
      saveDraft(this.endpoint, this.draft);
    }
    this.lastAttempt = attempt;
    this.sending = true;
    this.sendError = undefined;
    const endpoint = this.endpoint;
    try {
      const receipt = await adapter.submit(ticket, {
        idempotencyKey: this.draft.idempotencyKey,
      });
      clearDraft(endpoint);
      this.lastAttempt = undefined;
      this.draft = createDraft();
      this.prefill(this.user);
      this.receipt = receipt;
      this.goTo('confirmation');
      emit(this, 'porthole-ticket-created', { receipt });
    } catch (error) {
      // Everything typed stays (in the form and in storage) and the same idempotency key is
      // reused by "Try again", so a retry after a lost answer cannot make a second ticket.
      const code = isTicketError(error) ? error.code : 'network';
      const fieldErrors = isTicketError(error) ? error.fieldErrors : undefined;
      if (fieldErrors && draftFields.some((field) => fieldErrors[field])) {
        this.renderRoot
          .querySelector<PortholeContactForm>('porthole-contact-form')
          ?.showErrors(fieldErrors);
      } else if ((code === 'invalid' || code === 'rejected') && error instanceof Error) {
        this.sendError = formatString(this.text.sendRejected, { reason: error.message });
      } else {
        this.sendError = this.text.sendFailed;
      }
      this.fail(error, `ticket-${code}`);
    } finally {
      this.sending = false;
    }
  }

  // ── Views and focus ───────────────────────────────────────────────────────────────────

  private goTo(view: WidgetView): void {
    this.view = view;
    void this.focusView();
  }

  /** After the view has rendered, move focus to its natural starting point. */
  private async focusView(): Promise<void> {
    await this.updateComplete;
    const view = this.renderRoot.querySelector<LitElement>('.view');
    if (!view || !this.open) return;
    await view.updateComplete;
    view.focus();
  }

  protected override render() {
    const s = this.text;
    return html`
      <porthole-launcher
        part="launcher"
        exportparts="base:launcher__base, icon:launcher__icon"
        aria-controls="panel"
        .label=${s.launcher}
        ?expanded=${this.open}
        @click=${() => this.toggle()}
        @pointerenter=${this.preload}
        @focus=${this.preload}
        @touchstart=${{ handleEvent: () => this.preload(), passive: true }}
      ></porthole-launcher>
      <porthole-panel
        id="panel"
        part="panel"
        exportparts="header:panel__header, title:panel__title, close:panel__close, body:panel__body"
        ?open=${this.open}
        .label=${s.panelTitle}
        .closeLabel=${s.close}
        .placement=${this.position === 'bottom-left' ? 'top-start' : 'top-end'}
        @ph-close=${() => this.hide()}
      >
        ${this.renderView(s)}
      </porthole-panel>
    `;
  }

  private renderView(s: PortholeStrings) {
    if (this.viewIsLoading()) {
      return html`<p class="view pending muted" role="status">${s.loading}</p>`;
    }
    if (this.view === 'contact' && this.ticketsFailed) {
      return html`<div class="view pending" tabindex="-1">
        <p role="alert">${s.contactUnavailable}</p>
        <p class="actions">
          <button class="secondary" type="button" @click=${() => void this.retryTickets()}>
            ${s.tryAgain}
          </button>
          <button class="link" type="button" @click=${() => this.goTo(this.contactReturn)}>
            ${s.back}
          </button>
        </p>
      </div>`;
    }
    switch (this.view) {
      case 'article':
        return html`<porthole-article
          class="view"
          part="article"
          exportparts="back:article__back, title:article__title, body:article__body, feedback:article__feedback, contact:article__contact"
          .article=${this.article}
          .status=${this.articleStatus}
          .section=${this.section}
          .strings=${s}
          @ph-back=${this.onArticleBack}
          @ph-navigate=${(e: CustomEvent<ArticleChoice>) => this.onNavigate(e.detail)}
          @ph-feedback=${(e: CustomEvent<boolean>) => this.onFeedback(e.detail)}
          @ph-contact=${this.goToContact}
        ></porthole-article>`;
      case 'contact':
        return html`<porthole-contact-form
          class="view"
          part="contact-form"
          exportparts="back:contact-form__back, title:contact-form__title, field:contact-form__field, label:contact-form__label, control:contact-form__control, field-error:contact-form__field-error, error:contact-form__error, send:contact-form__send"
          .draft=${this.draft}
          .context=${this.ticketContext()}
          .sending=${this.sending}
          .error=${this.sendError}
          .strings=${s}
          @ph-draft=${(e: CustomEvent<{ field: DraftField; value: string }>) =>
            this.onDraft(e.detail)}
          @ph-send=${(e: CustomEvent<Ticket>) => void this.onSend(e.detail)}
          @ph-back=${() => this.goTo(this.contactReturn)}
        ></porthole-contact-form>`;
      case 'confirmation':
        return html`<porthole-confirmation
          class="view"
          part="confirmation"
          exportparts="title:confirmation__title, reference:confirmation__reference, back:confirmation__back"
          .receipt=${this.receipt}
          .strings=${s}
          @ph-back=${() => this.goTo('search')}
        ></porthole-confirmation>`;
      default:
        return html`<porthole-search
          class="view"
          part="search"
          exportparts="input:search__input, listbox:search__listbox, option:search__option, option-title:search__option-title, option-locale:search__option-locale, option-section:search__option-section, option-snippet:search__option-snippet, status:search__status, contact:search__contact"
          .query=${this.query}
          .hits=${this.hits}
          .suggestions=${this.suggestions}
          .status=${this.searchStatus}
          .unavailable=${this.kbFailed}
          .locale=${this.kbLocale ?? ''}
          .strings=${s}
          @ph-query=${(e: CustomEvent<string>) => this.onQuery(e.detail)}
          @ph-select=${(e: CustomEvent<ArticleChoice>) => this.onSelect(e.detail)}
          @ph-contact=${this.goToContact}
        ></porthole-search>`;
    }
  }
}
