export { createServer, type PortholeServer } from './app.js';
export { startServer, type RunningServer } from './start.js';
export type { ServerLogger, ServerOptions, StartServerOptions } from './options.js';
export type { DatabaseKind } from './database.js';
export type { TicketPage, TicketRecord } from './ticket-store.js';
