import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  compileKnowledgeBase,
  CompileError,
  ConfigError,
  openDiskCache,
} from '@porthole/kb-compiler';
import { parseCommandArgs } from '../args.js';
import { count, defaultCacheDir, formatLines, formatSummary } from '../diagnostics.js';
import { UsageError, type Command } from '../io.js';
import { createProgress } from '../progress.js';

export const buildCommand: Command = {
  name: 'build',
  summary: 'compile Markdown articles into a static knowledge base folder',
  help: `Usage: porthole build <content-dir> --out <dir> [options]

Compiles Markdown articles (content/<locale>/<path>.md, .mdx, with YAML front matter) into a
static knowledge base folder that any web server can host: a manifest, a prebuilt search index
per locale and one file per article body. Settings come from porthole.config.json (or a
"porthole" key in package.json) in or above the content folder.

Options:
  -o, --out <dir>             output folder (required); files of earlier builds in it are
                              removed after the new ones are written, nothing else is touched
      --default-locale <xx>   locale of articles outside a locale folder (default: en)
      --drafts                include articles with \`draft: true\`
      --no-cache              build everything again (by default unchanged articles, and
                              a build whose input did not change, are taken from
                              node_modules/.cache/porthole)
  -h, --help                  show this help

Progress is shown on standard error (a bar on a terminal, lines otherwise).
Exit status: 0 on success (warnings are printed), 1 when an article has errors.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      out: { type: 'string', short: 'o' },
      'default-locale': { type: 'string' },
      drafts: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
    });
    const [contentDir, ...extra] = positionals;
    if (!contentDir) throw new UsageError('Missing <content-dir>.');
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
    if (!existsSync(resolve(io.cwd, contentDir))) {
      throw new UsageError(`${contentDir} does not exist.`);
    }
    if (!values.out) throw new UsageError('Missing --out <dir>.');

    const started = performance.now();
    const progress = createProgress(io.err, io.interactive === true);
    const content = resolve(io.cwd, contentDir);
    try {
      const cache = values['no-cache']
        ? undefined
        : await openDiskCache(defaultCacheDir(io.cwd, content), {
            onWarning: (message) => io.err(`porthole build: warning: ${message}\n`),
          });
      const result = await compileKnowledgeBase({
        contentDir: content,
        outDir: resolve(io.cwd, values.out),
        ...(values['default-locale'] ? { defaultLocale: values['default-locale'] } : {}),
        ...(values.drafts ? { includeDrafts: true } : {}),
        ...(cache ? { cache } : {}),
        onProgress: progress.update,
      });
      progress.finish();
      io.err(formatLines(result.diagnostics, io.cwd) + formatSummary(result.diagnostics));
      const ms = Math.round(performance.now() - started);
      const locales = result.locales.join(', ');
      const unchanged = result.rendered.cached ? `, ${result.rendered.cached} unchanged` : '';
      const upToDate = result.upToDate ? '; output up to date' : '';
      io.out(
        `Built ${count(result.articleCount, 'article')} in ${count(result.locales.length, 'locale')} (${locales}) → ${values.out} in ${ms} ms (${result.rendered.fresh} rendered${unchanged}${upToDate})\n`,
      );
      return 0;
    } catch (error) {
      progress.finish();
      if (error instanceof CompileError) {
        io.err(formatLines(error.diagnostics, io.cwd) + formatSummary(error.diagnostics));
        io.err(`Build failed: ${error.message}\n`);
        return 1;
      }
      if (error instanceof ConfigError) {
        io.err(`porthole build: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};
