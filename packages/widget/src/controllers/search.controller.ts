import type { SearchHit } from '@porthole/kb';
import { Task, TaskStatus, initialState } from '@lit/task';
import { emit } from '../core/events.js';
import { delay } from './host.js';
import type { PanelHost } from './host.js';
import type { KnowledgeBaseController } from './knowledge-base.controller.js';

/** Where the search stands, as the search view shows it. */
export type SearchStatus = 'idle' | 'searching' | 'done' | 'error';

/** Typing waits this long for the next key before searching. */
export const SEARCH_DEBOUNCE_MS = 100;
const SEARCH_LIMIT = 8;

const STATUS: Record<TaskStatus, SearchStatus> = {
  [TaskStatus.INITIAL]: 'idle',
  [TaskStatus.PENDING]: 'searching',
  [TaskStatus.COMPLETE]: 'done',
  [TaskStatus.ERROR]: 'error',
};

/**
 * The search workflow, on `@lit/task`: every query is a run with its own `AbortSignal`; a newer
 * query aborts the older run, whose answer is then never shown (answers can overtake one
 * another: a locale's index loads on first use). Typing is debounced inside the run, so the
 * abort also cancels the wait.
 */
export class SearchController {
  query = '';

  readonly #host: PanelHost;
  readonly #kb: KnowledgeBaseController;
  readonly #task: Task<[string, number], readonly SearchHit[]>;

  constructor(host: PanelHost, kb: KnowledgeBaseController) {
    this.#host = host;
    this.#kb = kb;
    this.#task = new Task(host, {
      autoRun: false,
      task: ([query, wait], { signal }) => this.#search(query, wait, signal),
    });
  }

  /** The hits of the newest finished search (kept while the next one runs). */
  get hits(): readonly SearchHit[] {
    return this.#task.value ?? [];
  }

  get status(): SearchStatus {
    return STATUS[this.#task.status];
  }

  /** Search for `query` after `wait` ms (the typing debounce), or at once. */
  run(query: string, wait = 0): Promise<void> {
    this.query = query;
    return this.#task.run([query, wait]);
  }

  /** Settles when the newest search has. */
  get complete(): Promise<unknown> {
    return this.#task.taskComplete.catch(() => undefined);
  }

  async #search(query: string, wait: number, signal: AbortSignal) {
    if (!query.trim()) return initialState;
    if (wait) await delay(wait, signal);
    const kb = await this.#kb.open().catch((error: unknown) => {
      if (!signal.aborted) this.#kb.fail(error);
      throw error;
    });
    try {
      const hits = await kb.search(query, {
        locale: this.#kb.localeOf(kb),
        limit: SEARCH_LIMIT,
        alsoLocales: 'all',
      });
      signal.throwIfAborted();
      this.#kb.failed = false;
      emit(this.#host, 'porthole-search', { query, results: hits.length, hits });
      return hits;
    } catch (error) {
      if (!signal.aborted) emit(this.#host, 'porthole-error', { error, code: 'search-failed' });
      throw error;
    }
  }
}
