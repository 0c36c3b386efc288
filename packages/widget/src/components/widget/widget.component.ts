import type { KnowledgeBase } from '@porthole/kb';
import type { TicketAdapter } from '@porthole/tickets';
import { createChunkLoader } from '../../core/chunk-loader.js';
import type { ChunkLoader, LoadableLocale } from '../../core/chunk-loader.js';
import { emit } from '../../core/events.js';
import type {
  AttachmentLimits,
  ContactPrefill,
  PortholeOptions,
  PortholeUser,
  WidgetPosition,
} from '../../core/options.js';
import { forgetStored, tidyStorage } from '../../core/storage.js';
import { DEFAULT_LOCALE } from '../../i18n/locales.js';
import shellText from '../../i18n/locales/en-shell.js';
import type { ShellKey } from '../../i18n/locales/en-shell.js';
import { direction, resolveLocale } from '../../i18n/resolve.js';
import type { Messages, StringOverrides } from '../../i18n/types.js';
import { importers, prefetch } from '../../loading/importers.js';
import type { PortholePanel } from '../panel/panel.component.js';
import { wrapTab } from './focus.js';
import { readSession, writeSession } from './continuity.js';
import type { SessionState } from './continuity.js';
import { readDeepLink, writeDeepLink } from './page-hooks.js';
import type { DeepLink } from './page-hooks.js';
import { createWidgetDom } from './widget.dom.js';
import type { WidgetDom } from './widget.dom.js';
import { panelStyles, widgetStyles } from './widget.styles.js';

/** Below this the panel is a modal sheet that fills the screen. */
const SHEET_QUERY = '(max-width: 480px), (max-height: 480px)';

/** What `history.state` holds while the modal sheet is open, so Back can close it. */
const SHEET_HISTORY_STATE = { portholeSheet: true } as const;

/** Attributes that map one to one onto string properties. */
const STRING_ATTRIBUTES = ['kb', 'endpoint', 'locale', 'accent', 'shortcut'] as const;
/** `replyTime` (options) is `reply-time` (attribute). */
const REPLY_TIME = 'reply-time';

