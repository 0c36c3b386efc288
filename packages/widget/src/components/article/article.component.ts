import type { Article } from '@porthole/kb';
import { LitElement, html, nothing } from 'lit';
import { emitInternal } from '../../events.js';
import { chunks } from '../../lazy.js';
import type { Chunks } from '../../lazy.js';
import { sharedStyles } from '../../shared.styles.js';
import { renderBackButton, renderContactPrompt } from '../../templates.js';
import { defaultStrings } from '../../strings.js';
import type { PortholeStrings } from '../../strings.js';
import type { ArticleChoice } from '../search/search.component.js';
import styles from './article.styles.js';
import contentStyles from './article-content.styles.js';

/** Where loading the article stands; the widget fetches it and sets this. */
export type ArticleStatus = 'loading' | 'ready' | 'error';

type Sanitize = Chunks['sanitize']['sanitizeArticleHtml'];

/**
 * @summary The article view: title, body (sanitized again with DOMPurify before it is
 * inserted), "Was this helpful?" and a way to contact support.
 *
 * DOMPurify is a chunk loaded when first needed (`lazy.ts`). `porthole-widget` loads it before
 * it marks an article ready; on its own, this element loads it itself and shows "Loading…"
 * until then (and `updateComplete` waits for it). Without it, no article HTML is inserted.
 *
 * Links in the body: `a[data-porthole-article]` opens that article inside the widget (at
 * `data-porthole-section` when given), `#id` scrolls within the article, external links open
 * in a new tab without an opener.
 *
 * @event ph-back - (internal) "Back" was pressed.
 * @event ph-navigate - (internal) A link to another article; `detail` is an `ArticleChoice`.
 * @event ph-feedback - (internal) `detail` is true for "Yes", false for "No".
 * @event ph-contact - (internal) "Contact us" was pressed.
 *
 * @csspart back - The back button.
 * @csspart title - The article's heading.
 * @csspart body - The article's HTML.
 * @csspart feedback - The "Was this helpful?" group.
 * @csspart contact - The "Contact us" line.
 */
export class PortholeArticle extends LitElement {
  static override styles = [sharedStyles, styles, contentStyles];
  static override properties = {
    article: { attribute: false },
    status: {},
    section: {},
    strings: { attribute: false },
    feedback: { state: true },
    sanitize: { state: true },
    sanitizeFailed: { state: true },
  };

  /** The article to show (its `html` is sanitized here again). */
  declare article: Article | undefined;
  /** @default 'loading' */
  declare status: ArticleStatus;
  /** Id of the section to scroll to once shown. */
  declare section: string | undefined;
  /** UI text. @default defaultStrings */
  declare strings: PortholeStrings;
  declare private feedback: boolean | undefined;
  /** DOMPurify and the article rules, once their chunk has loaded. */
  declare private sanitize: Sanitize | undefined;
  declare private sanitizeFailed: boolean;

  /** The sanitizer's chunk while it loads. */
  private sanitizeLoading: Promise<void> | undefined;

  /** The sanitized body, made when the article is shown, not on every render. */
  private body: DocumentFragment | undefined;

