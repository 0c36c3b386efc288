import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchKnowledgeBase, type BuildEvent } from '@porthole/kb-compiler';
import { parsePort, parseCommandArgs } from '../args.js';
import { formatLines } from '../diagnostics.js';
import { startDevServer } from '../dev/server.js';
import { UsageError, type Command } from '../io.js';

export const devCommand: Command = {
  name: 'dev',
  summary: 'preview a knowledge base in the widget, rebuilt and reloaded as you edit',
  help: `Usage: porthole dev <content-dir> [options]

Compiles the articles in memory and serves a preview page with the widget and a list of all
articles. Saving, adding or deleting a file rebuilds what changed and reloads the page;
diagnostics are printed as they appear and disappear.

Options:
  -p, --port <n>            port (default: 4321; 0 picks a free one)
      --host <addr>         address to listen on (default: 127.0.0.1)
      --default-locale <xx> locale of articles outside a locale folder (default: en)
      --drafts              include articles with \`draft: true\`
  -h, --help                show this help
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      'default-locale': { type: 'string' },
      drafts: { type: 'boolean' },
    });
    const [contentDir, ...extra] = positionals;
    if (!contentDir) throw new UsageError('Missing <content-dir>.');
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
    const content = resolve(io.cwd, contentDir);
    if (!existsSync(content)) throw new UsageError(`${contentDir} does not exist.`);
    const port = parsePort(values.port, 4321);
    const widgetFile = fileURLToPath(import.meta.resolve('@porthole/widget/porthole.js'));
    if (!existsSync(widgetFile)) {
      io.err(
        `warning: ${widgetFile} is missing, the preview has no widget (run \`npm run build\`)\n`,
      );
    }

    let reload = () => {};
    let first = true;
    const report = ({ result, ms, added, fixed }: BuildEvent) => {
      const summary = `${result.articleCount} articles, ${result.rendered.fresh} rendered`;
      if (!first) io.out(`Rebuilt in ${Math.round(ms)} ms (${summary})\n`);
      io.err(formatLines(added, io.cwd));
      for (const line of formatLines(fixed, io.cwd).split('\n').filter(Boolean))
        io.err(`fixed: ${line}\n`);
      first = false;
      reload();
    };
    const watcher = await watchKnowledgeBase({
      contentDir: content,
      ...(values['default-locale'] ? { defaultLocale: values['default-locale'] } : {}),
      ...(values.drafts ? { includeDrafts: true } : {}),
      onBuild: report,
      onError: (error) =>
        io.err(`porthole dev: ${error instanceof Error ? error.message : String(error)}\n`),
    });
    const server = await startDevServer({
      port,
      host: values.host ?? '127.0.0.1',
      contentDir: contentDir,
      widgetFile,
      current: () => watcher.current,
    });
    reload = () => server.reload();
    io.out(`Porthole dev server on ${server.url} (${watcher.current.articleCount} articles)\n`);
    await io.waitForStop();
    watcher.close();
    await server.close();
    return 0;
  },
};