/**
 * @summary The Porthole help widget: a round launcher that opens a help dialog where visitors
 * search the knowledge base, read articles and contact support.
 *
 * This element is what every page downloads (`porthole.js`): properties, public methods and
 * events, the launcher and the dialog's frame, written without Lit. The panel inside the dialog
 * (`porthole-panel`: Lit, the views and their workflows) loads when the visitor reaches for it
 * (pointer over or focus on the launcher or a `data-porthole-open` element, `show()`, a deep
 * link) or when the browser is idle. Calls made before it has arrived wait for it.
 *
 * The launcher and the dialog live in the top layer (`popover`; `showModal()` for the sheet of
 * small screens), so no page CSS can move or cover them.
 *
 * @attr kb - URL of the compiled knowledge base folder (resolved against the page).
 * @attr endpoint - URL of the ticket endpoint for the built-in http adapter.
 * @attr locale - Locale of the articles; empty means `<html lang>`, then the KB's default.
 * @attr [position=bottom-end] - The launcher's corner: `bottom-end` or `bottom-start` (mirrored on
 *   right-to-left pages), `bottom-right` or `bottom-left` (never mirrored).
 * @attr accent - Accent colour (any CSS colour); sets `--porthole-accent`.
 * @attr open - Whether the panel is open. Setting it fires no event and moves no focus;
 *   `show()` and `hide()` do both.
 * @attr no-launcher - Hide the launcher: the page opens the panel with its own button
 *   (`data-porthole-open` on any element, or `Porthole('open')`).
 * @attr reply-time - How soon support usually replies, said on the home view: `30m`, `2h`,
 *   `1d`, `90 minutes`. Empty: not said.
 * @attr shortcut - A key that opens and closes the panel: `?`, `Mod+/`, `Alt+Shift+H` (`Mod` is
 *   ⌘ on Apple devices, Ctrl elsewhere). Without Ctrl, Alt or Meta it is ignored in fields.
 *
 * @event porthole-open - The panel opened (detail: `undefined`).
 * @event porthole-close - The panel closed: close button, Escape, Back on a phone, the launcher,
 *   `close` (detail: `undefined`).
 * @event porthole-search - Results for a non-empty query arrived (typing is debounced by
 *   100 ms): `{ query: string; results: number; hits: readonly SearchHit[] }`, `results` being
 *   the number shown (at most 8).
 * @event porthole-article-view - An article is shown: `{ slug: string; locale: string }`.
 * @event porthole-feedback - The visitor answered "Was this helpful?":
 *   `{ slug: string; locale: string; helpful: boolean }`.
 * @event porthole-ticket-submit - A valid ticket is about to be sent: `{ ticket: Ticket }`.
 *   Cancelable: `preventDefault()` stops it.
 * @event porthole-ticket-created - The ticket was stored:
 *   `{ receipt: { id: string; reference: string; createdAt: string } }`.
 * @event porthole-error - Something failed (the widget shows its own message too):
 *   `{ error: unknown; code: PortholeErrorCode }`.
 *
 * @csspart launcher - The launcher, a round `<button>`.
 * @csspart launcher__icon - Its icon (an `<svg>`; a speech bubble, a chevron while open).
 * @csspart panel - The dialog (a `<dialog>` in the top layer).
 * @csspart panel__header - Its title bar.
 * @csspart panel__title - The visible title ("Help").
 * @csspart panel__close - The close button.
 * @csspart panel__body - The scrolling area around the current view.
 * @csspart search - The search view; its parts are exported as `search__<part>`.
 * @csspart article - The article view; its parts are exported as `article__<part>`.
 * @csspart contact-form - The contact form; its parts are exported as `contact-form__<part>`.
 * @csspart attachments - The list of attached files in the contact form; its parts are
 *   exported as `attachments__<part>`.
 * @csspart confirmation - The confirmation; its parts are exported as `confirmation__<part>`.
 *
 * @cssprop [--porthole-accent=#2150d0] - Launcher, panel header, primary button (Send), outline
 *   of the selected result.
 * @cssprop [--porthole-accent-contrast=#ffffff] - Icon and text on the accent colour.
 * @cssprop [--porthole-background=#ffffff] - Panel and form fields.
 * @cssprop [--porthole-foreground=#1b1d22] - Text.
 * @cssprop [--porthole-muted=#545b67] - Secondary text: snippets, status line, hints,
 *   placeholder.
 * @cssprop [--porthole-border=#dde1e8] - Panel border, separators, table cells, secondary
 *   buttons.
 * @cssprop [--porthole-border-strong=#7f8796] - Search field and form field borders, quote
 *   bars, locale badge.
 * @cssprop [--porthole-hover=#eef2fa] - Hovered and selected results, code blocks.
 * @cssprop [--porthole-link=var(--porthole-accent)] - Links, result titles, "Contact us".
 * @cssprop [--porthole-danger=#b3261e] - Field errors, invalid field borders, the send-failed
 *   alert.
 * @cssprop [--porthole-success=#1d7a43] - The confirmation tick.
 * @cssprop [--porthole-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif] -
 *   Font of the whole widget.
 * @cssprop [--porthole-font-size=15px] - Base font size (everything else is in `em`; fields
 *   never go below 16 px, so phones do not zoom in).
 * @cssprop [--porthole-radius=12px] - Corner radius of the panel; buttons, fields and results
 *   use half.
 * @cssprop [--porthole-shadow=0 6px 28px rgb(0 0 0 / 0.2)] - Shadow of the launcher and the
 *   panel.
 * @cssprop [--porthole-z-index=2147483000] - Stacking order, only in browsers without the top
 *   layer (`popover`).
 * @cssprop [--porthole-offset=20px] - Distance of the launcher from the corner of the viewport.
 * @cssprop [--porthole-launcher-size=56px] - Diameter of the launcher.
 * @cssprop [--porthole-panel-width=380px] - Width of the panel.
 * @cssprop [--porthole-panel-height=620px] - Preferred height of the panel (the viewport may
 *   make it smaller).
 * @cssprop [--porthole-focus-ring-color=var(--porthole-accent)] - Focus outline.
 * @cssprop [--porthole-focus-ring-width=3px] - Focus outline width.
 */
export class PortholeWidget extends HTMLElement {
  static readonly observedAttributes = [
    'kb',
    'endpoint',
    'locale',
    'position',
    'accent',
    'open',
    'no-launcher',
    'shortcut',
    REPLY_TIME,
  ];

  /** Where the lazily loaded parts come from; replaced before first use to watch or fake them. */
  chunks: ChunkLoader = createChunkLoader(importers, { prefetch });

  #strings: StringOverrides = {};
  /** The interface language the page asks for, and its texts once loaded (English: none). */
  #language = '';
  #messages: Messages | undefined;
  #languageLoading: Promise<void> | undefined;
  #knowledgeBase: KnowledgeBase | undefined;
  #adapter: TicketAdapter | undefined;
  #user: PortholeUser = {};
  #fields: PortholeOptions['fields'];
  #attachments: boolean | AttachmentLimits = true;

