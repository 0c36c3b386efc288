import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import {
  isDatabaseUnavailable,
  openDatabase,
  type DatabaseKind,
  type OpenDatabase,
} from './database.js';
import { parseDestinations } from './destinations/url.js';
import type { Destination, DeliveryTicket } from './destinations/types.js';
import { apiError } from './errors.js';
import { createIntake } from './intake.js';
import { createJsonLogger } from './log.js';
import type { ServerLogger, ServerOptions } from './options.js';
import { createRelay, type Relay } from './relay.js';
import { mountAgentRoutes } from './routes/agent.js';
import { mountIntakeRoutes } from './routes/intake.js';
import { resolveSettings, type Settings } from './settings.js';
import {
  HTML_HEADERS,
  IMMUTABLE_CACHE,
  serveFile,
  serveFromFolder,
  type ServeFileOptions,
} from './static.js';
import { createTicketStore, type TicketStore } from './ticket-store.js';
import { createUploads, type Uploads } from './uploads.js';

export interface PortholeServer {
  /** The Hono app; `app.fetch(request)` is a standard fetch handler. */
  app: Hono;
  /** Which database `databaseUrl` chose. */
  databaseKind: DatabaseKind;
  /** The outbox relay of this process, when it runs one. */
  relay: Relay | undefined;
  /** Stop the relay, then close the database (connections, file handles). */
  close(): Promise<void>;
}

const NOT_FOUND = {
  error: 'not_found',
  message: 'Nothing here. The ticket API is at /v1/tickets.',
} as const;

/** Browsers send about 20; hundreds mean a broken or hostile client. */
const MAX_HEADERS = 200;

/** Housekeeping: expired idempotency keys and unclaimed uploads. */
const PURGE_INTERVAL_MS = 10 * 60_000;

/** The host a browser on this server's own pages would send as Origin. */
function isSameOrigin(c: Context, origin: string, settings: Settings): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const own = [c.req.header('Host')];
  if (settings.trustProxy) own.push(c.req.header('X-Forwarded-Host'));
  if (settings.publicUrl) own.push(new URL(settings.publicUrl).host);
  return own.includes(host);
}

/**
 * Origin on every POST, not only on the preflight: a page on another site may send a simple
 * `multipart/form-data` POST without any preflight. Then Hono's CORS for allowed origins.
 */
function originGuard(settings: Settings): MiddlewareHandler {
  const allowed = (origin: string) =>
    settings.allowedOrigins.includes('*') || settings.allowedOrigins.includes(origin);
  const corsHeaders = cors({
    origin: (origin) => (allowed(origin) ? origin : null),
    allowMethods: ['POST'],
    allowHeaders: ['Content-Type', 'Idempotency-Key'],
    exposeHeaders: ['Idempotent-Replayed', 'Location', 'Retry-After'],
    maxAge: 600,
  });
  return async (c, next) => {
    const origin = c.req.header('Origin');
    if (origin !== undefined && !allowed(origin) && !isSameOrigin(c, origin, settings)) {
      c.header('Vary', 'Origin', { append: true });
      throw apiError(403, 'origin_not_allowed', 'This origin may not send tickets here.');
    }
    return corsHeaders(c, next);
  };
}

/**
 * The widget's files: `porthole.js` and the parts it imports from beside itself, whose names
 * carry a content hash (`porthole-panel-1k2j3h4g5f.js`), each with its `.map`. Nothing else in
 * the widget's folder is ever served (not even the `.br`/`.gz` copies, which are sent as the
 * compressed form of these names).
 */
const WIDGET_FILE = /^porthole(-[a-z0-9]+)*\.js(\.map)?$/;
/** A content hash in a KB file name (`index/en.418990dd.json`): the name changes with it. */
const HASHED_KB_FILE = /\.[0-9a-f]{8,}\.[a-z0-9]+$/;

