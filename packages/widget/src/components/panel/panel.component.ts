import type { KnowledgeBase } from '@porthole/kb';
import type { TicketAdapter } from '@porthole/tickets';
import { LitElement, html, nothing } from 'lit';
import type { ChunkLoader } from '../../core/chunk-loader.js';
import type { InternalEvent } from '../../core/events.js';
import { issueWarning } from '../../core/warnings.js';
import type {
  ArticleChoice,
  AttachmentLimits,
  ContactPrefill,
  PortholeUser,
  WidgetView,
} from '../../core/options.js';
import { DEFAULT_LOCALE } from '../../i18n/locales.js';
import { createTranslator } from '../../i18n/translator.js';
import type { Translator } from '../../i18n/translator.js';
import type { UsableOverrides } from '../../i18n/overrides.js';
import type { Messages, StringOverrides } from '../../i18n/types.js';
import { ArticleController } from '../../controllers/article.controller.js';
import { ContactController } from '../../controllers/contact.controller.js';
import type { TicketContext } from '../../controllers/contact.controller.js';
import { KnowledgeBaseController } from '../../controllers/knowledge-base.controller.js';
import { SEARCH_DEBOUNCE_MS, SearchController } from '../../controllers/search.controller.js';
import type { PortholeContactForm } from '../contact-form/contact-form.component.js';
import type { PanelState } from '../widget/continuity.js';
import { sharedStyles } from '../shared.styles.js';
import styles from './panel.styles.js';

/** Each view's parts, exported through the panel as `<view>__<part>`. */
const VIEW_PARTS = {
  search: [
    'greeting',
    'input',
    'clear',
    'listbox',
    'option',
    'option-title',
    'option-locale',
    'option-section',
    'option-snippet',
    'status',
    'no-match',
    'contact',
  ],
  article: ['back', 'share', 'title', 'body', 'feedback', 'related', 'contact'],
  'contact-form': [
    'back',
    'title',
    'field',
    'label',
    'control',
    'field-error',
    'attach',
    'error',
    'send',
  ],
  // Slotted into the contact form, so exported by the panel itself.
  attachments: ['list', 'file', 'file-name', 'file-size', 'progress', 'file-error', 'remove'],
  confirmation: ['title', 'reference', 'back'],
} as const;

type ViewName = keyof typeof VIEW_PARTS;

/** `exportparts` for one view: `input:search__input, …`. */
const exportsOf = (view: ViewName) =>
  VIEW_PARTS[view].map((part) => `${part}:${view}__${part}`).join(', ');

/** `exportparts` for the panel itself: every view and every part of it, passed on as named. */
const PANEL_EXPORTS = (Object.keys(VIEW_PARTS) as ViewName[])
  .flatMap((view) => [view, ...VIEW_PARTS[view].map((part) => `${view}__${part}`)])
  .join(', ');

/**
 * @summary The inside of the help dialog: which view shows (search, article, contact form,
 * confirmation), where focus goes, and the workflows behind the views — one reactive
 * controller each for the knowledge base, search, articles and contact.
 *
 * `porthole-widget` creates it in its dialog once its code has loaded (`porthole-panel-*.js`)
 * and keeps its properties in step with its own. Its views only display what they are given
 * and report intent with internal `ph-*` events.
 */