  readonly #dom: WidgetDom;
  #panel: PortholePanel | undefined;
  #panelLoading: Promise<PortholePanel | undefined> | undefined;
  /** Calls made before the panel arrived, run in order once it has. */
  readonly #waiting: ((panel: PortholePanel) => unknown)[] = [];
  /** Whatever opened the panel: focus goes back to it, and the panel floats next to it. */
  #opener: HTMLElement | undefined;
  #modal = false;
  #savedOverflow: string | undefined;
  #stopPlacing: (() => void) | undefined;
  #idle: number | undefined;
  #storageTidied = false;
  /** What the panel showed before a reload or navigation, to show again when it opens. */
  #resuming: SessionState | undefined;
  /** The page's path, to notice a single-page app's route changes. */
  #path = '';

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [widgetStyles()];
    this.#dom = createWidgetDom(
      root,
      {
        toggle: () => this.toggle(this.#dom.launcher),
        close: () => this.hide(),
        preload: () => this.#preload(),
        retry: () => void this.#focusView(),
        panelBuilt: (panel) => this.#wirePanel(panel),
      },
      panelStyles,
    );
    this.#showText();
  }

  #wirePanel(panel: HTMLDialogElement): void {
    panel.addEventListener('cancel', (event) => {
      // Escape on the modal sheet: close it our way (focus, history, event).
      event.preventDefault();
      this.hide();
    });
    panel.addEventListener('close', () => this.#syncClosedByBrowser());
    panel.addEventListener('keydown', (event) => {
      // The views handle Escape first (the search list takes it to close itself).
      if (event.key === 'Escape' && !event.defaultPrevented && !this.#modal) {
        event.preventDefault();
        this.hide();
      } else if (this.#modal) wrapTab(event, panel);
    });
  }

  // ── Properties ───────────────────────────────────────────────────────────────────────

  /** URL of the compiled knowledge base folder. @default '' */
  get kb(): string {
    return this.getAttribute('kb') ?? '';
  }
  set kb(value: string) {
    this.setAttribute('kb', value);
  }
  /** URL of the ticket endpoint. @default '' */
  get endpoint(): string {
    return this.getAttribute('endpoint') ?? '';
  }
  set endpoint(value: string) {
    this.setAttribute('endpoint', value);
  }
  /** Locale of the articles; empty means `<html lang>`, then the KB's default. @default '' */
  get locale(): string {
    return this.getAttribute('locale') ?? '';
  }
  set locale(value: string) {
    this.setAttribute('locale', value);
  }
  /** Accent colour (any CSS colour). @default '' */
  get accent(): string {
    return this.getAttribute('accent') ?? '';
  }
  set accent(value: string) {
    this.setAttribute('accent', value);
  }
  /** A key that toggles the panel, e.g. `?` or `Mod+/`. @default '' */
  get shortcut(): string {
    return this.getAttribute('shortcut') ?? '';
  }
  set shortcut(value: string) {
    this.setAttribute('shortcut', value);
  }
  /** The launcher's corner; `bottom-end` mirrors on right-to-left pages. @default 'bottom-end' */
  get position(): WidgetPosition {
    const position = this.getAttribute('position');
    return position && isPosition(position) ? position : 'bottom-end';
  }
  set position(value: WidgetPosition) {
    this.setAttribute('position', value);
  }
  /**
   * Whether the panel is open. Setting it fires no event and moves no focus; `show()`,
   * `hide()` and `toggle()` do both.
   * @default false
   */
  get open(): boolean {
    return this.hasAttribute('open');
  }
  set open(value: boolean) {
    this.toggleAttribute('open', Boolean(value));
  }
  /** Hide the launcher: the page opens the panel with its own button. @default false */
  get noLauncher(): boolean {
    return this.hasAttribute('no-launcher');
  }
  set noLauncher(value: boolean) {
    this.toggleAttribute('no-launcher', Boolean(value));
  }
  /**
   * Replacements for any of the interface's texts, in the page's language (assigning
   * replaces; `configure()` merges). See docs/translations.md. @default {}
   */
  get strings(): StringOverrides {
    return this.#strings;
  }
  set strings(value: StringOverrides) {
    this.#strings = value ?? {};
    this.#showText();
  }

  /** The language the widget's own texts are in (`lang` on its launcher and dialog). */
  get language(): string {
    return this.#messages ? this.#language : DEFAULT_LOCALE;
  }
  /** An opened knowledge base; wins over `kb`. @default undefined */
  get knowledgeBase(): KnowledgeBase | undefined {
    return this.#knowledgeBase;
  }
  set knowledgeBase(value: KnowledgeBase | undefined) {
    this.#knowledgeBase = value;
    this.#syncPanel();
  }
  /** Where tickets go; wins over `endpoint`. @default undefined */
  get adapter(): TicketAdapter | undefined {
    return this.#adapter;
  }
  set adapter(value: TicketAdapter | undefined) {
    this.#adapter = value;
    this.#syncPanel();
  }

  /**
   * Resolves once the widget has settled: the panel's code has arrived (or failed) when it was
   * asked for, and the panel and its views have rendered.
   */
  get updateComplete(): Promise<boolean> {
    return (async () => {
      await this.#panelLoading?.catch(() => undefined);
      return this.#panel ? this.#panel.updateComplete : true;
    })();
  }

  // ── Public methods ───────────────────────────────────────────────────────────────────

  /**
   * Open the panel and move focus into it. Fires `porthole-open`. `opener` is the element
   * that opened it (focus returns there; a page's own button gets the panel next to it);
   * by default, whatever has focus.
   */
  show(opener?: HTMLElement): void {
    this.#opener = opener ?? this.#focusedOutside() ?? this.#opener;
    // A single-page app may have changed `<html lang>` or `dir` since, or the texts failed to load.
    this.#syncLanguage();
    this.#syncSide();
    if (!this.open) {
      this.open = true;
      emit(this, 'porthole-open', undefined);
    }
    void this.#focusView();
  }

  /** Close the panel; focus returns to whatever opened it. Fires `porthole-close`. */
  hide(): void {
    if (!this.open) return;
    const hadFocus = Boolean(this.shadowRoot?.activeElement);
    this.open = false;
    emit(this, 'porthole-close', undefined);
    const back = this.#opener?.isConnected ? this.#opener : this.#visibleLauncher();
    if (hadFocus || document.activeElement === document.body) back?.focus();
  }

  /** `show()` when closed, `hide()` when open (what the launcher does). */
  toggle(opener?: HTMLElement): void {
    if (this.open) this.hide();
    else this.show(opener);
  }

  /** Open the panel on the search view and search for `query` right away. */
  search(query: string): Promise<void> {
    this.#resuming = undefined;
    this.show();
    return this.#withPanel((panel) => panel.search(String(query)));
  }

  /** Open the panel on an article (optionally in another locale, scrolled to a section). */
  showArticle(slug: string, locale?: string, section?: string): Promise<void> {
    this.#resuming = undefined;
    this.show();
    return this.#withPanel((panel) => panel.showArticle(String(slug), locale, section));
  }

  /** Open the contact form; `prefill` fills fields the visitor has not typed in yet. */
  contact(prefill: ContactPrefill = {}): void {
    this.#resuming = undefined;
    this.show();
    void this.#withPanel((panel) => panel.contact(prefill));
  }

  /**
   * A link to a page (this one by default) that opens the widget on an article (at a section,
   * in a locale) or a search: `…#porthole-article=billing%2Frefunds&section=window`.
   */
  link(target: DeepLink, page: string = location.href): string {
    const url = new URL(page, document.baseURI);
    url.hash = writeDeepLink(target);
    return url.href;
  }

  /**
   * Remember who the visitor is: name and email prefill the contact form; `userHash` (made
   * by your backend) marks their tickets as verified.
   */
  identify(user: PortholeUser): void {
    this.#user = { ...this.#user, ...user };
    this.#syncPanel();
  }

  /**
   * Forget the visitor: who they are, what they were writing, and the messages still waiting
   * to be sent from this browser (tried once more from this page, then dropped).
   */
  logout(): void {
    this.#user = {};
    this.#syncPanel();
    this.#panel?.logout();
    forgetStored();
  }

  /** Change any of the options at once (what `Porthole('config', …)` calls). */
  configure(options: PortholeOptions): void {
    for (const key of [...STRING_ATTRIBUTES, 'position'] as const) {
      const value = options[key];
      if (typeof value === 'string') this.setAttribute(key, value);
    }
    if (typeof options.replyTime === 'string') this.setAttribute(REPLY_TIME, options.replyTime);
    if (options.launcher !== undefined) this.noLauncher = !options.launcher;
    if (options.knowledgeBase) this.knowledgeBase = options.knowledgeBase;
    if (options.adapter) this.adapter = options.adapter;
    if (options.strings) this.strings = { ...this.#strings, ...options.strings };
    if (options.fields) this.#fields = options.fields;
    if (options.attachments !== undefined) this.#attachments = options.attachments;
    this.#syncPanel();
  }

  // ── Lifecycle ────────────────────────────────────────────────────────────────────────

  connectedCallback(): void {
    this.#syncLanguage();
    this.#syncSide();
    this.#syncLauncher();
    this.#syncDialog();
    document.addEventListener('click', this.#onPageClick);
    document.addEventListener('pointerover', this.#onPageIntent, { passive: true });
    document.addEventListener('focusin', this.#onPageIntent);
    document.addEventListener('keydown', this.#onPageKey);
    window.addEventListener('hashchange', this.#followDeepLink);
    window.addEventListener('pagehide', this.#save);
    document.addEventListener('visibilitychange', this.#save);
    window.addEventListener('popstate', this.#onRoute);
    navigationApi()?.addEventListener('currententrychange', this.#onRoute);
    this.#path = location.pathname;
    this.#resume();
    this.#scheduleIdleLoad();
  }

  disconnectedCallback(): void {
    document.removeEventListener('click', this.#onPageClick);
    document.removeEventListener('pointerover', this.#onPageIntent);
    document.removeEventListener('focusin', this.#onPageIntent);
    document.removeEventListener('keydown', this.#onPageKey);
    window.removeEventListener('hashchange', this.#followDeepLink);
    window.removeEventListener('pagehide', this.#save);
    document.removeEventListener('visibilitychange', this.#save);
    window.removeEventListener('popstate', this.#onRoute);
    navigationApi()?.removeEventListener('currententrychange', this.#onRoute);
    if (this.#idle !== undefined) cancelIdle(this.#idle);
    this.#closeDialog();
  }

  attributeChangedCallback(name: string): void {
    if (name === 'open') this.#syncDialog();
    else if (name === 'no-launcher') this.#syncLauncher();
    else if (name === 'position') this.#syncSide();
    else if (name === 'accent') {
      if (this.accent) this.style.setProperty('--porthole-accent', this.accent);
      else this.style.removeProperty('--porthole-accent');
    }
    if (name === 'locale') this.#syncLanguage();
    // The shortcut's code is a part of its own, loaded only for a page that sets one.
    if (name === 'shortcut' && this.shortcut) void this.chunks.load('shortcut').catch(() => {});
    if ((STRING_ATTRIBUTES as readonly string[]).includes(name) || name === REPLY_TIME) {
      this.#syncPanel();
    }
  }

  // ── The interface language ───────────────────────────────────────────────────────────

  /**
   * Pick the interface language (`locale`, then the nearest `lang`, then the browser's
   * languages) and load its texts, a part of their own; English is built in. Until they
   * arrive, or if they cannot, the texts are English, and say so in `lang`.
   */
  #syncLanguage(): void {
    if (!this.isConnected) return;
    const language = resolveLocale({
      dataLocale: this.locale,
      htmlLang: this.closest('[lang]')?.getAttribute('lang'),
      navigatorLanguages: navigator.languages,
    });
    if (language === this.#language) return;
    this.#language = language;
    const part = `locale-${language as LoadableLocale}` as const;
    this.#messages = language === DEFAULT_LOCALE ? undefined : this.chunks.get(part)?.default;
    this.#languageLoading =
      this.#messages || language === DEFAULT_LOCALE
        ? undefined
        : this.chunks.load(part).then(
            ({ default: messages }) => {
              if (this.#language !== language) return;
              this.#messages = messages;
              this.#showText();
            },
            () => {
              // Offline: English for now; the next `show()` tries again.
              if (this.#language === language) this.#language = '';
            },
          );
    this.#showText();
  }

  /** One text of the launcher or the dialog's frame: the site's, the language's, English. */
  #text = (key: ShellKey): string => {
    const override = this.#strings[key];
    return typeof override === 'string' ? override : (this.#messages?.[key] ?? shellText[key]);
  };

  #showText(): void {
    const lang = this.language;
    this.#dom.setText(this.#text, lang, direction(lang));
    this.#syncSide();
    this.#syncPanel();
  }

  /**
   * Whether the launcher and the panel sit on the left: `bottom-left`, or a logical position
   * on a page written that way round (its `dir`, else its language's direction).
   */
  #onLeft(): boolean {
    const { position } = this;
    if (position === 'bottom-left' || position === 'bottom-right')
      return position === 'bottom-left';
    const pageDir = this.closest<HTMLElement>('[dir]')?.dir;
    const rtl =
      pageDir === 'rtl' || pageDir === 'ltr' ? pageDir === 'rtl' : this.#dom.dir === 'rtl';
    return rtl === (position === 'bottom-end');
  }

  #syncSide(): void {
    this.#dom.setLeft(this.#onLeft());
  }

  // ── The panel, loaded when needed ────────────────────────────────────────────────────

  #loadPanel(): Promise<PortholePanel | undefined> {
    if (this.#panel) return Promise.resolve(this.#panel);
    // The panel waits for the texts of the page's language, so it never shows English first.
    // With the site's `strings`, the code that checks them too.
    const overrides = Object.keys(this.#strings).length
      ? this.chunks.load('overrides').catch(() => undefined)
      : undefined;
    this.#panelLoading ??= Promise.all([
      this.chunks.load('panel'),
      this.#languageLoading,
      overrides,
    ]).then(
      () => {
        // Drafts an older version kept in localStorage, moved before the form looks for one.
        this.#tidyStorage();
        const panel = document.createElement('porthole-panel');
        panel.chunks = this.chunks;
        this.#panel = panel;
        this.#syncPanel();
        this.#dom.showPanel(panel);
        for (const call of this.#waiting.splice(0)) void call(panel);
        return panel;
      },
      (error: unknown) => {
        this.#panelLoading = undefined;
        this.#dom.showFailure();
        if (this.open) emit(this, 'porthole-error', { error, code: 'panel-unavailable' });
        throw error;
      },
    );
    return this.#panelLoading;
  }

  /**
   * The visitor is reaching for help (pointer, focus or touch on a launcher): load the panel
   * and the search code, but not the knowledge base itself, which opens with the panel.
   * Failures wait for the real attempt.
   */
  #preload(): void {
    void this.#loadPanel().catch(() => undefined);
    void this.chunks.load('kb').catch(() => undefined);
  }

  /** Run `call` on the panel now, or once it has loaded (a failed load drops it). */
  async #withPanel(call: (panel: PortholePanel) => unknown): Promise<void> {
    if (this.#panel) {
      await call(this.#panel);
      return;
    }
    const done = new Promise<void>((resolve) =>
      this.#waiting.push(async (panel) => {
        await call(panel);
        resolve();
      }),
    );
    const loaded = await this.#loadPanel().catch(() => undefined);
    if (loaded) await done;
  }

  #syncPanel(): void {
    const panel = this.#panel;
    if (!panel) return;
    panel.kb = this.kb;
    panel.endpoint = this.endpoint;
    panel.locale = this.locale;
    panel.replyTime = this.getAttribute(REPLY_TIME) ?? '';
    panel.language = this.language;
    panel.messages = this.#messages;
    panel.strings = this.#strings;
    panel.knowledgeBase = this.#knowledgeBase;
    panel.adapter = this.#adapter;
    panel.user = this.#user;
    panel.fields = this.#fields;
    panel.attachments = this.#attachments;
    panel.open = this.open;
  }

  /**
   * After the view has rendered, move focus to its natural starting point; when the panel
   * opens on what it showed before a reload, without scrolling away from where it was.
   */
  async #focusView(): Promise<void> {
    if (!this.#panel) {
      this.#dom.focusPending();
      await this.#loadPanel().catch(() => undefined);
    }
    const scroll = await this.#applyResume();
    await this.#panel?.focusView(scroll === undefined ? undefined : { preventScroll: true });
    if (scroll !== undefined) this.#dom.scroller.scrollTop = scroll;
  }

  // ── Continuity: the same panel after a reload or a navigation ────────────────────────

  /**
   * On arrival: follow a deep link in the URL, unless this tab followed it already (a
   * reload), in which case, as on any other page of the site, the panel comes back as it
   * was: open at once if it was open, else when it next opens.
   */
  #resume(): void {
    const saved = readSession();
    if (readDeepLink(location.hash) && saved?.hash !== location.hash) {
      this.#followDeepLink();
      return;
    }
    this.#resuming = saved;
    if (!saved?.open) return;
    // Restored, not opened by the visitor: no event, and focus stays where it is.
    this.open = true;
    void this.#applyResume().then((scroll) => {
      if (scroll !== undefined) this.#dom.scroller.scrollTop = scroll;
    });
  }

  /** Show what the panel showed before, once; resolves with its scroll position. */
  async #applyResume(): Promise<number | undefined> {
    const state = this.#resuming;
    if (!state) return undefined;
    this.#resuming = undefined;
    await this.#withPanel((panel) => panel.restore(state));
    await this.updateComplete;
    return state.scroll;
  }

  /** Keep the panel's state for the next page of this tab (on leaving, or going hidden). */
  #save = (event: Event): void => {
    if (event.type === 'visibilitychange' && document.visibilityState !== 'hidden') return;
    const shown = this.#panel?.snapshot() ?? this.#resuming;
    // A visitor who never opened the widget leaves nothing behind.
    if (!shown && !this.open) return;
    writeSession({
      view: 'search',
      query: '',
      ...shown,
      open: this.open,
      scroll: this.#panel ? this.#dom.scroller.scrollTop : (this.#resuming?.scroll ?? 0),
      hash: location.hash,
    });
  };

  /**
   * A single-page app moved to another route: the page's language, direction and the
   * articles suggested for it may have changed.
   */
  #onRoute = (): void => {
    if (location.pathname === this.#path) return;
    this.#path = location.pathname;
    this.#syncLanguage();
    this.#syncSide();
    if (this.open) this.#panel?.pageChanged();
  };

  /** Load the panel when the browser has nothing better to do, unless data is to be saved. */
  #scheduleIdleLoad(): void {
    if (this.#panel) return;
    const start = () => {
      this.#idle = requestIdle(() => {
        this.#idle = undefined;
        if (this.#panel) return;
        // A message saved while offline (here, in another tab, on an earlier visit) is sent
        // by the panel's outbox, so it is built, closed, as soon as the page is idle.
        if (this.#tidyStorage()) this.#loadForOutbox();
        // Fetched and compiled, not run: the panel's code costs the page's main thread
        // nothing until the visitor reaches for help.
        else if (!(navigator as { connection?: { saveData?: boolean } }).connection?.saveData) {
          this.chunks.prefetch('panel');
        }
      });
    };
    if (document.readyState === 'complete') start();
    else window.addEventListener('load', start, { once: true });
  }

  /**
   * Move the drafts an older version kept in `localStorage` and say whether the outbox holds
   * tickets, once: when the page is idle or when the panel is built, whichever comes first.
   * Not at load: the first touch of `localStorage` copies the site's whole store into the
   * page, which can be a long task of its own.
   */
  #tidyStorage(): boolean {
    if (this.#storageTidied) return false;
    this.#storageTidied = true;
    return tidyStorage();
  }

  /** Build the panel for its outbox; offline without its code, try again once online. */
  #loadForOutbox(): void {
    this.#loadPanel().catch(() =>
      addEventListener('online', () => this.#loadForOutbox(), { once: true }),
    );
  }

  // ── The dialog: top layer, modal on small screens ────────────────────────────────────

  #syncLauncher(): void {
    const { launcher } = this.#dom;
    launcher.hidden = this.noLauncher;
    if (!this.isConnected || !launcher.showPopover) return;
    if (!this.noLauncher && !launcher.matches(':popover-open')) launcher.showPopover();
    else if (this.noLauncher && launcher.matches(':popover-open')) launcher.hidePopover();
  }

  #syncDialog(): void {
    this.#dom.launcher.setAttribute('aria-expanded', String(this.open));
    this.#syncPanel();
    if (this.open && this.isConnected) this.#openDialog();
    else this.#closeDialog();
  }

  #openDialog(): void {
    const { panel } = this.#dom;
    if (panel.open || panel.matches(':popover-open')) return;
    this.#modal = matchMedia(SHEET_QUERY).matches;
    panel.classList.toggle('sheet', this.#modal);
    if (this.#modal) {
      panel.showModal();
      // The page behind must not scroll; the sheet scrolls on its own.
      this.#savedOverflow = document.documentElement.style.overflow;
      document.documentElement.style.overflow = 'hidden';
      history.pushState(SHEET_HISTORY_STATE, '');
      window.addEventListener('popstate', this.#onPopState);
    } else {
      if (panel.showPopover) panel.showPopover();
      else panel.show();
      this.#placeNextToOpener();
    }
  }

  #closeDialog(): void {
    const panel = this.#dom.builtPanel;
    if (!panel) return;
    this.#stopPlacing?.();
    this.#stopPlacing = undefined;
    panel.removeAttribute('data-anchored');
    panel.removeAttribute('data-placing');
    if (panel.matches(':popover-open')) panel.hidePopover();
    if (panel.open) panel.close();
    if (this.#modal) {
      this.#modal = false;
      document.documentElement.style.overflow = this.#savedOverflow ?? '';
      window.removeEventListener('popstate', this.#onPopState);
      // The entry pushed when the sheet opened: leave the page's history as it was.
      if (isSheetState(history.state)) history.back();
    }
  }

  /** The browser closed the modal dialog itself (a second Escape): follow it. */
  #syncClosedByBrowser(): void {
    const panel = this.#dom.builtPanel;
    if (this.open && panel && !panel.open && !panel.matches(':popover-open')) {
      this.hide();
    }
  }

  /** Back on a phone closes the sheet instead of leaving the page. */
  #onPopState = (): void => {
    if (!this.#modal) return;
    // The entry is gone already: closing must not go back a second time.
    window.removeEventListener('popstate', this.#onPopState);
    this.#modal = false;
    document.documentElement.style.overflow = this.#savedOverflow ?? '';
    this.hide();
  };

  /** Float next to a page's own button (Floating UI, loaded for it); the launcher needs none. */
  #placeNextToOpener(): void {
    const anchor = this.#opener;
    if (!anchor || anchor === this.#dom.launcher || !anchor.hasAttribute('data-porthole-open')) {
      return;
    }
    const { panel } = this.#dom;
    panel.setAttribute('data-anchored', '');
    panel.setAttribute('data-placing', '');
    void this.chunks.load('position').then(
      ({ placeNextTo }) => {
        if (!panel.hasAttribute('data-anchored') || this.#stopPlacing) return;
        // Floating UI's start and end follow the panel's own direction.
        const start = this.#onLeft() !== (this.#dom.dir === 'rtl');
        const placement = start ? 'bottom-start' : 'bottom-end';
        this.#stopPlacing = placeNextTo(anchor, panel, placement);
        requestAnimationFrame(() => panel.removeAttribute('data-placing'));
      },
      // Without Floating UI the panel stays in its corner.
      () => {
        panel.removeAttribute('data-anchored');
        panel.removeAttribute('data-placing');
      },
    );
  }

  #visibleLauncher(): HTMLElement | undefined {
    return this.noLauncher ? undefined : this.#dom.launcher;
  }

  /** The page element that has focus, if focus is outside this widget. */
  #focusedOutside(): HTMLElement | undefined {
    const active = document.activeElement;
    return active instanceof HTMLElement && active !== this && active !== document.body
      ? active
      : undefined;
  }

  // ── The page: own buttons, a shortcut, deep links ─────────────────────────────────────

  #onPageClick = (event: MouseEvent): void => {
    const opener = findOpener(event);
    if (!opener) return;
    if (opener instanceof HTMLAnchorElement) event.preventDefault();
    if (this.open && this.#opener === opener) this.hide();
    else {
      // Another opener while open: move next to it.
      if (this.open) this.#closeDialog();
      this.open = false;
      this.show(opener);
    }
  };

  #onPageIntent = (event: Event): void => {
    if (!this.chunks.get('kb') && findOpener(event)) this.#preload();
  };

  #onPageKey = (event: KeyboardEvent): void => {
    const matches = this.chunks.get('shortcut')?.matchesShortcut;
    if (this.shortcut && matches?.(event, this.shortcut)) {
      event.preventDefault();
      this.toggle();
    }
  };

  #followDeepLink = (): void => {
    const link = readDeepLink(location.hash);
    if (link && 'article' in link) void this.showArticle(link.article, link.locale, link.section);
    else if (link) void this.search(link.search);
  };
}

const POSITIONS: readonly string[] = ['bottom-end', 'bottom-start', 'bottom-right', 'bottom-left'];

export function isPosition(value: string): value is WidgetPosition {
  return POSITIONS.includes(value);
}

function findOpener(event: Event): HTMLElement | undefined {
  for (const node of event.composedPath()) {
    if (node instanceof HTMLElement && node.hasAttribute('data-porthole-open')) return node;
  }
  return undefined;
}

/** The Navigation API, where the browser has it: it reports a single-page app's routes. */
function navigationApi(): EventTarget | undefined {
  return (window as { navigation?: EventTarget }).navigation;
}

function isSheetState(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'portholeSheet' in state;
}

// Safari has no requestIdleCallback: a short timeout after `load` is the nearest thing.
const requestIdle = (callback: () => void): number =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(callback, { timeout: 5000 })
    : window.setTimeout(callback, 500);
const cancelIdle = (handle: number): void =>
  typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : clearTimeout(handle);
