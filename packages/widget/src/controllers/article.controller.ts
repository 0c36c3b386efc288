import type { Article, ArticleSummary } from '@porthole/kb';
import { Task, TaskStatus } from '@lit/task';
import { emit } from '../core/events.js';
import type { ArticleChoice } from '../core/options.js';
import type { PanelHost } from './host.js';
import type { KnowledgeBaseController } from './knowledge-base.controller.js';
import { platformSanitizer } from '../sanitize/platform.js';
import { relatedArticles } from './suggest.js';

/** Where loading the shown article stands. */
export type ArticleStatus = 'loading' | 'ready' | 'error';

/** Makes article HTML safe to insert: a fragment ready for the article view. */
export type SanitizeArticle = (html: string) => DocumentFragment;

/**
 * The article workflow, on `@lit/task`: fetching an article's body (with the sanitizer's code,
 * so no body is ever shown unsanitized), the newest request winning, and the trail of articles
 * followed through links, for "Back".
 */
export class ArticleController {
  /** The section to scroll to once the article is shown. */
  section: string | undefined;
  /** The sanitizer, once its code has loaded. */
  sanitize: SanitizeArticle | undefined;
  /** What to read next: the articles the shown one links to, then its category's. */
  related: readonly ArticleSummary[] = [];

  readonly #host: PanelHost;
  readonly #kb: KnowledgeBaseController;
  readonly #task: Task<[ArticleChoice], Article>;
  /** Articles left through links, newest last. */
  #trail: ArticleChoice[] = [];

  constructor(host: PanelHost, kb: KnowledgeBaseController) {
    this.#host = host;
    this.#kb = kb;
    this.#task = new Task(host, {
      autoRun: false,
      task: ([choice], { signal }) => this.#load(choice, signal),
    });
  }

  get article(): Article | undefined {
    return this.#task.status === TaskStatus.COMPLETE ? this.#task.value : undefined;
  }

  get status(): ArticleStatus {
    const status = this.#task.status;
    return status === TaskStatus.COMPLETE
      ? 'ready'
      : status === TaskStatus.ERROR
        ? 'error'
        : 'loading';
  }

  /**
   * Show an article. `via: 'link'` remembers the current one for "Back"; anything else starts
   * a new trail.
   */
  show(choice: ArticleChoice, via: 'link' | 'search' = 'search'): Promise<void> {
    const current = this.article;
    if (via === 'link' && current) this.#trail.push({ slug: current.slug, locale: current.locale });
    else if (via === 'search') this.#trail = [];
    this.section = choice.section;
    return this.#task.run([choice]);
  }

  /** Go back along the trail; false when there is nothing to go back to. */
  back(): boolean {
    const previous = this.#trail.pop();
    if (!previous) return false;
    this.section = undefined;
    void this.#task.run([previous]);
    return true;
  }

  /** Tell the page whether the shown article helped. */
  feedback(helpful: boolean): void {
    const article = this.article;
    if (article) {
      emit(this.#host, 'porthole-feedback', {
        slug: article.slug,
        locale: article.locale,
        helpful,
      });
    }
  }

  /** Settles when the newest load has. */
  get complete(): Promise<unknown> {
    return this.#task.taskComplete.catch(() => undefined);
  }

  async #load(choice: ArticleChoice, signal: AbortSignal): Promise<Article> {
    try {
      const [kb, sanitize] = await Promise.all([this.#kb.open(), this.#loadSanitizer()]);
      const article = await kb.article(choice.slug, choice.locale ?? this.#kb.localeOf(kb));
      signal.throwIfAborted();
      this.sanitize = sanitize;
      this.related = relatedArticles(article, kb.articles(article.locale));
      emit(this.#host, 'porthole-article-view', { slug: article.slug, locale: article.locale });
      return article;
    } catch (error) {
      if (!signal.aborted)
        emit(this.#host, 'porthole-error', { error, code: 'article-unavailable' });
      throw error;
    }
  }

  /** The browser's own sanitizer where it has one; DOMPurify's chunk elsewhere. */
  async #loadSanitizer(): Promise<SanitizeArticle> {
    this.sanitize ??= platformSanitizer();
    return this.sanitize ?? (await this.#host.chunks.load('sanitize')).sanitizeArticleHtml;
  }
}
