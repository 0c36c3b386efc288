export type {
  FieldErrors,
  FieldIssue,
  FieldIssueCode,
  SubmitOptions,
  TicketAdapter,
  TicketErrorCode,
  TicketReceipt,
  UploadOptions,
  UploadedAttachment,
} from './types.js';
export {
  TICKET_LIMITS,
  UPLOAD_ID,
  parseTicket,
  serializeTicket,
  ticketSchema,
  type ParseTicketResult,
  type Ticket,
  type TicketInput,
  type TicketMetadata,
} from './schema.js';
export { UPLOAD_TYPE_NAMES } from './upload-types.js';
export { TicketError, isTicketError, type TicketErrorOptions } from './errors.js';
export { REFERENCE_PATTERN, createIdempotencyKey, createReference } from './ids.js';
export { createHttpAdapter, type HttpAdapterOptions } from './http-adapter.js';
export {
  createMemoryAdapter,
  type MemoryAdapter,
  type MemoryAdapterOptions,
  type StoredTicket,
} from './memory-adapter.js';
