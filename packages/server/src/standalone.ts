/** What `porthole relay` and `porthole deliveries` run: the outbox without the HTTP server. */
import { openRuntime } from './app.js';
import { createJsonLogger } from './log.js';
import type { ServerLogger, ServerOptions } from './options.js';
import { createOutbox, type DeliveryRecord } from './outbox.js';
import { createRelay } from './relay.js';

export interface RelayProcess {
  /** The destinations it delivers to (names without credentials). */
  destinations: string[];
  stop(): Promise<void>;
}

/** Start a relay for the configured destinations against the configured database. */
export async function runRelay(options: ServerOptions = {}): Promise<RelayProcess> {
  const logger: ServerLogger = options.logger ?? createJsonLogger();
  const runtime = await openRuntime(options, logger);
  if (runtime.destinations.length === 0) {
    await runtime.database.db.destroy();
    throw new Error('No destinations: pass --deliver <url> (or set PORTHOLE_DELIVER).');
  }
  const relay = createRelay({
    db: runtime.database.db,
    kind: runtime.database.kind,
    groupCommit: runtime.database.groupCommit,
    destinations: runtime.destinations,
    settings: runtime.settings.delivery,
    logger,
    loadTicket: runtime.loadTicket,
  });
  relay.start();
  return {
    destinations: runtime.destinations.map((d) => d.name),
    async stop() {
      await relay.stop();
      await runtime.database.db.destroy();
    },
  };
}

export interface DeliveriesAdmin {
  list(options: { failed?: boolean; limit?: number }): Promise<DeliveryRecord[]>;
  /** Make undelivered deliveries of one ticket (or all) due now; resolves with how many. */
  retry(ticketId: string | 'all'): Promise<number>;
  close(): Promise<void>;
}

/** The outbox of the configured database, for listing and replaying deliveries. */
export async function openDeliveries(
  options: Pick<ServerOptions, 'databaseUrl' | 'logger'> = {},
): Promise<DeliveriesAdmin> {
  const logger = options.logger ?? createJsonLogger();
  const runtime = await openRuntime({ ...options, deliver: [], relay: false }, logger);
  const outbox = createOutbox(runtime.database.db, runtime.database.kind);
  return {
    list: (query) => outbox.list(query),
    retry: (ticketId) => outbox.retry(ticketId),
    close: () => runtime.database.db.destroy(),
  };
}
