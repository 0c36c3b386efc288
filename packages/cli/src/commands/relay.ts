import { parseCommandArgs } from '../args.js';
import { UsageError, type Command } from '../io.js';

export const relayCommand: Command = {
  name: 'relay',
  summary: 'deliver stored tickets to help desks, without serving HTTP',
  help: `Usage: porthole relay [options]

Runs the outbox relay alone: it takes the deliveries that \`porthole serve\` stored and
sends them to their destinations, with retries. Run several against one PostgreSQL (they
share the work); on SQLite only one relay works at a time. Start the servers with
--no-relay when a separate relay runs.

Options:
      --database-url <url>  sqlite:<file> | postgres://… (default: $DATABASE_URL or
                            sqlite:.data/porthole.db)
      --deliver <url>       a destination (repeatable; same forms as \`porthole serve\`)
  -h, --help                show this help

Environment:
  PORTHOLE_DELIVER, PORTHOLE_WEBHOOK_SECRET, PORTHOLE_PUBLIC_URL, PORTHOLE_DELIVERY_*
                            as for \`porthole serve\` (docs/server.md)
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      'database-url': { type: 'string' },
      deliver: { type: 'string', multiple: true },
    });
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const databaseUrl = values['database-url'] ?? io.env.DATABASE_URL;
    const relay = await (
      await loadServer()
    ).runRelay({
      ...(databaseUrl ? { databaseUrl } : {}),
      ...(values.deliver ? { deliver: values.deliver } : {}),
    });
    io.out(`Porthole relay delivering to ${relay.destinations.join(', ')}\n`);
    await io.waitForStop();
    await relay.stop();
    return 0;
  },
};

/** The server (PostgreSQL, SMTP, HTTP) is loaded by the commands that run it, not by `build`. */
const loadServer = () => import('@porthole/server');
