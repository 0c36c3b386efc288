import { resolve } from 'node:path';
import { openKnowledgeBase } from '@porthole/kb';
import { parseCommandArgs } from '../args.js';
import { UsageError, type Command } from '../io.js';

export const searchCommand: Command = {
  name: 'search',
  summary: 'search a built knowledge base the way a visitor would',
  help: `Usage: porthole search --kb <dir> [options] "<query>"

Options:
      --kb <dir|url>     a folder made by \`porthole build\`, or its URL (required)
      --locale <xx>      locale to search (default: the knowledge base's default locale)
      --limit <n>        number of hits (default: 5)
      --all              also show weak hits when there is no good match
      --json             print the hits as JSON (with --all, check each hit's score)
  -h, --help             show this help
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      kb: { type: 'string' },
      locale: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      all: { type: 'boolean' },
    });
    if (!values.kb) throw new UsageError('Missing --kb <dir>.');
    const query = positionals.join(' ').trim();
    if (!query) throw new UsageError('Missing "<query>".');
    const limit = values.limit === undefined ? 5 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) {
      throw new UsageError(`Invalid --limit "${values.limit}": expected a positive whole number.`);
    }

    const source = /^https?:\/\//.test(values.kb) ? values.kb : resolve(io.cwd, values.kb);
    const kb = await openKnowledgeBase(source);
    const hits = await kb.search(query, {
      limit,
      ...(values.locale ? { locale: values.locale } : {}),
      ...(values.all ? { minScore: 0 } : {}),
    });
    if (values.json) {
      io.out(JSON.stringify(hits, null, 2) + '\n');
      return 0;
    }
    if (hits.length === 0) {
      // What the widget shows as "no good match" (with Contact us).
      const hint = values.all ? '' : ' (--all shows weak hits)';
      io.out(`No good match for "${query}"${hint}.\n`);
      return 0;
    }
    if (hits.confident === false) io.out('No good match; weak hits:\n');
    hits.forEach((hit, i) => {
      const where = hit.section ? `${hit.title} › ${hit.section.title}` : hit.title;
      const anchor = hit.section ? `#${hit.section.id}` : '';
      io.out(`${i + 1}. ${where}  [${hit.locale}/${hit.slug}${anchor}]  ${hit.score.toFixed(3)}\n`);
      if (hit.snippet) io.out(`   ${hit.snippet}\n`);
    });
    return 0;
  },
};
