/**
 * Where articles are rendered: in this thread, helped by worker threads when there are enough
 * articles to pay for starting them. Every thread takes the next article from one queue, so a
 * slow article never holds up the rest, and results come back in any order; `render` reports
 * each one as it arrives.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  createArticleRenderer,
  type ArticleRenderer,
  type RenderedArticle,
  type RenderJob,
} from './render.js';

export interface RenderHost {
  render(
    jobs: readonly RenderJob[],
    onResult: (index: number, result: RenderedArticle) => void,
  ): Promise<void>;
  close(): Promise<void>;
}

/** Below this many articles, starting a worker (0.3–0.5 s) costs more than it saves. */
export const WORKER_THRESHOLD = 200;
/**
 * Jobs sent ahead to each worker, so it never waits for the next message: the main thread
 * reads worker messages only between its own articles (with 4 the worker sat idle 37% of a
 * 9,739-article build, with 16 8%).
 */
const IN_FLIGHT = 16;
/**
 * The main thread renders between turns of the event loop (worker messages arrive then); this
 * many articles at a time keeps the workers fed without making each turn long.
 */
const MAIN_BATCH = 4;

/**
 * Worker threads besides the main thread: one per core but one, at most three. On two cores
 * that is one: rendering no longer loads jsdom (html-tree.ts), so a worker starts in a few
 * tenths of a second and pays for itself from a few hundred articles on
 * (docs/decisions/2026-12-01-compile-speed.md).
 */
export function defaultWorkerCount(): number {
  return Math.max(0, Math.min(3, availableParallelism() - 1));
}

/** A host that renders in this thread and in `workers` worker threads (none: this thread only). */
export function createRenderHost(workers: number): RenderHost {
  let renderer: ArticleRenderer | undefined;
  const pool: Worker[] = [];
  for (let i = 0; i < workers; i++) {
    const worker = startWorker();
    worker.unref();
    pool.push(worker);
  }
  return {
    async render(jobs, onResult) {
      let next = 0;
      const take = () => (next < jobs.length ? next++ : undefined);
      const helpers = pool.map((worker) => feedWorker(worker, jobs, take, onResult));
      while (next < jobs.length) {
        // Let worker messages in (and, on the DOMPurify path, jsdom's WeakRefs go: without a
        // turn of the event loop every DOM DOMPurify made stays in memory).
        await new Promise((resolve) => setImmediate(resolve));
        renderer ??= createArticleRenderer();
        for (let k = 0; k < MAIN_BATCH; k++) {
          const id = take();
          if (id === undefined) break;
          onResult(id, renderer.render(jobs[id] as RenderJob));
        }
      }
      await Promise.all(helpers);
    },
    async close() {
      await Promise.all(pool.splice(0).map((worker) => worker.terminate()));
    },
  };
}

/** Keep `worker` busy with jobs from `take` until none are left and its last result is in. */
function feedWorker(
  worker: Worker,
  jobs: readonly RenderJob[],
  take: () => number | undefined,
  onResult: (index: number, result: RenderedArticle) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let pending = 0;
    const send = () => {
      const id = take();
      if (id === undefined) return false;
      pending++;
      worker.postMessage({ id, job: jobs[id] });
      return true;
    };
    const done = (error?: Error) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onMessage = ({ id, result }: { id: number; result: RenderedArticle }) => {
      pending--;
      onResult(id, result);
      if (!send() && pending === 0) done();
    };
    const onError = (error: Error) => done(error);
    worker.on('message', onMessage);
    worker.on('error', onError);
    for (let i = 0; i < IN_FLIGHT; i++) send();
    if (pending === 0) done();
  });
}

function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  // Running from source under tsx (tests, `--conditions=source`): workers do not inherit tsx's
  // loader, so the worker registers it before importing the TypeScript worker module.
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(code, { eval: true });
}
