/**
 * Keep a knowledge base compiled while its content changes (`porthole dev`, the Vite plugin):
 * one build at start, then a rebuild shortly after files are added, changed or deleted. Builds
 * are incremental (unchanged articles come from an in-memory cache) and never throw on
 * article errors, so the preview keeps working while they are being fixed.
 */
import { watch, type FSWatcher } from 'node:fs';
import { createMemoryCache } from './cache.js';
import { compileKnowledgeBase, type CompileOptions, type CompileResult } from './compile.js';
import type { Diagnostic } from './diagnostics.js';

export interface BuildEvent {
  result: CompileResult;
  /** Milliseconds the build took. */
  ms: number;
  /** Diagnostics that were not there after the previous build. */
  added: Diagnostic[];
  /** Diagnostics of the previous build that are gone. */
  fixed: Diagnostic[];
}

export interface WatchOptions extends Omit<
  CompileOptions,
  'outDir' | 'cache' | 'failOnError' | 'sources'
> {
  contentDir: string;
  /** Called after every build, the first one included. */
  onBuild?: (event: BuildEvent) => void;
  /** Called when a build fails outright (an unreadable configuration file, say). */
  onError?: (error: unknown) => void;
  /**
   * Wait this long after the last change before rebuilding (editors write in several steps).
   * @default 40
   */
  debounceMs?: number;
}

export interface KnowledgeBaseWatcher {
  /** The latest successful build. */
  readonly current: CompileResult;
  /** Resolves after the rebuild for changes seen so far (for tests and tools). */
  settled(): Promise<void>;
  close(): void;
}

const key = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;

export async function watchKnowledgeBase(options: WatchOptions): Promise<KnowledgeBaseWatcher> {
  const { onBuild, onError, debounceMs = 40, ...compileOptions } = options;
  const cache = createMemoryCache();
  let previous = new Map<string, Diagnostic>();
  const build = async () => {
    const started = performance.now();
    const result = await compileKnowledgeBase({ ...compileOptions, cache, failOnError: false });
    const now = new Map(result.diagnostics.map((d) => [key(d), d]));
    const event: BuildEvent = {
      result,
      ms: performance.now() - started,
      added: [...now].filter(([k]) => !previous.has(k)).map(([, d]) => d),
      fixed: [...previous].filter(([k]) => !now.has(k)).map(([, d]) => d),
    };
    previous = now;
    onBuild?.(event);
    return result;
  };

  let current = await build();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let dirty = false;
  const rebuild = () => {
    dirty = false;
    running = running.then(async () => {
      try {
        current = await build();
      } catch (error) {
        onError?.(error);
      }
    });
  };
  const watcher: FSWatcher = watch(options.contentDir, { recursive: true }, () => {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(rebuild, debounceMs);
  });
  return {
    get current() {
      return current;
    },
    async settled() {
      if (dirty) {
        clearTimeout(timer);
        rebuild();
      }
      await running;
    },
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
