import type { ArticleSummary, SearchHit } from '@porthole/kb';
import { LitElement, html, nothing } from 'lit';
import { emitInternal } from '../../core/events.js';
import { sharedStyles } from '../shared.styles.js';
import { parseReplyTime } from '../../i18n/format.js';
import { englishTranslator, formatReplyTime } from '../../i18n/translator.js';
import type { Translator } from '../../i18n/translator.js';
import type { SearchStatus } from '../../controllers/search.controller.js';
import type { HomeArticles } from '../../controllers/suggest.js';
import type { ArticleChoice } from '../../core/options.js';
import { isolate, marked, renderContactPrompt } from '../templates.js';
import styles from './search.styles.js';

export type { ArticleChoice, HomeArticles, SearchStatus };

const ICON = (d: string) =>
  html`<svg viewBox="0 0 24 24" width="1.25em" height="1.25em" aria-hidden="true">
    <path d=${d} fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
  </svg>`;

/**
 * @summary The search view: before the visitor types, the home view (a greeting, the
 * articles for this page, then each topic's first articles, and how to reach support, with
 * the usual reply time); while they type, a combobox with results whose matched words are
 * marked, a live result count, and — when nothing answers the question — a "no good match"
 * state that offers the contact form.
 *
 * Keyboard: ArrowDown/ArrowUp move through the options (`aria-activedescendant`, focus stays
 * in the input), Enter opens the active option (or the first), Escape first leaves the options,
 * then lets the panel close.
 *
 * @event ph-query - (internal) The visitor typed (or cleared the field); `detail` is the query.
 * @event ph-select - (internal) An option was chosen; `detail` is an {@link ArticleChoice}.
 * @event ph-contact - (internal) "Contact us" was pressed.
 *
 * @csspart greeting - The home view's greeting (a heading).
 * @csspart input - The search field.
 * @csspart clear - The button that empties it.
 * @csspart listbox - The list of results or suggestions.
 * @csspart option - One result or suggestion.
 * @csspart option-title - Its title.
 * @csspart option-locale - The locale of a hit in another language than the page's.
 * @csspart option-section - The section a hit points into.
 * @csspart option-snippet - A plain-text excerpt.
 * @csspart status - The live line announcing the result count, the empty state or an error.
 * @csspart no-match - The "no good match" state.
 * @csspart contact - The "Contact us" line (the home view's contact section before typing).
 */
