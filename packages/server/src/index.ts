export { createServer, openRuntime, resolveDestinations, type PortholeServer } from './app.js';
export { startServer, type RunningServer } from './start.js';
export type {
  AttachmentSettings,
  DeliverySettings,
  RateLimitSettings,
  ServerLogger,
  ServerOptions,
  StartServerOptions,
  TicketFieldSpec,
} from './options.js';
export type { DatabaseKind } from './database.js';
export type {
  AttachmentRecord,
  TicketDetail,
  TicketFilter,
  TicketPage,
  TicketRecord,
} from './ticket-store.js';
export type { DeliveryRecord } from './outbox.js';
export { createJsonLogger } from './log.js';
export { ConfigError } from './settings.js';
export { DestinationError, parseDestinations, redactDestination } from './destinations/url.js';
export { signWebhook } from './destinations/webhook.js';
export {
  DeliveryError,
  type Destination,
  type DeliveryAttachment,
  type DeliveryContext,
  type DeliveryResult,
  type DeliveryTicket,
} from './destinations/types.js';
export { runRelay, openDeliveries, type RelayProcess, type DeliveriesAdmin } from './standalone.js';
