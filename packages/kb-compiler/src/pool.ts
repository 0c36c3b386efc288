/**
 * Where articles are rendered: in this thread for small knowledge bases (and on machines with
 * two cores or fewer), or in a pool of worker threads for large ones. Results
 * come back in any order; `render` reports each one as it arrives.
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

/** Below this many articles, starting workers (about 0.3 s each) costs more than it saves. */
export const WORKER_THRESHOLD = 200;
/** Jobs sent ahead to each worker, so it never waits for the next message. */
const IN_FLIGHT = 4;

/**
 * One worker per core but one (the main thread has the rest of the build to do), at most four.
 * On two cores that is none: measured on a 2-vCPU machine, two render workers took 50% more CPU
 * than rendering in the main thread (each loads jsdom, marked and highlight.js, and V8's
 * garbage collector already uses the second core), so the build was slower
 * (docs/decisions/2026-12-01-compile-speed.md).
 */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

export function createRenderHost(workers: number): RenderHost {
  return workers > 1 ? createWorkerPool(workers) : createInlineHost();
}

function createInlineHost(): RenderHost {
  let renderer: ArticleRenderer | undefined;
  return {
    async render(jobs, onResult) {
      renderer ??= createArticleRenderer();
      for (let i = 0; i < jobs.length; i++) {
        // jsdom tracks DOMPurify's NodeIterators through WeakRefs, which V8 keeps alive until the
        // event loop turns; without a turn between articles every DOM of the build stays in memory.
        await new Promise((resolve) => setImmediate(resolve));
        onResult(i, renderer.render(jobs[i] as RenderJob));
      }
    },
    close: () => Promise.resolve(),
  };
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

function createWorkerPool(size: number): RenderHost {
  const workers: Worker[] = [];
  const spawn = () => {
    const worker = startWorker();
    worker.unref();
    workers.push(worker);
    return worker;
  };
  return {
    render(jobs, onResult) {
      if (jobs.length === 0) return Promise.resolve();
      while (workers.length < Math.min(size, Math.ceil(jobs.length / IN_FLIGHT))) spawn();
      return new Promise<void>((resolve, reject) => {
        let next = 0;
        let done = 0;
        const cleanups: (() => void)[] = [];
        const finish = (error?: Error) => {
          for (const cleanup of cleanups) cleanup();
          if (error) reject(error);
          else resolve();
        };
        for (const worker of workers) {
          const send = () => {
            if (next < jobs.length) {
              const id = next++;
              worker.postMessage({ id, job: jobs[id] });
            }
          };
          const onMessage = ({ id, result }: { id: number; result: RenderedArticle }) => {
            onResult(id, result);
            if (++done === jobs.length) finish();
            else send();
          };
          const onError = (error: Error) => finish(error);
          worker.on('message', onMessage);
          worker.on('error', onError);
          cleanups.push(() => {
            worker.off('message', onMessage);
            worker.off('error', onError);
          });
          for (let i = 0; i < IN_FLIGHT; i++) send();
        }
      });
    },
    async close() {
      await Promise.all(workers.splice(0).map((w) => w.terminate()));
    },
  };
}
