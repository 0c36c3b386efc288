import type { DeliveryRecord } from '@porthole/server';
import { parseCommandArgs } from '../args.js';
import { UsageError, type Command } from '../io.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function formatRow(d: DeliveryRecord): string {
  const when =
    d.state === 'delivered'
      ? d.deliveredAt
      : d.state === 'pending'
        ? `next ${d.nextAttemptAt}`
        : '';
  const detail =
    d.state === 'delivered' ? (d.remoteId ? `remote ${d.remoteId}` : '') : (d.lastError ?? '');
  return [
    d.ticketId,
    d.state.padEnd(9),
    String(d.attempts).padStart(3),
    d.destination,
    when,
    detail,
  ]
    .filter(Boolean)
    .join('  ');
}

export const deliveriesCommand: Command = {
  name: 'deliveries',
  summary: 'list ticket deliveries and replay failed ones',
  help: `Usage: porthole deliveries [--failed] [--retry <ticket id|all>] [options]

Lists the newest deliveries: ticket id, state (pending, delivered, dead), attempts,
destination (without credentials), and the remote id or the last error.

Options:
      --failed              only dead deliveries and ones whose last attempt failed
      --retry <id|all>      make the undelivered deliveries of one ticket (or all) due now;
                            a running relay sends them within a second
      --limit <n>           how many to list (default 50)
      --json                one JSON object per line instead of columns
      --database-url <url>  as for \`porthole serve\`
  -h, --help                show this help
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      failed: { type: 'boolean' },
      retry: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      'database-url': { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const retry = values.retry;
    if (retry !== undefined && retry !== 'all' && !UUID.test(retry)) {
      throw new UsageError(`--retry takes a ticket id (a UUID) or all, not "${retry}".`);
    }
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
      throw new UsageError('--limit must be a whole number from 1 to 10000.');
    }
    const databaseUrl = values['database-url'] ?? io.env.DATABASE_URL;
    const admin = await (await loadServer()).openDeliveries(databaseUrl ? { databaseUrl } : {});
    try {
      if (retry !== undefined) {
        const count = await admin.retry(retry);
        io.out(`${count} ${count === 1 ? 'delivery' : 'deliveries'} queued again\n`);
        return 0;
      }
      const rows = await admin.list({ failed: values.failed ?? false, limit });
      if (values.json) for (const row of rows) io.out(`${JSON.stringify(row)}\n`);
      else if (rows.length === 0)
        io.out(values.failed ? 'No failed deliveries.\n' : 'No deliveries yet.\n');
      else for (const row of rows) io.out(`${formatRow(row)}\n`);
      return 0;
    } finally {
      await admin.close();
    }
  },
};

/** The server (PostgreSQL, SMTP, HTTP) is loaded by the commands that run it, not by `build`. */
const loadServer = () => import('@porthole/server');