function mountStatic(
  app: Hono,
  { kbDir, staticDir, widgetFile }: Pick<ServerOptions, 'kbDir' | 'staticDir' | 'widgetFile'>,
): void {
  // The widget and the KB are public files a page on another origin may load (module scripts
  // and fetch() both use CORS mode), so they say so; the site's own pages don't.
  // porthole.js keeps its name across versions, so it is cached briefly; its parts and the
  // KB's indexes and articles are named by their content and never change.
  const widget: ServeFileOptions = { cacheControl: 'public, max-age=300', crossOrigin: true };
  const widgetPart: ServeFileOptions = { cacheControl: IMMUTABLE_CACHE, crossOrigin: true };
  const kb: ServeFileOptions = {
    // manifest.json names the current hashed files: always revalidated (a 304 when unchanged).
    cacheControl: (file) => (HASHED_KB_FILE.test(file) ? IMMUTABLE_CACHE : 'no-cache'),
    crossOrigin: true,
  };
  const page: ServeFileOptions = { cacheControl: 'no-cache', htmlHeaders: HTML_HEADERS };

  if (widgetFile) {
    const widgetDir = dirname(widgetFile);
    app.get('/:file', async (c, next) => {
      // The raw path, not the decoded parameter: an escaped `/` or `.` never matches.
      const name = new URL(c.req.url).pathname.slice(1);
      if (!WIDGET_FILE.test(name)) return next();
      const isEntry = name === 'porthole.js' || name === 'porthole.js.map';
      const file = isEntry
        ? `${widgetFile}${name.slice('porthole.js'.length)}`
        : join(widgetDir, name);
      return (await serveFile(file, c, isEntry ? widget : widgetPart)) ?? c.notFound();
    });
  }

  const mount = (prefix: string, root: string, options: ServeFileOptions) => {
    app.get(`${prefix}*`, async (c) => {
      const pathname = new URL(c.req.url).pathname;
      if (!pathname.startsWith(prefix)) return c.redirect(prefix, 301);
      const result = await serveFromFolder(root, pathname.slice(prefix.length - 1), c, options);
      if (result.kind === 'file') return result.response;
      if (result.kind === 'redirect') return c.redirect(result.location, 301);
      return c.notFound();
    });
  };
  if (kbDir) mount('/kb/', kbDir, kb);
  if (staticDir) mount('/', staticDir, page);
}

function createTicketLoader(store: TicketStore, uploads: Uploads, settings: Settings) {
  return async (id: string): Promise<DeliveryTicket | undefined> => {
    // The record only: a delivery needs neither the other deliveries nor the agent links.
    const ticket = await store.record(id);
    if (!ticket) return undefined;
    return {
      id: ticket.id,
      reference: ticket.reference,
      createdAt: ticket.createdAt,
      email: ticket.email,
      name: ticket.name,
      subject: ticket.subject,
      message: ticket.message,
      locale: ticket.locale,
      pageUrl: ticket.pageUrl,
      metadata: ticket.metadata,
      verified: ticket.verified,
      attachments: await uploads.forTicket(
        id,
        settings.publicUrl ? { publicUrl: settings.publicUrl } : undefined,
      ),
    };
  };
}

/** Destinations from the settings, with the checks that need more than one setting. */
export function resolveDestinations(settings: Settings): Destination[] {
  const destinations = parseDestinations(settings.deliver, {
    webhookSecret: settings.webhookSecret,
  });
  if (
    destinations.some((d) => d.kind === 'webhook') &&
    settings.attachments.maxFiles > 0 &&
    !settings.publicUrl
  ) {
    throw new Error(
      'A webhook destination links attachments by URL: set PORTHOLE_PUBLIC_URL (this server as receivers reach it), or turn attachments off with PORTHOLE_ATTACHMENT_TYPES=off.',
    );
  }
  return destinations;
}

export interface Runtime {
  settings: Settings;
  database: OpenDatabase;
  store: TicketStore;
  uploads: Uploads;
  destinations: Destination[];
  loadTicket: (id: string) => Promise<DeliveryTicket | undefined>;
}

/** Settings, destinations and the database: what both `serve` and `relay` start from. */
export async function openRuntime(options: ServerOptions, logger: ServerLogger): Promise<Runtime> {
  const settings = resolveSettings(options);
  const destinations = resolveDestinations(settings);
  const database = await openDatabase(settings.databaseUrl, logger);
  const store = createTicketStore(database.db, database.kind);
  const uploads = createUploads(
    database.db,
    settings.uploadsDir,
    settings.attachments,
    settings.webhookSecret,
  );
  return {
    settings,
    database,
    store,
    uploads,
    destinations,
    loadTicket: createTicketLoader(store, uploads, settings),
  };
}

function mountHealth(app: Hono, runtime: Runtime, logger: ServerLogger): void {
  const { database, store } = runtime;
  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      if (!database.isReady()) throw new Error('the schema is not ready');
      await store.ping();
      return c.json({ status: 'ok', database: database.kind });
    } catch (error) {
      logger.warn('health check failed', { error });
      c.header('Retry-After', '5');
      return c.json(
        { status: 'error', database: database.kind, message: 'The database does not answer.' },
        503,
      );
    }
  });
}

/** One place that turns every error into the API's JSON shape, and nothing internal. */
function formatErrors(app: Hono, logger: ServerLogger): void {
  app.notFound((c) => c.json(NOT_FOUND, 404));
  app.onError(async (error, c) => {
    if (error instanceof HTTPException) {
      const response = error.getResponse();
      const headers = Object.fromEntries(response.headers);
      return c.body(await response.text(), error.status, headers);
    }
    if (isDatabaseUnavailable(error)) {
      logger.warn('database unavailable', { method: c.req.method, path: c.req.path, error });
      c.header('Retry-After', '5');
      return c.json(
        {
          error: 'database_unavailable',
          message: 'We cannot store messages right now. Please try again in a moment.',
        },
        503,
      );
    }
    logger.error('request failed', { method: c.req.method, path: c.req.path, error });
    return c.json(
      {
        error: 'internal_error',
        message: 'Something went wrong on our side. Please try again in a moment.',
      },
      500,
    );
  });
}

