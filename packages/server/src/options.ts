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
   * Receives errors (with their stack, which never reaches a response) and warnings.
   * @default console
   */
  logger?: ServerLogger;
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
}

export const DEFAULT_DATABASE_URL = 'sqlite:.data/porthole.db';
export const DEFAULT_MAX_BODY_BYTES = 128 * 1024;
