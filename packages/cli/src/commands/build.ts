import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileKnowledgeBase, CompileError, formatDiagnostic } from '@porthole/kb-compiler';
import { parseCommandArgs } from '../args.js';
import { UsageError, type Command } from '../io.js';

export const buildCommand: Command = {
  name: 'build',
  summary: 'compile Markdown articles into a static knowledge base folder',
  help: `Usage: porthole build <content-dir> --out <dir> [options]

Compiles Markdown articles (content/<locale>/<path>.md with YAML front matter) into a static
knowledge base folder that any web server can host: a manifest, a prebuilt search index per
locale and one file per article body.

Options:
  -o, --out <dir>             output folder (required); files of earlier builds in it are
                              removed after the new ones are written, nothing else is touched
      --default-locale <xx>   locale of articles outside a locale folder (default: en)
      --drafts                include articles with \`draft: true\`
  -h, --help                  show this help

Exit status: 0 on success (warnings are printed), 1 when an article has errors.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      out: { type: 'string', short: 'o' },
      'default-locale': { type: 'string' },
      drafts: { type: 'boolean' },
    });
    const [contentDir, ...extra] = positionals;
    if (!contentDir) throw new UsageError('Missing <content-dir>.');
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
    if (!existsSync(resolve(io.cwd, contentDir))) {
      throw new UsageError(`${contentDir} does not exist.`);
    }
    if (!values.out) throw new UsageError('Missing --out <dir>.');

    const started = performance.now();
    try {
      const result = await compileKnowledgeBase({
        contentDir: resolve(io.cwd, contentDir),
        outDir: resolve(io.cwd, values.out),
        ...(values['default-locale'] ? { defaultLocale: values['default-locale'] } : {}),
        ...(values.drafts ? { includeDrafts: true } : {}),
      });
      for (const diagnostic of result.diagnostics)
        io.err(formatDiagnostic(diagnostic, { cwd: io.cwd }) + '\n');
      const ms = Math.round(performance.now() - started);
      const locales = result.locales.join(', ');
      io.out(
        `Built ${result.articleCount} articles in ${result.locales.length} locale(s) (${locales}) → ${values.out} in ${ms} ms\n`,
      );
      return 0;
    } catch (error) {
      if (error instanceof CompileError) {
        for (const diagnostic of error.diagnostics)
          io.err(formatDiagnostic(diagnostic, { cwd: io.cwd }) + '\n');
        io.err(`Build failed: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};
