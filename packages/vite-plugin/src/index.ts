/**
 * `@porthole/vite-plugin`: the knowledge base as part of a Vite site. In `vite build` the
 * articles are compiled and the KB files (and the widget's script files) are emitted into
 * the output; an article with errors fails the build with `file:line:col` lines. In `vite dev`
 * they are compiled in memory, served at `base`, rebuilt incrementally when a file changes,
 * and the page reloads.
 *
 * @example
 * // vite.config.ts
 * import { defineConfig } from 'vite';
 * import porthole from '@porthole/vite-plugin';
 * export default defineConfig({ plugins: [porthole({ content: 'content' })] });
 * // index.html: <script src="/porthole.js" data-kb="/kb/" async></script>
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compileKnowledgeBase,
  CompileError,
  formatDiagnostic,
  watchKnowledgeBase,
  type KnowledgeBaseWatcher,
} from '@porthole/kb-compiler';
import type { Plugin, ResolvedConfig } from 'vite';

export interface PortholePluginOptions {
  /** Folder of Markdown articles, relative to Vite's `root`. */
  content: string;
  /**
   * URL path the knowledge base is served at (the widget's `data-kb`).
   * @default '/kb/'
   */
  base?: string;
  /**
   * Also serve and emit the widget's script files (`/porthole.js` and the `porthole-*.js`
   * beside it) at the site's root.
   * @default true
   */
  widget?: boolean;
  /** @default 'en' */
  defaultLocale?: string;
  /** Publish `draft: true` articles. @default false */
  drafts?: boolean;
}

const TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  map: 'application/json; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
};

function widgetFiles(): Map<string, string> {
  const main = fileURLToPath(import.meta.resolve('@porthole/widget/porthole.js'));
  const dir = dirname(main);
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir)) {
    if (/^porthole(?:-[a-z0-9]+)*\.js(?:\.map)?$/.test(name)) files.set(name, join(dir, name));
  }
  return files;
}

export default function porthole(options: PortholePluginOptions): Plugin {
  const base = `/${(options.base ?? '/kb/').replace(/^\/+|\/+$/g, '')}/`;
  let config: ResolvedConfig;
  let watcher: KnowledgeBaseWatcher | undefined;
  const compileOptions = () => ({
    contentDir: resolve(config.root, options.content),
    ...(options.defaultLocale ? { defaultLocale: options.defaultLocale } : {}),
    ...(options.drafts ? { includeDrafts: true } : {}),
  });

  return {
    name: 'porthole',
    configResolved(resolved) {
      config = resolved;
    },

    async configureServer(server) {
      const log = server.config.logger;
      watcher = await watchKnowledgeBase({
        ...compileOptions(),
        onBuild({ result, added, ms }) {
          for (const d of added)
            log[d.severity === 'error' ? 'error' : 'warn'](formatDiagnostic(d));
          if (watcher) {
            log.info(`porthole: rebuilt ${result.articleCount} articles in ${Math.round(ms)} ms`, {
              timestamp: true,
            });
            server.ws.send({ type: 'full-reload', path: '*' });
          }
        },
        onError: (error) =>
          log.error(`porthole: ${error instanceof Error ? error.message : String(error)}`),
      });
      const widget = options.widget === false ? new Map<string, string>() : widgetFiles();
      server.middlewares.use((request, response, next) => {
        const path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
        const kbFile = path.startsWith(base)
          ? watcher?.current.files[path.slice(base.length)]
          : undefined;
        const widgetFile = widget.get(path.slice(1));
        if (kbFile === undefined && widgetFile === undefined) return next();
        response.setHeader(
          'content-type',
          TYPES[/\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? ''] ??
            'application/octet-stream',
        );
        response.setHeader('cache-control', 'no-store');
        response.end(kbFile ?? readFileSync(widgetFile ?? ''));
      });
      server.httpServer?.once('close', () => watcher?.close());
    },

    async generateBundle() {
      if (config.command !== 'build') return;
      try {
        const result = await compileKnowledgeBase(compileOptions());
        for (const d of result.diagnostics) this.warn(formatDiagnostic(d));
        for (const [path, source] of Object.entries(result.files)) {
          this.emitFile({ type: 'asset', fileName: `${base.slice(1)}${path}`, source });
        }
      } catch (error) {
        if (error instanceof CompileError) {
          this.error(
            `${error.diagnostics.map((d) => formatDiagnostic(d)).join('\n')}\n${error.message}`,
          );
        }
        throw error;
      }
      if (options.widget === false) return;
      for (const [name, file] of widgetFiles()) {
        this.emitFile({ type: 'asset', fileName: name, source: readFileSync(file) });
      }
    },

    closeBundle() {
      watcher?.close();
    },
  };
}

export { porthole };
