import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * An answer of the ticket API that is not a success: thrown anywhere, formatted once by the
 * app's `onError` as `{ error, message, ...extra }` JSON.
 */
export function apiError(
  status: ContentfulStatusCode,
  error: string,
  message: string,
  {
    headers = {},
    extra = {},
  }: { headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
): HTTPException {
  return new HTTPException(status, {
    res: new Response(JSON.stringify({ error, message, ...extra }), {
      status,
      headers: { 'Content-Type': 'application/json; charset=UTF-8', ...headers },
    }),
  });
}
