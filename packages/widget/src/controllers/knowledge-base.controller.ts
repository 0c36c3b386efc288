import type { KnowledgeBase } from '@porthole/kb';
import type { ReactiveController } from 'lit';
import { emit } from '../core/events.js';
import { issueWarning } from '../core/warnings.js';
import type { PanelHost } from './host.js';
import { homeArticles } from './suggest.js';
import type { HomeArticles } from './suggest.js';

/**
 * The knowledge-base workflow: opening the KB (its code from the `kb` chunk, then its
 * manifest), the locale it resolves for this page, and the articles suggested before the
 * visitor types. One open per source, shared by every search and article; a failed open is
 * forgotten, so the next attempt tries again.
 */
export class KnowledgeBaseController implements ReactiveController {
  /** The KB locale for this page, once the KB is open. */
  locale: string | undefined;
  /** Shown before the visitor types: articles for this page first, then by topic. */
  home: HomeArticles = { suggestions: [], groups: [] };
  /** The last attempt to open the KB failed. */
  failed = false;

  readonly #host: PanelHost;
  #opening: Promise<KnowledgeBase> | undefined;
  #source: string | KnowledgeBase | undefined;

  constructor(host: PanelHost) {
    this.#host = host;
    host.addController(this);
  }

  hostUpdate(): void {
    const source = this.#host.knowledgeBase ?? this.#host.kb;
    if (source !== this.#source) {
      this.#source = source;
      this.#opening = undefined;
    }
  }

  /** The open knowledge base (opened on first use). Rejects when it cannot be opened. */
  open(): Promise<KnowledgeBase> {
    const { knowledgeBase, kb, chunks } = this.#host;
    if (knowledgeBase) return Promise.resolve(knowledgeBase);
    if (!this.#opening) {
      if (!kb) {
        issueWarning('no-kb', 'No knowledge base configured: set `kb` (data-kb on the script).');
        return Promise.reject(new Error('No knowledge base configured.'));
      }
      const opening = chunks.load('kb').then(({ openKnowledgeBase }) => openKnowledgeBase(kb));
      this.#opening = opening;
      opening.catch(() => {
        if (this.#opening === opening) this.#opening = undefined;
      });
    }
    return this.#opening;
  }

  /** The KB locale: `locale` → `<html lang>` → the browser's → the KB's default. */
  localeOf(kb: KnowledgeBase): string {
    const wanted = this.#host.locale || document.documentElement.lang || navigator.language;
    this.locale = kb.resolveLocale(wanted);
    return this.locale;
  }

  /** Open the KB (if needed) and list the suggestions; on failure say so once. */
  async prepare(): Promise<void> {
    try {
      const kb = await this.open();
      this.failed = false;
      this.home = homeArticles(kb.articles(this.localeOf(kb)), location.pathname);
    } catch (error) {
      this.fail(error);
    }
    this.#host.requestUpdate();
  }

  /** The KB could not be opened: the search view says so and `porthole-error` tells the page. */
  fail(error: unknown): void {
    this.failed = true;
    emit(this.#host, 'porthole-error', { error, code: 'kb-unavailable' });
    this.#host.requestUpdate();
  }
}