export class PortholeSearch extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = {
    query: {},
    hits: { attribute: false },
    home: { attribute: false },
    status: {},
    unavailable: { type: Boolean },
    locale: {},
    name: {},
    replyTime: {},
    i18n: { attribute: false },
    activeIndex: { state: true },
  };

  /** @default '' */
  declare query: string;
  /** Hits for `query`. @default [] */
  declare hits: readonly SearchHit[];
  /** What the home view lists while the query is empty. */
  declare home: HomeArticles;
  /** @default 'idle' */
  declare status: SearchStatus;
  /** The knowledge base could not be loaded. @default false */
  declare unavailable: boolean;
  /** The page's locale: hits in other locales get a badge. @default '' */
  declare locale: string;
  /** The visitor's name, for the greeting. @default '' */
  declare name: string;
  /** How soon support usually replies: `30m`, `2h`, `1d`. @default '' (not said) */
  declare replyTime: string;
  /** The interface's words, in the page's language. @default English */
  declare i18n: Translator;
  declare private activeIndex: number;

  constructor() {
    super();
    this.query = '';
    this.hits = [];
    this.home = { suggestions: [], groups: [] };
    this.status = 'idle';
    this.unavailable = false;
    this.locale = '';
    this.name = '';
    this.replyTime = '';
    this.i18n = englishTranslator();
    this.activeIndex = -1;
  }

  /** Focus the search field. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('input')?.focus(options);
  }

  private get searching(): boolean {
    return Boolean(this.query.trim());
  }

  private get options(): ArticleChoice[] {
    return this.searching
      ? this.hits.map((hit) => ({
          slug: hit.slug,
          locale: hit.locale,
          ...(hit.section && { section: hit.section.id }),
        }))
      : this.home.suggestions.map(({ slug, locale }) => ({ slug, locale }));
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('hits') || changed.has('home') || changed.has('query')) {
      this.activeIndex = -1;
    }
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('activeIndex') && this.activeIndex >= 0) {
      this.renderRoot
        .querySelector(`#option-${this.activeIndex}`)
        ?.scrollIntoView({ block: 'nearest' });
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    const count = this.options.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        if (!count) return;
        this.activeIndex =
          event.key === 'ArrowDown'
            ? (this.activeIndex + 1) % count
            : (this.activeIndex <= 0 ? count : this.activeIndex) - 1;
        return;
      case 'Enter': {
        const choice = this.options[Math.max(this.activeIndex, 0)];
        if (choice) {
          event.preventDefault();
          emitInternal(this, 'ph-select', choice);
        }
        return;
      }
      case 'Escape':
        if (this.activeIndex >= 0) {
          // Handled here, so the panel does not close as well.
          event.preventDefault();
          this.activeIndex = -1;
        }
        return;
    }
  }

  private select(choice: ArticleChoice | undefined): void {
    if (choice) emitInternal(this, 'ph-select', choice);
  }

  private clear(): void {
    emitInternal(this, 'ph-query', '');
    this.focus();
  }

  /** Nothing answers the query well: say so, and offer the contact form instead. */
  private get noMatch(): boolean {
    return this.searching && this.status === 'done' && !this.unavailable && !this.hits.length;
  }

  private statusText() {
    const { t, parts } = this.i18n;
    if (this.unavailable) return t('kbUnavailable');
    if (this.noMatch) {
      return html`<strong
        >${isolate(parts('noGoodMatchTitle', { query: this.query.trim() }))}</strong
      >`;
    }
    return this.searching && this.status === 'done'
      ? t('resultsCount', { count: this.hits.length })
      : '';
  }

  private renderOption(item: SearchHit | ArticleSummary, index: number) {
    const hit = 'snippet' in item ? item : undefined;
    const snippet = hit?.snippet ?? (item as ArticleSummary).description;
    const { matches } = hit ?? {};
    return html`<li
      part="option"
      id="option-${index}"
      role="option"
      lang=${item.locale}
      dir="auto"
      aria-selected=${index === this.activeIndex}
      @click=${() => this.select(this.options[index])}
      @mousedown=${(event: MouseEvent) => event.preventDefault()}
    >
      <span class="head">
        <span part="option-title" class="title">${marked(item.title, matches?.title)}</span>
        ${
          this.locale && item.locale !== this.locale
            ? html`<span part="option-locale" class="badge">${item.locale}</span>`
            : nothing
        }
      </span>
      ${
        hit?.section
          ? html`<span part="option-section" class="section"
              >${marked(hit.section.title, matches?.section)}</span
            >`
          : nothing
      }
      ${
        snippet
          ? html`<span part="option-snippet" class="snippet muted"
              >${marked(snippet, matches?.snippet)}</span
            >`
          : nothing
      }
    </li>`;
  }

  /** The options; before typing, in groups: for this page, then topic by topic. */
  private renderList() {
    const { t } = this.i18n;
    if (this.searching) return this.hits.map((hit, index) => this.renderOption(hit, index));
    let from = 0;
    return this.home.groups.map(({ forPage, category, size }) => {
      const start = from;
      from += size;
      // A category is the articles' own word: read in their language, not the interface's.
      const own = category !== undefined && !forPage;
      return html`<li role="presentation">
        <span
          class="heading muted"
          id="group-${start}"
          lang=${own ? (this.home.suggestions[start]?.locale ?? nothing) : nothing}
          dir=${own ? 'auto' : nothing}
          >${forPage ? t('suggestedForPage') : (category ?? t('categoryOther'))}</span
        >
        <ul role="group" aria-labelledby="group-${start}">
          ${this.home.suggestions
            .slice(start, from)
            .map((item, i) => this.renderOption(item, start + i))}
        </ul>
      </li>`;
    });
  }

  /** Before typing: a greeting above the field. */
  private renderGreeting() {
    const { t, parts } = this.i18n;
    if (this.searching) return nothing;
    return html`<h2 part="greeting">
        ${this.name ? isolate(parts('homeGreetingName', { name: this.name })) : t('homeGreeting')}
      </h2>
      <p class="muted intro">${t('homeIntro')}</p>`;
  }

  /** How to reach support: the no-match offer, or the prompt (with the reply time at home). */
  private renderContact() {
    const { t } = this.i18n;
    if (this.noMatch) {
      return html`<div part="no-match" class="no-match">
        <p>${t('noGoodMatchBody')}</p>
        <button class="primary" type="button" @click=${() => emitInternal(this, 'ph-contact')}>
          ${t('contactUs')}
        </button>
      </div>`;
    }
    if (this.searching) return renderContactPrompt(this, this.i18n);
    const replyTime = parseReplyTime(this.replyTime);
    return renderContactPrompt(
      this,
      this.i18n,
      html`${t('homeContactTitle')} ${replyTime ? formatReplyTime(this.i18n, replyTime) : ''}`,
    );
  }

  protected override render() {
    const { t } = this.i18n;
    const expanded = this.options.length > 0;
    return html`
      ${this.renderGreeting()}
      <div class="field">
        ${ICON('M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM15.3 15.3 20 20')}
        <input
          part="input"
          type="text"
          role="combobox"
          inputmode="search"
          enterkeyhint="search"
          autocomplete="off"
          spellcheck="false"
          dir="auto"
          aria-label=${t('searchLabel')}
          aria-autocomplete="list"
          aria-controls="listbox"
          aria-expanded=${expanded}
          aria-activedescendant=${this.activeIndex >= 0 ? `option-${this.activeIndex}` : nothing}
          placeholder=${t('searchPlaceholder')}
          .value=${this.query}
          @input=${(event: InputEvent) =>
            emitInternal(this, 'ph-query', (event.target as HTMLInputElement).value)}
          @keydown=${this.onKeyDown}
        />
        ${
          this.query
            ? html`<button
                part="clear"
                class="clear"
                type="button"
                aria-label=${t('searchClear')}
                @click=${this.clear}
              >
                ${ICON('M7 7l10 10M17 7 7 17')}
              </button>`
            : nothing
        }
      </div>
      <p part="status" class="status muted" role="status">${this.statusText()}</p>
      <ul
        part="listbox"
        id="listbox"
        role="listbox"
        aria-label=${t(this.searching ? 'resultsLabel' : 'suggestionsLabel')}
        ?hidden=${!expanded}
      >
        ${this.renderList()}
      </ul>
      ${this.renderContact()}
    `;
  }
}
