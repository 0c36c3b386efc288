/**
 * The public half of the ticket API: `POST /v1/uploads` and `POST /v1/tickets`. Everything a
 * request can get wrong is an `apiError`, formatted by the app's one `onError`.
 */
import { parseTicket, serializeTicket, type Ticket, type TicketReceipt } from '@porthole/tickets';
import { createReference } from '@porthole/tickets';
import { randomUUID } from 'node:crypto';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { apiError } from '../errors.js';
import type { NewTicket, CreateTicketResult } from '../intake.js';
import type { ServerLogger } from '../options.js';
import { rateLimit } from '../rate-limit.js';
import type { Settings } from '../settings.js';
import {
  checkFields,
  cleanPageUrl,
  hashRequest,
  isVerified,
  scopeIdempotencyKey,
} from '../ticket-input.js';
import type { Uploads } from '../uploads.js';

/** `Idempotency-Key`: 1–255 printable ASCII characters. */
const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,255}$/;

function isJson(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || /^application\/[\w.+-]+\+json$/.test(mediaType);
}

function limitBody(maxSize: number, message: string): MiddlewareHandler {
  const tooLarge = () => {
    throw apiError(413, 'payload_too_large', message);
  };
  const limit = bodyLimit({ maxSize, onError: tooLarge });
  return (c, next) => {
    // With a Content-Length (and no Transfer-Encoding) the length is all Hono's bodyLimit
    // checks (Node's parser never reads past it), but it reads `c.req.raw.body` first, and
    // that makes @hono/node-server build a whole web Request around the socket (a
    // ReadableStream, an AbortController, undici's Request): a third of a ticket's CPU time.
    // Checked here, the body is then read straight from the socket. Chunked bodies, whose
    // size is only known by reading them, still go through bodyLimit.
    const length = c.req.header('Content-Length');
    if (length !== undefined && c.req.header('Transfer-Encoding') === undefined) {
      return Number.parseInt(length, 10) > maxSize ? tooLarge() : next();
    }
    return limit(c, next);
  };
}

async function readJson(c: Context): Promise<unknown> {
  try {
    // fatal: bytes that are not UTF-8 are refused, never replaced with U+FFFD.
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer()));
  } catch {
    throw apiError(400, 'invalid_json', 'The request body is not valid UTF-8 JSON.');
  }
}

export interface IntakeRoutes {
  settings: Settings;
  uploads: Uploads;
  write(item: NewTicket): Promise<CreateTicketResult>;
  logger: ServerLogger;
  /** Runs first on every POST: the Origin check and CORS. */
  guard: MiddlewareHandler;
}

/** The ticket as it is stored: the page address trimmed, the identity proof and honeypot gone. */
function toStoredTicket(ticket: Ticket, settings: Settings): Ticket {
  const rest: Ticket = { ...ticket };
  delete rest.userHash;
  delete rest.website;
  delete rest.pageUrl;
  const cleaned = cleanPageUrl(ticket.pageUrl, settings.pageUrlParams);
  return cleaned === undefined ? rest : { ...rest, pageUrl: cleaned };
}

function answer(c: Context, result: CreateTicketResult): Response {
  if (result.outcome === 'conflict') {
    throw apiError(
      422,
      'idempotency_key_reused',
      'This Idempotency-Key was already used for a different ticket. Use a new key for a new ticket.',
    );
  }
  if (result.outcome === 'attachments_invalid') {
    throw apiError(400, 'invalid_ticket', result.message, {
      extra: { fieldErrors: { attachments: result.message } },
    });
  }
  if (result.outcome === 'replayed') c.header('Idempotent-Replayed', 'true');
  c.header('Cache-Control', 'no-store');
  c.header('Location', `/v1/tickets/${result.receipt.id}`);
  return c.json(result.receipt, 201);
}

