import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseTicket } from '@porthole/tickets';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { openDatabase, type DatabaseKind } from './database.js';
import {
  DEFAULT_DATABASE_URL,
  DEFAULT_MAX_BODY_BYTES,
  type ServerLogger,
  type ServerOptions,
} from './options.js';
import {
  HTML_HEADERS,
  IMMUTABLE_CACHE,
  SECURITY_HEADERS,
  serveFile,
  serveFromFolder,
  type ServeFileOptions,
} from './static.js';
import { createTicketStore, decodeCursor, isTicketId, type TicketStore } from './ticket-store.js';

export interface PortholeServer {
  /** The Hono app; `app.fetch(request)` is a standard fetch handler. */
  app: Hono;
  /** Which database `databaseUrl` chose. */
  databaseKind: DatabaseKind;
  /** Close the database (connections, file handles). */
  close(): Promise<void>;
}

/** `Idempotency-Key`: 1–255 printable ASCII characters. */
const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,255}$/;
const LIST_LIMIT_DEFAULT = 50;
const LIST_LIMIT_MAX = 200;

const NOT_FOUND = {
  error: 'not_found',
  message: 'Nothing here. The ticket API is at /v1/tickets.',
} as const;

function sendError(
  c: Context,
  status: ContentfulStatusCode,
  error: string,
  message: string,
  extra: Record<string, unknown> = {},
): Response {
  return c.json({ error, message, ...extra }, status);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Compare fixed-length digests so the time taken says nothing about the token. */
function isSameToken(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function isJson(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || /^application\/[\w.+-]+\+json$/.test(mediaType);
}

function addCors(c: Context, allowedOrigins: readonly string[]): boolean {
  const origin = c.req.header('Origin');
  if (!origin || !(allowedOrigins.includes('*') || allowedOrigins.includes(origin))) return false;
  c.header('Access-Control-Allow-Origin', origin);
  c.header('Vary', 'Origin', { append: true });
  c.header('Access-Control-Expose-Headers', 'Idempotent-Replayed');
  return true;
}

function mountIntakeApi(
  app: Hono,
  store: TicketStore,
  { allowedOrigins, maxBodyBytes }: { allowedOrigins: readonly string[]; maxBodyBytes: number },
): void {
  app.options('/v1/tickets', (c) => {
    if (!addCors(c, allowedOrigins)) {
      return sendError(c, 403, 'origin_not_allowed', 'This origin may not send tickets here.');
    }
    c.header('Access-Control-Allow-Methods', 'POST');
    c.header('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key');
    c.header('Access-Control-Max-Age', '600');
    return c.body(null, 204);
  });

  app.post(
    '/v1/tickets',
    async (c, next) => {
      addCors(c, allowedOrigins);
      if (!isJson(c.req.header('Content-Type'))) {
        return sendError(
          c,
          415,
          'unsupported_media_type',
          'Send the ticket as JSON with the header Content-Type: application/json.',
        );
      }
      return next();
    },
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) =>
        sendError(
          c,
          413,
          'payload_too_large',
          `The request body is larger than ${maxBodyBytes} bytes. Shorten the message.`,
        ),
    }),
    async (c) => {
      const key = c.req.header('Idempotency-Key');
      if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
        return sendError(
          c,
          400,
          'invalid_idempotency_key',
          'The Idempotency-Key header must be 1 to 255 printable ASCII characters.',
        );
      }
      let body: unknown;
      try {
        // fatal: bytes that are not UTF-8 are refused, never replaced with U+FFFD.
        const text = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
        body = JSON.parse(text);
      } catch {
        return sendError(c, 400, 'invalid_json', 'The request body is not valid UTF-8 JSON.');
      }
      const parsed = parseTicket(body);
      if (!parsed.success) {
        return sendError(c, 400, 'invalid_ticket', parsed.message, {
          fieldErrors: parsed.fieldErrors,
        });
      }
      const userAgent = c.req.header('User-Agent')?.slice(0, 512);
      const result = await store.create(parsed.ticket, {
        ...(key === undefined ? {} : { idempotencyKey: key }),
        ...(userAgent === undefined ? {} : { userAgent }),
      });
      if (result.outcome === 'conflict') {
        return sendError(
          c,
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was already used for a different ticket. Use a new key for a new ticket.',
        );
      }
      if (result.outcome === 'replayed') c.header('Idempotent-Replayed', 'true');
      c.header('Cache-Control', 'no-store');
      c.header('Location', `/v1/tickets/${result.receipt.id}`);
      return c.json(result.receipt, 201);
    },
  );
}

