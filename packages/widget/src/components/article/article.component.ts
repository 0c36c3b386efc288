import type { Article, ArticleSummary } from '@porthole/kb';
import { LitElement, html, nothing } from 'lit';
import { emitInternal } from '../../core/events.js';
import { sharedStyles } from '../shared.styles.js';
import { writeDeepLink } from '../widget/page-hooks.js';
import { chevron, renderBackButton, renderContactPrompt } from '../templates.js';
import type { ArticleStatus, SanitizeArticle } from '../../controllers/article.controller.js';
import type { ArticleChoice } from '../../core/options.js';
import { englishTranslator } from '../../i18n/translator.js';
import type { Translator } from '../../i18n/translator.js';
import styles from './article.styles.js';
import contentStyles from './article-content.styles.js';
import { insertProgressively, pieceEnd } from './progressive.js';

export type { ArticleStatus };

/**
 * @summary The article view: Back, "Copy link" and the title pinned above the body (sanitized
 * again before it is inserted; its headings one level below the title), "Was this helpful?"
 * ("No" offers the contact form), related articles and a way to contact support.
 *
 * It inserts no article HTML without `sanitize` (the panel sets it once the sanitizer's code
 * has loaded); until then a ready article shows "Loading…".
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
 * @csspart share - The "Copy link" button.
 * @csspart title - The article's heading.
 * @csspart body - The article's HTML.
 * @csspart feedback - The "Was this helpful?" group.
 * @csspart related - The related articles.
 * @csspart contact - The "Contact us" line.
 */
export class PortholeArticle extends LitElement {
  static override styles = [sharedStyles, styles, contentStyles];
  static override properties = {
    article: { attribute: false },
    status: {},
    section: {},
    i18n: { attribute: false },
    sanitize: { attribute: false },
    related: { attribute: false },
    feedback: { state: true },
    copied: { state: true },
  };

  /** The article to show (its `html` is sanitized here again). */
  declare article: Article | undefined;
  /** @default 'loading' */
  declare status: ArticleStatus;
  /** Id of the section to scroll to once shown. */
  declare section: string | undefined;
  /** The interface's words, in the page's language. @default English */
  declare i18n: Translator;
  /** Makes the article's HTML safe to insert. */
  declare sanitize: SanitizeArticle | undefined;
  /** Articles to suggest at the end: linked from this one, then of the same category. @default [] */
  declare related: readonly ArticleSummary[];
  declare private feedback: boolean | undefined;
  /** Whether "Copy link" worked, once pressed. */
  declare private copied: boolean | undefined;

  /** The sanitized body (its first piece, for a long one), made when the article is shown. */
  private body: DocumentFragment | undefined;
  /** Where the rest of a long article's HTML starts, until it has been inserted. */
  private restFrom: number | undefined;
  /** Stops inserting the rest of a long article when another one is shown. */
  private inserting: AbortController | undefined;
  /** Settles once the whole body is in the page (at once for most articles). */
  bodyComplete: Promise<void> = Promise.resolve();

  constructor() {
    super();
    this.article = undefined;
    this.status = 'loading';
    this.section = undefined;
    this.i18n = englishTranslator();
    this.sanitize = undefined;
    this.related = [];
    this.feedback = undefined;
    this.copied = undefined;
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
    if (changed.has('article')) this.feedback = this.copied = undefined;
    // A fragment empties itself into the DOM when rendered, so a body that left the DOM (while
    // loading another article) cannot be shown again: make a fresh one whenever it reappears.
    if (changed.has('article') || changed.has('status') || changed.has('sanitize')) {
      this.inserting?.abort();
      this.renderRoot.querySelector('.rest')?.replaceChildren();
      const shown = this.article && this.status === 'ready' ? this.article : undefined;
      // A long article starts with its first piece; the rest follows in `updated`.
      const first = shown ? pieceEnd(shown.html, 0) : 0;
      this.restFrom = shown && first < shown.html.length ? first : undefined;
      this.body =
        shown && this.sanitize
          ? this.demoted(first < shown.html.length ? shown.html.slice(0, first) : shown.html)
          : undefined;
    }
  }

  protected override updated(changed: Map<string, unknown>): void {
    const shown = changed.has('article') || changed.has('section') || changed.has('sanitize');
    if (shown && this.status === 'ready' && this.body !== undefined) {
      // Headings scrolled to stop below the pinned header, not under it.
      const header = this.renderRoot.querySelector('header') as HTMLElement;
      this.style.setProperty('--porthole-pinned', `${header.offsetHeight}px`);
      const target = this.section && this.findById(this.section);
      if (target) target.scrollIntoView({ block: 'start' });
      else this.scrollIntoView({ block: 'start' });
      if (this.restFrom !== undefined) this.insertRest(this.restFrom);
    }
  }

