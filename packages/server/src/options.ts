/** Where the server writes what went wrong (and the odd warning). `console` fits. */
export interface ServerLogger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export interface ServerOptions {
  /**
   * Where tickets are stored: `sqlite:<file>` (the parent folder is created),
   * `sqlite::memory:`, or `postgres://user:password@host:5432/db` (also `postgresql://`).
   * @default process.env.DATABASE_URL, else `sqlite:.data/porthole.db` (relative to the cwd)
   */
  databaseUrl?: string;
  /**
   * The bearer token agents send to read tickets (`GET /v1/tickets`). Without one the agent API
   * answers 403: there is no anonymous read access.
   * @default process.env.PORTHOLE_AGENT_TOKEN
   */
  agentToken?: string;
  /**
   * A compiled knowledge-base folder (`porthole build --out`), served at `/kb/`.
   * @default undefined (no `/kb/`)
   */
  kbDir?: string;
  /**
   * A site folder served at `/` (`index.html` for folders), with a strict
   * Content-Security-Policy on HTML pages.
   * @default undefined (no site)
   */
  staticDir?: string;
  /**
   * The widget's script-tag bundle, served at `/porthole.js` (and its `.map` beside it, when
   * present). The parts it loads when needed, `porthole-<name>-<hash>.js` (and their maps)
   * from the same folder, are served beside it, cached as immutable; the build's `.br`/`.gz`
   * copies are sent compressed in their place. Nothing else in that folder is served.
   * The CLI passes the path of `@porthole/widget/porthole.js`.
   * @default undefined (no `/porthole.js`)
   */
  widgetFile?: string;
  /**
   * Origins allowed to `POST /v1/tickets` from another site (CORS), e.g.
   * `['https://www.example.com']`; `['*']` allows any origin.
   * @default [] (same-origin only)
   */
  allowedOrigins?: readonly string[];
  /**
   * The largest request body `POST /v1/tickets` accepts, in bytes; larger ones get 413.
   * @default 131072 (128 KiB: a maximal ticket — a 20,000-character message in a three-byte script plus every other
   * field at its limit — fits with room to spare)
   */
  maxBodyBytes?: number;
  /**
   * Receives errors (with their stack, which never reaches a response), warnings and delivery
   * events. Never given credentials or message bodies.
   * @default JSON lines on stderr ({@link createJsonLogger})
   */
  logger?: ServerLogger;
  /**
   * Where every new ticket is forwarded, through the outbox: destination URLs such as
   * `zendesk+https://{email}%2Ftoken:{token}@acme.zendesk.com`,
   * `freshdesk+https://{key}:X@acme.freshdesk.com`,
   * `helpscout+https://{app_id}:{secret}@api.helpscout.net/?mailbox={id}`,
   * `webhook+https://hooks.example.com/porthole`, `smtp://user:pass@host:587?to=…&from=…`.
   * See docs/adapters.md.
   * @default process.env.PORTHOLE_DELIVER split on spaces, else none
   */
  deliver?: readonly string[];
  /**
   * Signs webhook deliveries and the attachment links they carry. Required with a `webhook+`
   * destination.
   * @default process.env.PORTHOLE_WEBHOOK_SECRET
   */
  webhookSecret?: string;
  /**
   * Checks `userHash` (HMAC-SHA256 of the email) to mark tickets `verified`.
   * @default process.env.PORTHOLE_IDENTITY_SECRET (without it no ticket is verified)
   */
  identitySecret?: string;
  /**
   * Run the outbox relay in this process. Turn it off when `porthole relay` runs on its own.
   * @default true
   */
  relay?: boolean;
  /** How the relay retries; each field falls back to its `PORTHOLE_DELIVERY_*` variable. */
  delivery?: Partial<DeliverySettings>;
  /**
   * Folder for uploaded attachments.
   * @default process.env.PORTHOLE_UPLOADS_DIR, else `uploads/` beside the SQLite file
   * (`.data/uploads` on PostgreSQL)
   */
  uploadsDir?: string;
  /** Attachment limits; each field falls back to its `PORTHOLE_ATTACHMENT_*` variable. */
  attachments?: Partial<AttachmentSettings>;
  /**
   * The metadata names a ticket may carry (custom and hidden fields), with their types. When
   * set, any other metadata name is refused.
   * @default process.env.PORTHOLE_TICKET_FIELDS (JSON, or the path of a JSON file), else any
   * metadata within the schema's limits
   */
  ticketFields?: readonly TicketFieldSpec[];
  /**
   * Query parameters kept in a ticket's `pageUrl`; every other parameter and the fragment are
   * removed before the ticket is stored.
   * @default process.env.PORTHOLE_PAGE_URL_PARAMS (comma-separated), else none
   */
  pageUrlParams?: readonly string[];
  /**
   * Tickets per client address: `{ limit: 20, windowMs: 60_000 }`, or `false` for none.
   * @default process.env.PORTHOLE_RATE_LIMIT (`20/min`, `5/10s`, `off`), else 20 per minute
   */
  rateLimit?: RateLimitSettings | false;
  /**
   * Take the client address from the last `X-Forwarded-For` entry (behind one reverse proxy).
   * @default process.env.PORTHOLE_TRUST_PROXY === '1'
   */
  trustProxy?: boolean;
  /**
   * How long an `Idempotency-Key` is remembered, in milliseconds.
   * @default process.env.PORTHOLE_IDEMPOTENCY_TTL (`24h`, `30m` …), else 24 hours
   */
  idempotencyTtlMs?: number;
  /**
   * This server's address as receivers see it (`https://help.example.com`), for the signed
   * attachment links in webhooks.
   * @default process.env.PORTHOLE_PUBLIC_URL
   */
  publicUrl?: string;
}

