import type { ArticleSummary, SearchHit } from '@porthole/kb';
import { LitElement, html, nothing } from 'lit';
import { emitInternal } from '../../core/events.js';
import { sharedStyles } from '../shared.styles.js';
import { direction } from '../../i18n/resolve.js';
import { isolate, renderContactPrompt } from '../templates.js';
import { englishTranslator } from '../../i18n/translator.js';
import type { Translator } from '../../i18n/translator.js';
import type { SearchStatus } from '../../controllers/search.controller.js';
import type { ArticleChoice } from '../../core/options.js';
import styles from './search.styles.js';

export type { ArticleChoice, SearchStatus };

/**
 * @summary The search view: a combobox with results while typing, suggested articles before
 * typing, a live result count and a way to contact support.
 *
 * Keyboard: ArrowDown/ArrowUp move through the options (`aria-activedescendant`, focus stays
 * in the input), Enter opens the active option (or the first), Escape first leaves the options,
 * then lets the panel close.
 *
 * @event ph-query - (internal) The visitor typed; `detail` is the new query.
 * @event ph-select - (internal) An option was chosen; `detail` is an {@link ArticleChoice}.
 * @event ph-contact - (internal) "Contact us" was pressed.
 *
 * @csspart input - The search field.
 * @csspart listbox - The list of results or suggestions.
 * @csspart option - One result or suggestion.
 * @csspart option-title - Its title.
 * @csspart option-locale - The locale of a hit in another language than the page's.
 * @csspart option-section - The section a hit points into.
 * @csspart option-snippet - A plain-text excerpt.
 * @csspart status - The live line announcing the result count, the empty state or an error.
 * @csspart contact - The "Contact us" line.
 */
export class PortholeSearch extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = {
    query: {},
    hits: { attribute: false },
    suggestions: { attribute: false },
    status: {},
    unavailable: { type: Boolean },
    locale: {},
    i18n: { attribute: false },
    activeIndex: { state: true },
  };

  /** @default '' */
  declare query: string;
  /** Hits for `query`. @default [] */
  declare hits: readonly SearchHit[];
  /** Shown while the query is empty. @default [] */
  declare suggestions: readonly ArticleSummary[];
  /** @default 'idle' */
  declare status: SearchStatus;
  /** The knowledge base could not be loaded. @default false */
  declare unavailable: boolean;
  /** The page's locale: hits in other locales get a badge. @default '' */
  declare locale: string;
  /** The interface's words, in the page's language. @default English */
  declare i18n: Translator;
  declare private activeIndex: number;

  constructor() {
    super();
    this.query = '';
    this.hits = [];
    this.suggestions = [];
    this.status = 'idle';
    this.unavailable = false;
    this.locale = '';
    this.i18n = englishTranslator();
    this.activeIndex = -1;
  }

  /** Focus the search field. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('input')?.focus(options);
  }

  private get options(): ArticleChoice[] {
    return this.query.trim()
      ? this.hits.map((hit) => ({
          slug: hit.slug,
          locale: hit.locale,
          ...(hit.section && { section: hit.section.id }),
        }))
      : this.suggestions.map(({ slug, locale }) => ({ slug, locale }));
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('hits') || changed.has('suggestions') || changed.has('query')) {
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

  private statusText() {
    const { t, parts } = this.i18n;
    if (this.unavailable) return t('kbUnavailable');
    if (!this.query.trim() || this.status !== 'done') return '';
    const count = this.hits.length;
    if (count === 0) return isolate(parts('resultsNone', { query: this.query.trim() }));
    return t('resultsCount', { count });
  }

  protected override render() {
    const { t } = this.i18n;
    const searching = Boolean(this.query.trim());
    const options = this.options;
    const expanded = options.length > 0;
    const items = searching ? this.hits : this.suggestions;
    return html`
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
      <p part="status" class="status muted" role="status">${this.statusText()}</p>
      <p class="heading muted" ?hidden=${searching || !expanded} aria-hidden="true">
        ${t('suggestionsLabel')}
      </p>
      <ul
        part="listbox"
        id="listbox"
        role="listbox"
        aria-label=${t(searching ? 'resultsLabel' : 'suggestionsLabel')}
        ?hidden=${!expanded}
      >
        ${items.map((item, index) => {
          const section = 'section' in item ? item.section : undefined;
          const snippet = 'snippet' in item ? item.snippet : item.description;
          return html`<li
            part="option"
            id="option-${index}"
            role="option"
            lang=${item.locale}
            dir=${direction(item.locale)}
            aria-selected=${index === this.activeIndex}
            @click=${() => {
              const choice = options[index];
              if (choice) emitInternal(this, 'ph-select', choice);
            }}
            @mousedown=${(event: MouseEvent) => event.preventDefault()}
          >
            <span class="head">
              <span part="option-title" class="title">${item.title}</span>
              ${
                this.locale && item.locale !== this.locale
                  ? html`<span part="option-locale" class="badge">${item.locale}</span>`
                  : nothing
              }
            </span>
            ${
              section
                ? html`<span part="option-section" class="section">${section.title}</span>`
                : nothing
            }
            ${
              snippet
                ? html`<span part="option-snippet" class="snippet muted">${snippet}</span>`
                : nothing
            }
          </li>`;
        })}
      </ul>
      ${renderContactPrompt(this, this.i18n)}
    `;
  }
}