  /** Insert the rest of a long article without blocking the page; find its section on the way. */
  private insertRest(from: number): void {
    const { article, sanitize } = this;
    const rest = this.renderRoot.querySelector('.rest');
    if (!article || !sanitize || !rest) return;
    this.restFrom = undefined;
    const inserting = new AbortController();
    this.inserting = inserting;
    let sectionShown = !this.section || Boolean(this.findById(this.section));
    const title = this.renderRoot.querySelector('h2');
    this.bodyComplete = insertProgressively(
      article.html,
      from,
      (html) => this.demoted(html, sanitize),
      rest,
      inserting.signal,
      () => {
        const target = !sectionShown && this.section && this.findById(this.section);
        if (!target) return;
        sectionShown = true;
        target.scrollIntoView({ block: 'start' });
        // Focus followed the title while the section was on its way: move it on.
        if ((this.renderRoot as ShadowRoot).activeElement === title) {
          target.tabIndex = -1;
          target.focus({ preventScroll: true });
        }
      },
    );
  }

  /**
   * Sanitized HTML whose headings sit one level below the article's title (an `<h2>` section
   * is read as level 3), so the outline a screen reader lists is title, then sections.
   */
  private demoted(html: string, sanitize = this.sanitize as SanitizeArticle): DocumentFragment {
    const fragment = sanitize(html);
    for (const heading of fragment.querySelectorAll('h2, h3, h4, h5')) {
      heading.setAttribute('aria-level', String(Number(heading.localName[1]) + 1));
    }
    return fragment;
  }

  /** Copy a link that opens this article (at its section) on this page. */
  private async copyLink(): Promise<void> {
    const { article, section } = this;
    if (!article) return;
    const url = new URL(location.href);
    url.hash = writeDeepLink({ article: article.slug, ...(section && { section }) });
    this.copied = await navigator.clipboard.writeText(url.href).then(
      () => true,
      () => false,
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.inserting?.abort();
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
    const { t } = this.i18n;
    if (this.status === 'loading') return html`<p class="muted">${t('loading')}</p>`;
    if (this.status === 'error' || !this.article) {
      return html`<p role="alert">${t('articleUnavailable')}</p>`;
    }
    if (!this.body) return html`<p class="muted">${t('loading')}</p>`;
    const { locale } = this.article;
    return html`
      <article lang=${locale} dir="auto" aria-labelledby="title">
        <div part="body" class="body" @click=${this.onBodyClick}>
          ${this.body}
          <div class="rest"></div>
        </div>
      </article>
      <div part="feedback" class="feedback" role="group" aria-labelledby="helpful">
        <span id="helpful">${t('helpfulQuestion')}</span>
        ${
          this.feedback === undefined
            ? html`<button class="secondary" type="button" @click=${() => this.giveFeedback(true)}>
                  ${t('helpfulYes')}
                </button>
                <button class="secondary" type="button" @click=${() => this.giveFeedback(false)}>
                  ${t('helpfulNo')}
                </button>`
            : nothing
        }
        <span role="status"
          >${this.feedback === undefined ? '' : t('helpfulThanks')}
          ${this.feedback === false ? t('helpfulNoFollowUp') : ''}</span
        >
        ${
          this.feedback === false
            ? html`<button
                class="primary"
                type="button"
                @click=${() => emitInternal(this, 'ph-contact')}
              >
                ${t('contactUs')}
              </button>`
            : nothing
        }
      </div>
      ${this.renderRelated()}
    `;
  }

  private renderTitle({ locale, title }: Article) {
    return html`<h2 part="title" id="title" lang=${locale} dir="auto">${title}</h2>`;
  }

  private renderRelated() {
    if (!this.related.length) return nothing;
    return html`<nav part="related" class="related" aria-labelledby="related">
      <h3 id="related">${this.i18n.t('relatedArticles')}</h3>
      <ul>
        ${this.related.map(
          ({ slug, locale, title }) =>
            html`<li lang=${locale} dir="auto">
              <button
                class="link"
                type="button"
                @click=${() => emitInternal(this, 'ph-navigate', { slug, locale })}
              >
                ${title} ${chevron(true)}
              </button>
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  protected override render() {
    const { t } = this.i18n;
    const shown = this.status === 'ready' && this.body ? this.article : undefined;
    // Back, "Copy link" and the title stay in view while the article scrolls under them.
    return html`
      <header class="top">
        <div class="bar">
          ${renderBackButton(this, t('back'))}
          ${
            shown
              ? html`<button part="share" class="link" type="button" @click=${this.copyLink}>
                  ${t('copyLink')}
                </button>`
              : nothing
          }
          <span class="muted" role="status"
            >${this.copied === undefined ? '' : t(this.copied ? 'linkCopied' : 'linkCopyFailed')}</span
          >
        </div>
        ${shown ? this.renderTitle(shown) : nothing}
      </header>
      ${this.renderContent()} ${renderContactPrompt(this, this.i18n)}
    `;
  }
}
