/**
 * `@porthole/kb/worker` — search in a Web Worker so the host page's main thread stays free
 * (index files are parsed and queries scored off it). Two halves that speak one small
 * message protocol over any `postMessage` port (a `Worker`, a `MessagePort`, Node's
 * `worker_threads` ports):
 *
 * - inside the worker, {@link serveKnowledgeBase}(self) answers requests;
 * - on the page, {@link connectKnowledgeBase}(worker, source) returns a {@link KnowledgeBase}
 *   whose calls run in the worker.
 *
 * @example
 * // kb-worker.js (the worker):
 * import { serveKnowledgeBase } from '@porthole/kb/worker';
 * serveKnowledgeBase(self);
 * // the page:
 * import { connectKnowledgeBase } from '@porthole/kb/worker';
 * const worker = new Worker(new URL('./kb-worker.js', import.meta.url), { type: 'module' });
 * const kb = await connectKnowledgeBase(worker, '/kb/');
 * const results = await kb.search('reset pasword', { locale: 'en' });
 */
import { KnowledgeBaseError } from './errors.js';
import { openKnowledgeBase } from './index.js';
import { matchLocale } from './knowledge-base.js';
import type {
  Article,
  ArticleSummary,
  KnowledgeBase,
  KnowledgeBaseErrorCode,
  SearchOptions,
  SearchResults,
} from './types.js';

/** What both ends need of a port: `Worker`, `MessagePort`, `DedicatedWorkerGlobalScope`. */
export interface MessagePortLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: Event) => void): void;
  /** Node's `MessagePort` needs it to start delivering; browsers start on the listener. */
  start?(): void;
}

type RequestBody =
  | { method: 'open'; source: string }
  | { method: 'search'; query: string; options: SearchOptions }
  | { method: 'article'; slug: string; locale: string | undefined };
/** `kb` numbers the knowledge bases opened through one port; `id` the requests. */
type Request = RequestBody & { id: number; kb: number };

type Response =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: KnowledgeBaseErrorCode | undefined; message: string } };

interface Opened {
  locales: readonly string[];
  defaultLocale: string;
  articles: Record<string, ArticleSummary[]>;
}

/**
 * Answer {@link connectKnowledgeBase}'s requests on `port` (in a worker: `self`). Several
 * knowledge bases may be open through one port.
 */
export function serveKnowledgeBase(port: MessagePortLike): void {
  const open = new Map<number, Promise<KnowledgeBase>>();
  port.addEventListener('message', (event) => {
    const request = (event as MessageEvent).data as Request;
    if (typeof request !== 'object' || request === null || typeof request.id !== 'number') return;
    answer(open, request).then(
      (value) => port.postMessage({ id: request.id, ok: true, value } satisfies Response),
      (error: unknown) =>
        port.postMessage({
          id: request.id,
          ok: false,
          error: {
            code: error instanceof KnowledgeBaseError ? error.code : undefined,
            message: error instanceof Error ? error.message : String(error),
          },
        } satisfies Response),
    );
  });
  port.start?.();
}

async function answer(
  open: Map<number, Promise<KnowledgeBase>>,
  request: Request,
): Promise<unknown> {
  if (request.method === 'open') {
    const opening = openKnowledgeBase(request.source);
    open.set(request.kb, opening);
    const kb = await opening;
    return {
      locales: kb.locales,
      defaultLocale: kb.defaultLocale,
      articles: Object.fromEntries(kb.locales.map((l) => [l, kb.articles(l)])),
    } satisfies Opened;
  }
  const kb = await open.get(request.kb);
  if (!kb) throw new KnowledgeBaseError('invalid-argument', 'That knowledge base is not open.');
  if (request.method === 'search') {
    const results = await kb.search(request.query, request.options);
    // Structured clone keeps array items, not extra array properties.
    return { hits: [...results], confident: results.confident ?? false };
  }
  return kb.article(request.slug, request.locale);
}

let nextKb = 1;

/**
 * Open a knowledge base inside the worker behind `port` (which runs
 * {@link serveKnowledgeBase}) and return a {@link KnowledgeBase} whose searches and article
 * loads run there. `source` is the KB's URL (resolved against the page, so the worker gets an
 * absolute one). Rejects like `openKnowledgeBase`.
 */
export async function connectKnowledgeBase(
  port: MessagePortLike,
  source: string | URL,
): Promise<KnowledgeBase> {
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  const kbId = nextKb++;
  port.addEventListener('message', (event) => {
    const response = (event as MessageEvent).data as Response;
    const waiting = pending.get(response?.id);
    if (!waiting) return;
    pending.delete(response.id);
    if (response.ok) waiting.resolve(response.value);
    else {
      const { code, message } = response.error;
      waiting.reject(code ? new KnowledgeBaseError(code, message) : new Error(message));
    }
  });
  port.start?.();
  const call = <T>(request: RequestBody): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      port.postMessage({ ...request, id, kb: kbId });
    });
  const base = typeof document !== 'undefined' ? document.baseURI : undefined;
  const absolute = base ? new URL(source, base).href : String(source);
  const opened = await call<Opened>({ method: 'open', source: absolute });
  const resolveLocale = (locale?: string) =>
    matchLocale(locale, opened.locales) ?? opened.defaultLocale;
  return {
    locales: Object.freeze([...opened.locales]),
    defaultLocale: opened.defaultLocale,
    resolveLocale,
    articles: (locale) => [...(opened.articles[resolveLocale(locale)] ?? [])],
    async search(query: string, options: SearchOptions = {}): Promise<SearchResults> {
      const { hits, confident } = await call<{ hits: SearchResults; confident: boolean }>({
        method: 'search',
        query,
        options,
      });
      hits.confident = confident;
      return hits;
    },
    article: (slug: string, locale?: string) => call<Article>({ method: 'article', slug, locale }),
  };
}