  constructor() {
    super();
    this.article = undefined;
    this.status = 'loading';
    this.section = undefined;
    this.strings = defaultStrings;
    this.feedback = undefined;
    this.sanitize = chunks.get('sanitize')?.sanitizeArticleHtml;
    this.sanitizeFailed = false;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.sanitizeLoading) {
      await this.sanitizeLoading;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  private loadSanitizer(): void {
    if (this.sanitizeLoading) return;
    this.sanitizeFailed = false;
    const loading = chunks.load('sanitize').then(
      (module) => {
        this.sanitize = module.sanitizeArticleHtml;
      },
      () => {
        this.sanitizeFailed = true;
      },
    );
    this.sanitizeLoading = loading.finally(() => (this.sanitizeLoading = undefined));
  }

  /** Focus the section the visitor asked for, else the title, else the back button. */
  override focus(options?: FocusOptions): void {
    const target =
      (this.section && this.findById(this.section)) ||
      this.renderRoot.querySelector<HTMLElement>('h2') ||
      this.renderRoot.querySelector<HTMLElement>('button');
    if (!target) return;
    if (!target.matches('button')) target.tabIndex = -1;
    target.focus(options);
  }

  private findById(id: string): HTMLElement | null {
    return (this.renderRoot as ShadowRoot).getElementById(id);
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('article')) this.feedback = undefined;
    // A fragment empties itself into the DOM when rendered, so a body that left the DOM (while
    // loading another article) cannot be shown again: make a fresh one whenever it reappears.
    if (changed.has('article') || changed.has('status') || changed.has('sanitize')) {
      const shown = this.article && this.status === 'ready' ? this.article : undefined;
      this.sanitize ??= chunks.get('sanitize')?.sanitizeArticleHtml;
      if (shown && !this.sanitize) this.loadSanitizer();
      this.body = shown && this.sanitize ? this.sanitize(shown.html) : undefined;
    }
  }

  protected override updated(changed: Map<string, unknown>): void {
    const shown = changed.has('article') || changed.has('section') || changed.has('sanitize');
    if (shown && this.status === 'ready' && this.body !== undefined) {
      const target = this.section && this.findById(this.section);
      if (target) target.scrollIntoView({ block: 'start' });
      else this.scrollIntoView({ block: 'start' });
    }
  }

  private onBodyClick(event: MouseEvent): void {
    const link = (event.target as Element).closest('a');
    if (!link || !this.article) return;
    const slug = link.getAttribute('data-porthole-article');
    const href = link.getAttribute('href') ?? '';
    if (slug) {
      event.preventDefault();
      const section = link.getAttribute('data-porthole-section');
      const choice: ArticleChoice = {
        slug,
        locale: link.getAttribute('data-porthole-locale') ?? this.article.locale,
        ...(section && { section }),
      };
      emitInternal(this, 'ph-navigate', choice);
    } else if (href.startsWith('#')) {
      event.preventDefault();
      let id = href.slice(1);
      try {
        id = decodeURIComponent(id);
      } catch {
        // Keep the raw fragment.
      }
      const target = this.findById(id);
      if (target) {
        target.scrollIntoView({ block: 'start' });
        target.tabIndex = -1;
        target.focus({ preventScroll: true });
      }
    }
  }

  private giveFeedback(helpful: boolean): void {
    this.feedback = helpful;
    emitInternal(this, 'ph-feedback', helpful);
  }

  private renderContent() {
    const s = this.strings;
    if (this.status === 'loading') return html`<p class="muted">${s.loading}</p>`;
    if (this.status === 'error' || !this.article || (!this.body && this.sanitizeFailed)) {
      return html`<p role="alert">${s.articleUnavailable}</p>`;
    }
    // The sanitizer is on its way (only when this element is used without the widget).
    if (!this.body) return html`<p class="muted">${s.loading}</p>`;
    return html`
      <article lang=${this.article.locale}>
        <h2 part="title">${this.article.title}</h2>
        <div part="body" class="body" @click=${this.onBodyClick}>${this.body}</div>
      </article>
      <div part="feedback" class="feedback" role="group" aria-labelledby="helpful">
        <span id="helpful">${s.helpfulQuestion}</span>
        ${
          this.feedback === undefined
            ? html`<button class="secondary" type="button" @click=${() => this.giveFeedback(true)}>
                  ${s.helpfulYes}
                </button>
                <button class="secondary" type="button" @click=${() => this.giveFeedback(false)}>
                  ${s.helpfulNo}
                </button>`
            : nothing
        }
        <span role="status">${this.feedback === undefined ? '' : s.helpfulThanks}</span>
      </div>
    `;
  }

  protected override render() {
    const s = this.strings;
    return html`
      ${renderBackButton(this, s.back)} ${this.renderContent()} ${renderContactPrompt(this, s)}
    `;
  }
}