function mountAgentApi(app: Hono, store: TicketStore, agentToken: string | undefined): void {
  app.use('/v1/tickets/*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    if (!agentToken) {
      return sendError(
        c,
        403,
        'agent_api_disabled',
        'The agent API is off because no agent token is configured. Set PORTHOLE_AGENT_TOKEN (or the agentToken option) and restart the server.',
      );
    }
    const match = /^Bearer +(\S+) *$/i.exec(c.req.header('Authorization') ?? '');
    if (!match?.[1] || !isSameToken(match[1], agentToken)) {
      c.header('WWW-Authenticate', 'Bearer realm="porthole"');
      return sendError(
        c,
        401,
        'unauthorized',
        'Send the agent token in the header Authorization: Bearer <token>.',
      );
    }
    c.header('Cache-Control', 'no-store');
    return next();
  });

  app.get('/v1/tickets', async (c) => {
    const limitParam = c.req.query('limit');
    const limit = limitParam === undefined ? LIST_LIMIT_DEFAULT : Number(limitParam);
    if (!Number.isInteger(limit) || limit < 1 || limit > LIST_LIMIT_MAX) {
      return sendError(
        c,
        400,
        'invalid_query',
        `limit must be a whole number from 1 to ${LIST_LIMIT_MAX}.`,
      );
    }
    const cursorParam = c.req.query('cursor');
    const cursor = cursorParam === undefined ? undefined : decodeCursor(cursorParam);
    if (cursorParam !== undefined && cursor === undefined) {
      return sendError(
        c,
        400,
        'invalid_query',
        'cursor must be a nextCursor from an earlier page.',
      );
    }
    return c.json(await store.list(limit, cursor));
  });

  app.get('/v1/tickets/:id', async (c) => {
    const id = c.req.param('id');
    const ticket = isTicketId(id) ? await store.get(id) : undefined;
    if (!ticket) return sendError(c, 404, 'ticket_not_found', `There is no ticket ${id}.`);
    return c.json(ticket);
  });
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

/**
 * Build the Porthole server: the ticket intake and agent APIs, `/healthz`, and the optional
 * static mounts. Opens the database and runs pending migrations before it resolves.
 *
 * ```ts
 * const { app, close } = await createServer({ databaseUrl: 'sqlite:.data/porthole.db' });
 * const response = await app.fetch(new Request('http://localhost/healthz'));
 * ```
 */
export async function createServer(options: ServerOptions = {}): Promise<PortholeServer> {
  const logger: ServerLogger = options.logger ?? console;
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const agentToken = options.agentToken ?? process.env.PORTHOLE_AGENT_TOKEN;
  const allowedOrigins = options.allowedOrigins ?? [];
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (agentToken !== undefined && agentToken !== '' && agentToken.length < 16) {
    logger.warn('The agent token is shorter than 16 characters; use a long random one.');
  }
  if (options.widgetFile && !existsSync(options.widgetFile)) {
    logger.warn('The widget file does not exist yet; /porthole.js answers 404 until it does.', {
      widgetFile: options.widgetFile,
    });
  }

  const { db, kind } = await openDatabase(databaseUrl, logger);
  const store = createTicketStore(db);
  const app = new Hono();

  app.use(async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  });

  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await store.ping();
      return c.json({ status: 'ok', database: kind });
    } catch (error) {
      logger.error('health check failed', { error });
      return c.json(
        { status: 'error', database: kind, message: 'The database does not answer.' },
        503,
      );
    }
  });

  mountIntakeApi(app, store, { allowedOrigins, maxBodyBytes });
  mountAgentApi(app, store, agentToken || undefined);
  for (const [path, allow] of [
    ['/v1/tickets', 'GET, HEAD, POST, OPTIONS'],
    ['/v1/tickets/:id', 'GET, HEAD'],
    ['/healthz', 'GET, HEAD'],
  ] as const) {
    app.all(path, (c) => {
      c.header('Allow', allow);
      return sendError(c, 405, 'method_not_allowed', `${c.req.method} is not allowed here.`);
    });
  }
  mountStatic(app, options);

  app.notFound((c) => c.json(NOT_FOUND, 404));
  app.onError((error, c) => {
    logger.error('request failed', { method: c.req.method, path: c.req.path, error });
    return sendError(
      c,
      500,
      'internal_error',
      'Something went wrong on our side. Please try again in a moment.',
    );
  });

  return {
    app,
    databaseKind: kind,
    close: () => db.destroy(),
  };
}
