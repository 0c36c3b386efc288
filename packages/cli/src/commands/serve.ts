import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandArgs, parsePort } from '../args.js';
import { UsageError, type Command } from '../io.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the reference server: ticket API, knowledge base, widget and site',
  help: `Usage: porthole serve [options]

Serves, from one origin:
  /v1/tickets    the ticket API (POST; GET with Authorization: Bearer $PORTHOLE_AGENT_TOKEN)
  /healthz       health check
  /kb/           the knowledge base folder given with --kb
  /porthole.js   the widget's script-tag bundle
  /              the site folder given with --static (served with a strict CSP)

Options:
  -p, --port <n>            port (default: $PORT or 8787)
      --host <addr>         address to listen on (default: 127.0.0.1)
      --kb <dir>            knowledge base folder made by \`porthole build\`
      --static <dir>        site folder to serve at /
      --database-url <url>  sqlite:<file> | postgres://… (default: $DATABASE_URL or
                            sqlite:.data/porthole.db)
      --allowed-origins <list>
                            comma-separated origins whose pages may POST tickets
                            (e.g. https://www.example.com; * for any; default: same origin)
      --deliver <url>       forward every ticket there through the outbox (repeatable):
                              zendesk+https://{email}%2Ftoken:{token}@{sub}.zendesk.com
                              freshdesk+https://{api_key}:X@{domain}.freshdesk.com
                              helpscout+https://{id}:{secret}@api.helpscout.net/?mailbox={n}
                              webhook+https://hooks.example.com/porthole
                              smtp://user:pass@host:587?to=support@…&from=help@…[&confirm=1]
      --no-relay            store deliveries but leave them to \`porthole relay\`
  -h, --help                show this help

Environment:
  PORTHOLE_AGENT_TOKEN      enables the agent API (GET /v1/tickets); refused without it
  PORTHOLE_DELIVER          destinations, separated by spaces (as --deliver)
  PORTHOLE_WEBHOOK_SECRET   signs webhook deliveries (required with webhook+…)
  PORTHOLE_IDENTITY_SECRET  checks userHash, marking tickets verified
  PORTHOLE_PUBLIC_URL       this server as webhook receivers reach it (attachment links)
  PORTHOLE_UPLOADS_DIR      attachment folder (default: uploads/ beside the SQLite file)
  PORTHOLE_RATE_LIMIT       tickets per client address, e.g. 20/min (default), or off
  DATABASE_URL, PORT, PORTHOLE_ALLOWED_ORIGINS
                            as the options above
  More (attachment limits, fields, retries): docs/server.md
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      kb: { type: 'string' },
      static: { type: 'string' },
      'database-url': { type: 'string' },
      'allowed-origins': { type: 'string' },
      deliver: { type: 'string', multiple: true },
      'no-relay': { type: 'boolean' },
    });
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const port = parsePort(values.port ?? io.env.PORT, 8787);
    const kbDir = values.kb ? resolve(io.cwd, values.kb) : undefined;
    const staticDir = values.static ? resolve(io.cwd, values.static) : undefined;
    for (const [flag, dir] of [
      ['--kb', kbDir],
      ['--static', staticDir],
    ] as const) {
      if (dir && !existsSync(dir)) throw new UsageError(`${flag} ${dir} does not exist.`);
    }
    if (kbDir && !existsSync(resolve(kbDir, 'manifest.json'))) {
      throw new UsageError(`--kb ${kbDir} has no manifest.json: build it with \`porthole build\`.`);
    }

    const widgetFile = fileURLToPath(import.meta.resolve('@porthole/widget/porthole.js'));
    if (!existsSync(widgetFile)) {
      io.err(`warning: ${widgetFile} is missing, /porthole.js will 404 (run \`npm run build\`)\n`);
    }
    const databaseUrl = values['database-url'] ?? io.env.DATABASE_URL;
    const allowedOrigins = (values['allowed-origins'] ?? io.env.PORTHOLE_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim().replace(/\/$/, ''))
      .filter(Boolean);

    const server = await (
      await loadServer()
    ).startServer({
      port,
      host: values.host ?? '127.0.0.1',
      widgetFile,
      ...(kbDir ? { kbDir } : {}),
      ...(staticDir ? { staticDir } : {}),
      ...(databaseUrl ? { databaseUrl } : {}),
      ...(allowedOrigins.length > 0 ? { allowedOrigins } : {}),
      ...(values.deliver ? { deliver: values.deliver } : {}),
      ...(values['no-relay'] ? { relay: false } : {}),
    });
    io.out(`Porthole is serving on ${server.url}\n`);
    if (!io.env.PORTHOLE_AGENT_TOKEN) {
      io.out('  (agent API off: set PORTHOLE_AGENT_TOKEN to read tickets with GET /v1/tickets)\n');
    }

    await io.waitForStop();
    await server.close();
    return 0;
  },
};

/** The server (PostgreSQL, SMTP, HTTP) is loaded by the commands that run it, not by `build`. */
const loadServer = () => import('@porthole/server');