export class PortholePanel extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = {
    kb: {},
    endpoint: {},
    locale: {},
    open: { type: Boolean },
    language: {},
    replyTime: {},
    messages: { attribute: false },
    strings: { attribute: false },
    knowledgeBase: { attribute: false },
    adapter: { attribute: false },
    user: { attribute: false },
    fields: { attribute: false },
    attachments: { attribute: false },
    view: { state: true },
  };

  declare kb: string;
  declare endpoint: string;
  declare locale: string;
  declare open: boolean;
  /** How soon support usually replies (`2h`), for the home view. */
  declare replyTime: string;
  /** The interface language: `messages` are its texts (English needs none). */
  declare language: string;
  declare messages: Messages | undefined;
  /** The site's replacements for any texts. */
  declare strings: StringOverrides;
  /** The words of every view, from the three above. */
  i18n: Translator;
  declare knowledgeBase: KnowledgeBase | undefined;
  declare adapter: TicketAdapter | undefined;
  declare user: PortholeUser;
  /** The site's own fields, as the page gave them (checked by the contact controller). */
  declare fields: unknown;
  declare attachments: boolean | AttachmentLimits;
  /** Where lazily loaded code comes from: the widget's own loader. */
  chunks!: ChunkLoader;

  declare private view: WidgetView;
  /** Where "Back" on the contact form goes. */
  private contactReturn: WidgetView = 'search';

  private readonly knowledge = new KnowledgeBaseController(this);
  private readonly searches = new SearchController(this, this.knowledge);
  private readonly articles = new ArticleController(this, this.knowledge);
  private readonly contacts = new ContactController(this);

  constructor() {
    super();
    this.kb = '';
    this.endpoint = '';
    this.locale = '';
    this.open = false;
    this.language = DEFAULT_LOCALE;
    this.replyTime = '';
    this.messages = undefined;
    this.strings = {};
    this.i18n = createTranslator(DEFAULT_LOCALE);
    this.knowledgeBase = undefined;
    this.adapter = undefined;
    this.user = {};
    this.fields = undefined;
    this.attachments = true;
    this.view = 'search';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('exportparts', PANEL_EXPORTS);
  }

  // ── What porthole-widget calls ───────────────────────────────────────────────────────

  /** Show the search view and search for `query` at once. */
  async search(query: string): Promise<void> {
    this.view = 'search';
    await this.searches.run(query);
  }

  /** Show an article (optionally in another locale, scrolled to a section). */
  showArticle(slug: string, locale?: string, section?: string): Promise<void> {
    // Without a locale, the page's (resolved when the knowledge base is open).
    const choice = { slug, ...(locale && { locale }), ...(section && { section }) };
    return this.openArticle(choice as ArticleChoice, 'search');
  }

  /** Show the contact form, filling empty fields from `prefill`. */
  contact(prefill: ContactPrefill = {}): void {
    this.contacts.prefill(prefill);
    this.goToContact();
  }

  /** The visitor logged out: forget what they wrote and what waits to be sent. */
  logout(): void {
    this.contacts.logout();
  }

  /** After the view has rendered, move focus to its natural starting point. */
  async focusView(options?: FocusOptions): Promise<void> {
    await this.updateComplete;
    const view = this.renderRoot.querySelector<LitElement>('.view');
    if (!view || !this.open) return;
    await view.updateComplete;
    view.focus(options);
  }

  /** What the panel shows, for `porthole-widget` to keep across a reload. */
  snapshot(): PanelState {
    const { article, section } = this.articles;
    const shown = this.view === 'article' && article;
    return {
      view: this.view,
      query: this.searches.query,
      ...(shown && {
        article: { slug: article.slug, locale: article.locale, ...(section && { section }) },
      }),
    };
  }

  /** Show again what a {@link snapshot} saw (without moving focus). */
  async restore({ view, query, article }: PanelState): Promise<void> {
    const searched = typeof query === 'string' && query && this.searches.run(query);
    if (view === 'article' && typeof article?.slug === 'string') {
      this.view = 'article';
      await this.articles.show(article);
    } else if (view === 'contact') {
      this.view = 'contact';
      this.track(this.contacts.loadTickets());
    } else this.view = 'search';
    await searched;
  }

  /** The page moved to another route (a single-page app): suggest articles for that one. */
  pageChanged(): void {
    this.track(this.knowledge.prepare());
  }

  // ── Lifecycle ────────────────────────────────────────────────────────────────────────

  /** Also waits for searches, articles and code in flight, so the view shown is the real one. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (;;) {
      const pending = [this.searches.complete, this.articles.complete, ...this.loads];
      await Promise.all(pending);
      const again = await super.getUpdateComplete();
      complete &&= again;
      if (!this.isUpdatePending && this.loads.size === 0) return complete;
    }
  }

  /** Loads started by this element that `updateComplete` waits for. */
  private readonly loads = new Set<Promise<unknown>>();

  private track(load: Promise<unknown>): void {
    const settled = load.catch(() => undefined);
    this.loads.add(settled);
    void settled.finally(() => this.loads.delete(settled));
  }

  /** The site's `strings`, checked by the part that does so (loaded only when there are any). */
  private overrides(): UsableOverrides {
    if (!Object.keys(this.strings).length) return {};
    const part = this.chunks.get('overrides');
    if (part) return part.checkOverrides(this.strings, part.english, issueWarning);
    // The shell loads this part before the panel; a panel used on its own catches up here.
    this.track(this.chunks.load('overrides').then(() => this.requestUpdate('strings')));
    return {};
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('language') || changed.has('messages') || changed.has('strings')) {
      this.i18n = createTranslator(this.language, this.messages, this.overrides());
    }
    if (!this.open) return;
    // A message that waited in the outbox was delivered (or refused): the confirmation on
    // screen follows it; any other waits for the panel to open to be shown.
    const waiting = this.view === 'confirmation' ? this.contacts.queued?.key : undefined;
    if (!waiting && !changed.has('open')) return;
    const settled = this.contacts.settleQueued(waiting);
    if (settled === 'sent' && this.view !== 'confirmation') this.goTo('confirmation');
    else if (settled === 'refused') this.goToContact();
  }

  protected override updated(changed: Map<string, unknown>): void {
    const source = changed.has('kb') || changed.has('knowledgeBase') || changed.has('locale');
    if (this.open && (changed.has('open') || source)) this.track(this.knowledge.prepare());
  }

  // ── Views ────────────────────────────────────────────────────────────────────────────

  private goTo(view: WidgetView): void {
    this.view = view;
    void this.focusView();
  }

  private goToContact(): void {
    if (this.view !== 'contact' && this.view !== 'confirmation') this.contactReturn = this.view;
    const subject =
      this.view === 'article' ? this.articles.article?.title : this.searches.query.trim();
    if (subject) this.contacts.prefill({ subject });
    this.contacts.sendError = undefined;
    this.contacts.takeRefused();
    this.goTo('contact');
    this.track(this.contacts.loadTickets());
  }

  /**
   * Locale and page address, and the article the visitor was reading when they chose to
   * write (in `metadata`), so the agent sees what did not help.
   */
  private ticketContext() {
    const context: TicketContext & { metadata?: Record<string, string> } = this.contacts.context(
      this.knowledge.locale,
    );
    const article = this.contactReturn === 'article' ? this.articles.article : undefined;
    if (article) context.metadata = { article: article.slug, articleTitle: article.title };
    return context;
  }

  private async retryTickets(): Promise<void> {
    await this.contacts.loadTickets();
    await this.focusView();
  }

  private onArticleBack(): void {
    if (!this.articles.back()) this.goTo('search');
  }

  private async onSend(event: InternalEvent<'ph-send'>): Promise<void> {
    const outcome = await this.contacts.send(event.detail);
    if (outcome.kind === 'sent' || outcome.kind === 'queued') this.goTo('confirmation');
    else if (outcome.kind === 'failed' && outcome.fieldErrors) {
      this.renderRoot
        .querySelector<PortholeContactForm>('porthole-contact-form')
        ?.showErrors(outcome.fieldErrors);
    }
  }

  protected override render() {
    switch (this.view) {
      case 'article':
        return this.renderArticle();
      case 'contact':
        return this.renderContact();
      case 'confirmation':
        return html`<porthole-confirmation
          class="view"
          part="confirmation"
          exportparts=${exportsOf('confirmation')}
          .receipt=${this.contacts.receipt}
          .queued=${this.contacts.queued?.reason}
          .later=${this.contacts.sentLater}
          .i18n=${this.i18n}
          @ph-back=${() => this.goTo('search')}
        ></porthole-confirmation>`;
      default:
        return this.renderSearch();
    }
  }

  private renderSearch() {
    const { searches, knowledge } = this;
    return html`<porthole-search
      class="view"
      part="search"
      exportparts=${exportsOf('search')}
      .query=${searches.query}
      .hits=${searches.hits}
      .home=${knowledge.home}
      .name=${this.user.name ?? ''}
      .replyTime=${this.replyTime}
      .status=${searches.status}
      .unavailable=${knowledge.failed}
      .locale=${knowledge.locale ?? ''}
      .i18n=${this.i18n}
      @ph-query=${(e: InternalEvent<'ph-query'>) => void searches.run(e.detail, SEARCH_DEBOUNCE_MS)}
      @ph-select=${(e: InternalEvent<'ph-select'>) => void this.openArticle(e.detail, 'search')}
      @ph-contact=${this.goToContact}
    ></porthole-search>`;
  }

  private async openArticle(choice: ArticleChoice, via: 'link' | 'search'): Promise<void> {
    this.view = 'article';
    const done = this.articles.show(choice, via);
    void this.focusView();
    await done;
    await this.focusView();
  }

  private renderArticle() {
    const { articles } = this;
    return html`<porthole-article
      class="view"
      part="article"
      exportparts=${exportsOf('article')}
      .article=${articles.article}
      .status=${articles.status}
      .section=${articles.section}
      .sanitize=${articles.sanitize}
      .related=${articles.related}
      .i18n=${this.i18n}
      @ph-back=${this.onArticleBack}
      @ph-navigate=${(e: InternalEvent<'ph-navigate'>) => void this.openArticle(e.detail, 'link')}
      @ph-feedback=${(e: InternalEvent<'ph-feedback'>) => articles.feedback(e.detail)}
      @ph-contact=${this.goToContact}
    ></porthole-article>`;
  }

  private renderContact() {
    const { contacts } = this;
    const { t } = this.i18n;
    if (contacts.ticketsFailed) {
      return html`<div class="view pending" tabindex="-1">
        <p role="alert">${t('contactUnavailable')}</p>
        <p class="actions">
          <button class="secondary" type="button" @click=${() => void this.retryTickets()}>
            ${t('tryAgain')}
          </button>
          <button class="link" type="button" @click=${() => this.goTo(this.contactReturn)}>
            ${t('back')}
          </button>
        </p>
      </div>`;
    }
    if (!contacts.ready || !contacts.tickets) {
      return html`<p class="view pending muted" role="status" tabindex="-1">${t('loading')}</p>`;
    }
    return html`<porthole-contact-form
      class="view"
      part="contact-form"
      exportparts=${exportsOf('contact-form')}
      .draft=${contacts.draft}
      .context=${this.ticketContext()}
      .parseTicket=${contacts.tickets.parseTicket}
      .sending=${contacts.sending}
      .error=${contacts.sendError}
      .fields=${contacts.fields}
      .fieldKit=${contacts.fieldKit}
      ?can-attach=${contacts.canAttach}
      .i18n=${this.i18n}
      @ph-draft=${(e: InternalEvent<'ph-draft'>) =>
        contacts.setField(e.detail.field, e.detail.value)}
      @ph-field=${(e: InternalEvent<'ph-field'>) =>
        contacts.setFieldValue(e.detail.name, e.detail.value)}
      @ph-files=${(e: InternalEvent<'ph-files'>) => this.track(contacts.attach(e.detail))}
      @ph-send=${this.onSend}
      @ph-back=${() => this.goTo(this.contactReturn)}
    >
      ${
        contacts.attachments
          ? html`<porthole-attachments
              slot="attachments"
              part="attachments"
              exportparts=${exportsOf('attachments')}
              .list=${contacts.attachments}
              .version=${contacts.attachments.version}
              .i18n=${this.i18n}
            ></porthole-attachments>`
          : nothing
      }
    </porthole-contact-form>`;
  }
}