/**
 * Build the Porthole server: the ticket intake and agent APIs, uploads, `/healthz`, the
 * outbox relay, and the optional static mounts. Opens the database and runs pending
 * migrations before it resolves (on PostgreSQL that is not answering yet, it resolves at once
 * and answers 503 until the database is back).
 *
 * ```ts
 * const { app, close } = await createServer({ databaseUrl: 'sqlite:.data/porthole.db' });
 * const response = await app.fetch(new Request('http://localhost/healthz'));
 * ```
 */
export async function createServer(options: ServerOptions = {}): Promise<PortholeServer> {
  const logger: ServerLogger = options.logger ?? createJsonLogger();
  const runtime = await openRuntime(options, logger);
  const { settings, database, store, uploads, destinations } = runtime;
  if (settings.agentToken !== undefined && settings.agentToken.length < 16) {
    logger.warn('The agent token is shorter than 16 characters; use a long random one.');
  }
  if (options.widgetFile && !existsSync(options.widgetFile)) {
    logger.warn('The widget file does not exist yet; /porthole.js answers 404 until it does.', {
      widgetFile: options.widgetFile,
    });
  }

  const relay =
    settings.relay && destinations.length > 0
      ? createRelay({
          db: database.db,
          kind: database.kind,
          groupCommit: database.groupCommit,
          destinations,
          settings: settings.delivery,
          logger,
          loadTicket: runtime.loadTicket,
          intakeIsBusy: () => intake.isBusy(),
        })
      : undefined;
  const intake = createIntake({
    db: database.db,
    kind: database.kind,
    ...(database.sqlite ? { sqlite: database.sqlite } : {}),
    ...(database.groupCommit ? { groupCommit: database.groupCommit } : {}),
    destinations: destinations.map((d) => d.name),
    idempotencyTtlMs: settings.idempotencyTtlMs,
    attachmentLimits: settings.attachments,
    ...(relay ? { onCommit: () => relay.kick() } : {}),
  });

  const app = new Hono();
  app.use(
    secureHeaders({
      // The widget and KB files are loaded by other sites' pages; static.ts says which.
      crossOriginResourcePolicy: false,
      crossOriginOpenerPolicy: false,
      // HSTS belongs to the TLS terminator in front of this server.
      strictTransportSecurity: false,
      referrerPolicy: 'strict-origin-when-cross-origin',
    }),
  );
  app.use(async (c, next) => {
    let count = 0;
    c.req.raw.headers.forEach(() => (count += 1));
    if (count > MAX_HEADERS) {
      throw apiError(431, 'too_many_headers', `Send at most ${MAX_HEADERS} request headers.`);
    }
    await next();
  });
  mountHealth(app, runtime, logger);
  app.use('/v1/*', async (_c, next) => {
    if (!database.isReady())
      throw apiError(
        503,
        'database_unavailable',
        'We cannot store messages right now. Please try again in a moment.',
        { headers: { 'Retry-After': '5' } },
      );
    await next();
  });
  const guard = originGuard(settings);
  app.options('/v1/tickets', guard);
  app.options('/v1/uploads', guard);
  mountIntakeRoutes(app, { settings, uploads, write: intake.write, logger, guard });
  mountAgentRoutes(app, store, uploads, settings.agentToken);
  for (const [path, allow] of [
    ['/v1/tickets', 'GET, HEAD, POST, OPTIONS'],
    ['/v1/uploads', 'GET, HEAD, POST, OPTIONS'],
    ['/v1/tickets/:id', 'GET, HEAD'],
    ['/healthz', 'GET, HEAD'],
  ] as const) {
    app.all(path, (c) => {
      throw apiError(405, 'method_not_allowed', `${c.req.method} is not allowed here.`, {
        headers: { Allow: allow },
      });
    });
  }
  mountStatic(app, options);
  formatErrors(app, logger);

  relay?.start();
  const purge = setInterval(() => {
    void Promise.all([
      store.purgeIdempotencyKeys(settings.idempotencyTtlMs),
      uploads.purgeUnclaimed(),
    ]).catch((error: unknown) => logger.warn('housekeeping failed', { error }));
  }, PURGE_INTERVAL_MS).unref();

  return {
    app,
    databaseKind: database.kind,
    relay,
    close: async () => {
      clearInterval(purge);
      await relay?.stop();
      await database.db.destroy();
    },
  };
}
