import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkKnowledgeBase, ConfigError } from '@porthole/kb-compiler';
import { parseCommandArgs } from '../args.js';
import { count, formatLines, formatSummary } from '../diagnostics.js';
import { UsageError, type Command } from '../io.js';

export const checkCommand: Command = {
  name: 'check',
  summary: 'report broken links, front-matter mistakes and other problems in articles',
  help: `Usage: porthole check <content-dir> [options]

Reads every article (drafts and _partials too) and prints one line per problem:
  file:line:col severity message [code]
then a count per code. Severities can be changed, codes and paths ignored, in
porthole.config.json (see docs/authoring.md#configuration).

Options:
      --default-locale <xx>   locale of articles outside a locale folder (default: en)
      --json                  print the diagnostics as a JSON array
      --summary               print only the count per code
      --strict                exit 1 on warnings too
  -h, --help                  show this help

Exit status: 0 when there are no errors, 1 when there are (or warnings with --strict).
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      'default-locale': { type: 'string' },
      json: { type: 'boolean' },
      summary: { type: 'boolean' },
      strict: { type: 'boolean' },
    });
    const [contentDir, ...extra] = positionals;
    if (!contentDir) throw new UsageError('Missing <content-dir>.');
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
    if (!existsSync(resolve(io.cwd, contentDir))) {
      throw new UsageError(`${contentDir} does not exist.`);
    }

    let diagnostics;
    try {
      diagnostics = await checkKnowledgeBase(resolve(io.cwd, contentDir), {
        ...(values['default-locale'] ? { defaultLocale: values['default-locale'] } : {}),
      });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.err(`porthole check: ${error.message}\n`);
      return 1;
    }
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    if (values.json) {
      io.out(JSON.stringify(diagnostics, null, 2) + '\n');
    } else {
      if (!values.summary) io.out(formatLines(diagnostics, io.cwd));
      io.err(
        `${formatSummary(diagnostics)}${count(errors, 'error')}, ${count(warnings, 'warning')}\n`,
      );
    }
    return errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
  },
};
