/**
 * Tickets per client address in a fixed window: enough to stop a script from filling the
 * database or a help desk, with no effect on a person. In memory, per process: several
 * servers behind a balancer each allow the limit.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { apiError } from './errors.js';
import type { RateLimitSettings } from './options.js';

/** The address a request came from; behind a proxy, the one the proxy saw. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.fetch() without a socket (tests, other runtimes).
    return 'unknown';
  }
}

export function rateLimit(settings: RateLimitSettings, trustProxy: boolean): MiddlewareHandler {
  const windows = new Map<string, { start: number; count: number }>();
  let sweptAt = 0;
  return async (c, next) => {
    const now = Date.now();
    if (now - sweptAt > settings.windowMs) {
      for (const [key, window] of windows)
        if (now - window.start >= settings.windowMs) windows.delete(key);
      sweptAt = now;
    }
    const key = clientAddress(c, trustProxy);
    let window = windows.get(key);
    if (!window || now - window.start >= settings.windowMs) {
      window = { start: now, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count > settings.limit) {
      const seconds = Math.max(1, Math.ceil((window.start + settings.windowMs - now) / 1000));
      throw apiError(
        429,
        'rate_limited',
        `Too many requests from this address. Try again in ${seconds} seconds.`,
        {
          headers: { 'Retry-After': String(seconds) },
        },
      );
    }
    await next();
  };
}