export function mountIntakeRoutes(app: Hono, routes: IntakeRoutes): void {
  const { settings, uploads, logger } = routes;
  const limiter: MiddlewareHandler[] = settings.rateLimit
    ? [rateLimit(settings.rateLimit, settings.trustProxy)]
    : [];
  const uploadLimiter: MiddlewareHandler[] = settings.rateLimit
    ? [
        rateLimit(
          {
            ...settings.rateLimit,
            limit: settings.rateLimit.limit * Math.max(1, settings.attachments.maxFiles),
          },
          settings.trustProxy,
        ),
      ]
    : [];

  // The limits, so a form can refuse a file before uploading it. The answer to the upload
  // itself stays the truth: these only save a visitor a wasted upload.
  app.get('/v1/uploads', routes.guard, (c) => {
    const { maxFiles, maxFileBytes, maxTotalBytes, types } = settings.attachments;
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ maxFiles, maxFileBytes, maxTotalBytes, types });
  });

  app.post(
    '/v1/uploads',
    routes.guard,
    ...uploadLimiter,
    // Room for the multipart envelope around the file.
    limitBody(
      settings.attachments.maxFileBytes + 64 * 1024,
      `The file is larger than the limit of ${settings.attachments.maxFileBytes} bytes.`,
    ),
    async (c) => {
      if (!/^multipart\/form-data\b/i.test(c.req.header('Content-Type') ?? '')) {
        throw apiError(
          415,
          'unsupported_media_type',
          'Send the file as multipart/form-data in a part named file.',
        );
      }
      const form = await c.req.parseBody().catch(() => {
        throw apiError(400, 'invalid_upload', 'The upload is not readable multipart/form-data.');
      });
      const file = form.file;
      if (!(file instanceof File)) {
        throw apiError(400, 'invalid_upload', 'Send exactly one file in a part named file.');
      }
      const stored = await uploads.store(file);
      c.header('Cache-Control', 'no-store');
      return c.json(stored, 201);
    },
  );

  app.post(
    '/v1/tickets',
    routes.guard,
    ...limiter,
    async (c, next) => {
      if (!isJson(c.req.header('Content-Type'))) {
        throw apiError(
          415,
          'unsupported_media_type',
          'Send the ticket as JSON with the header Content-Type: application/json.',
        );
      }
      return next();
    },
    limitBody(
      settings.maxBodyBytes,
      `The request body is larger than ${settings.maxBodyBytes} bytes. Shorten the message.`,
    ),
    async (c) => {
      const key = c.req.header('Idempotency-Key');
      if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
        throw apiError(
          400,
          'invalid_idempotency_key',
          'The Idempotency-Key header must be 1 to 255 printable ASCII characters.',
        );
      }
      const parsed = parseTicket(await readJson(c));
      if (!parsed.success) {
        throw apiError(400, 'invalid_ticket', parsed.message, {
          extra: { fieldErrors: parsed.fieldErrors },
        });
      }
      if (parsed.ticket.website) {
        // The honeypot was filled in: answer like a success so the bot learns nothing.
        logger.info('honeypot ticket dropped');
        const decoy: TicketReceipt = {
          id: randomUUID(),
          reference: createReference(),
          createdAt: new Date().toISOString(),
        };
        c.header('Cache-Control', 'no-store');
        return c.json(decoy, 201);
      }
      if (settings.ticketFields) {
        const fieldErrors = checkFields(parsed.ticket.metadata, settings.ticketFields);
        const first = Object.values(fieldErrors)[0];
        if (first) throw apiError(400, 'invalid_ticket', first, { extra: { fieldErrors } });
      }
      const ticket = toStoredTicket(parsed.ticket, settings);
      const userAgent = c.req.header('User-Agent')?.slice(0, 512);
      const result = await routes.write({
        ticket,
        requestHash: hashRequest(serializeTicket(ticket)),
        verified: isVerified(parsed.ticket.email, parsed.ticket.userHash, settings.identitySecret),
        ...(key === undefined ? {} : { keyHash: scopeIdempotencyKey(key, ticket.email) }),
        ...(userAgent === undefined ? {} : { userAgent }),
      });
      return answer(c, result);
    },
  );
}