export interface DeliverySettings {
  /** Attempts before a delivery is dead-lettered. @default 12 */
  maxAttempts: number;
  /** Age (from the ticket's 201) after which a delivery is dead-lettered. @default 3 days */
  maxAgeMs: number;
  /** How long one attempt may take. @default 15 s */
  timeoutMs: number;
  /** First retry delay; doubles per attempt, with jitter. @default 2 s */
  baseDelayMs: number;
  /** The longest wait between attempts (a longer `Retry-After` still wins). @default 15 min */
  maxDelayMs: number;
  /** Attempts in flight at once in one relay. @default 16 */
  concurrency: number;
  /** How often an idle relay looks for work another process added. @default 1 s */
  pollMs: number;
}

export interface AttachmentSettings {
  /** Files per ticket; 0 turns attachments off. @default 5 */
  maxFiles: number;
  /** Bytes per file. @default 10 MiB */
  maxFileBytes: number;
  /** Bytes per ticket, all files together. @default 20 MiB */
  maxTotalBytes: number;
  /** Media types accepted, as found in the content. @default images, PDF, plain text */
  types: readonly string[];
}

export interface RateLimitSettings {
  limit: number;
  windowMs: number;
}

/** One allowed metadata name, as configured by the site owner. */
export interface TicketFieldSpec {
  /** The metadata key. */
  name: string;
  /** `hidden` values come from the page (plan, account id), the rest from the visitor. */
  type: 'text' | 'textarea' | 'select' | 'checkbox' | 'hidden';
  label?: string;
  required?: boolean;
  /** Allowed values of a `select`. */
  options?: readonly string[];
  /** Longest text value. @default 500 */
  maxLength?: number;
}

export interface StartServerOptions extends ServerOptions {
  /**
   * TCP port; `0` picks a free one (read it from the result).
   * @default 8787
   */
  port?: number;
  /**
   * Address to listen on. Use `0.0.0.0` to accept connections from other machines.
   * @default '127.0.0.1'
   */
  host?: string;
  /**
   * Milliseconds a client may take to send a whole request (headers and body) before the
   * connection is closed with 408.
   * @default 30000
   */
  requestTimeoutMs?: number;
}

export const DEFAULT_DATABASE_URL = 'sqlite:.data/porthole.db';
export const DEFAULT_MAX_BODY_BYTES = 128 * 1024;
