/** The agent half: reading tickets, their deliveries and their files, with the agent token. */
import type { Hono, MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { apiError } from '../errors.js';
import { decodeCursor, isTicketId, type TicketFilter, type TicketStore } from '../ticket-store.js';
import type { Uploads } from '../uploads.js';

const LIST_LIMIT_DEFAULT = 50;
const LIST_LIMIT_MAX = 200;
const STATUS = /^[a-z_]{1,32}$/;

/** A download that no browser renders in our origin: always a file, never a page. */
function fileResponse(content: Buffer, { name, type }: { name: string; type: string }): Response {
  return new Response(new Uint8Array(content), {
    headers: {
      'Content-Type': type,
      'Content-Length': String(content.byteLength),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    },
  });
}

function agentAuth(agentToken: string | undefined): MiddlewareHandler {
  if (!agentToken) {
    return async () => {
      throw apiError(
        403,
        'agent_api_disabled',
        'The agent API is off because no agent token is configured. Set PORTHOLE_AGENT_TOKEN (or the agentToken option) and restart the server.',
      );
    };
  }
  const unauthorized = {
    error: 'unauthorized',
    message: 'Send the agent token in the header Authorization: Bearer <token>.',
  };
  const auth = bearerAuth({
    token: agentToken,
    realm: 'porthole',
    noAuthenticationHeader: { message: unauthorized },
    invalidAuthenticationHeader: { message: unauthorized },
    invalidToken: { message: unauthorized },
  });
  return async (c, next) => {
    // Another scheme (Basic …) is a missing bearer token: 401 with the challenge, not 400.
    if (!/^Bearer\s/i.test(c.req.header('Authorization') ?? '')) {
      throw apiError(401, unauthorized.error, unauthorized.message, {
        headers: { 'WWW-Authenticate': 'Bearer realm="porthole"' },
      });
    }
    await auth(c, async () => {
      c.header('Cache-Control', 'no-store');
      await next();
    });
  };
}

function parseFilter(query: (name: string) => string | undefined): TicketFilter {
  const filter: TicketFilter = {};
  const status = query('status');
  if (status !== undefined) {
    if (!STATUS.test(status))
      throw apiError(400, 'invalid_query', 'status must be a status name such as open.');
    filter.status = status;
  }
  for (const bound of ['from', 'to'] as const) {
    const value = query(bound);
    if (value === undefined) continue;
    const time = Date.parse(value);
    if (Number.isNaN(time))
      throw apiError(
        400,
        'invalid_query',
        `${bound} must be a date such as 2026-12-01 or 2026-12-01T12:00:00Z.`,
      );
    filter[bound] = new Date(time).toISOString();
  }
  return filter;
}

export function mountAgentRoutes(
  app: Hono,
  store: TicketStore,
  uploads: Uploads,
  agentToken: string | undefined,
): void {
  const auth = agentAuth(agentToken);
  app.on(['GET', 'HEAD'], ['/v1/tickets', '/v1/tickets/*'], auth);

  app.get('/v1/tickets', async (c) => {
    const limitParam = c.req.query('limit');
    const limit = limitParam === undefined ? LIST_LIMIT_DEFAULT : Number(limitParam);
    if (!Number.isInteger(limit) || limit < 1 || limit > LIST_LIMIT_MAX) {
      throw apiError(
        400,
        'invalid_query',
        `limit must be a whole number from 1 to ${LIST_LIMIT_MAX}.`,
      );
    }
    const cursorParam = c.req.query('cursor');
    const cursor = cursorParam === undefined ? undefined : decodeCursor(cursorParam);
    if (cursorParam !== undefined && cursor === undefined) {
      throw apiError(400, 'invalid_query', 'cursor must be a nextCursor from an earlier page.');
    }
    return c.json(
      await store.list(
        limit,
        cursor,
        parseFilter((name) => c.req.query(name)),
      ),
    );
  });

  app.get('/v1/tickets/:id', async (c) => {
    const id = c.req.param('id');
    const ticket = isTicketId(id) ? await store.get(id) : undefined;
    if (!ticket) throw apiError(404, 'ticket_not_found', `There is no ticket ${id}.`);
    return c.json(ticket);
  });

  app.get('/v1/tickets/:id/attachments/:attachment', async (c) => {
    const id = c.req.param('id');
    const row = isTicketId(id) ? await uploads.find(c.req.param('attachment'), id) : undefined;
    if (!row) throw apiError(404, 'attachment_not_found', 'This ticket has no such attachment.');
    return fileResponse(await uploads.read(row.id), row);
  });

  // Signed, expiring links (in webhooks): no token, the signature is the permission.
  app.get('/v1/attachments/:attachment', async (c) => {
    const id = c.req.param('attachment');
    if (!uploads.verifyLink(id, c.req.query('expires'), c.req.query('signature'))) {
      throw apiError(403, 'link_invalid', 'This attachment link is invalid or has expired.');
    }
    const row = await uploads.find(id);
    if (!row) throw apiError(404, 'attachment_not_found', 'This attachment no longer exists.');
    return fileResponse(await uploads.read(row.id), row);
  });
}
