/** What every HTTP destination shares: one attempt, read as success or a DeliveryError. */
import { DeliveryError } from './types.js';

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A short, credential-free summary of an error answer: the vendor's error code or title. */
function summarize(body: string): string {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const parts = ['error', 'description', 'message', 'code']
      .map((key) => parsed[key])
      .filter((v): v is string => typeof v === 'string');
    return parts.join(': ').slice(0, 200);
  } catch {
    return '';
  }
}

export interface SendResult {
  response: Response;
  body: string;
}

/**
 * One HTTP request. 2xx resolves; 429, 408, 409 and 5xx reject as retryable (with
 * `Retry-After`); other statuses reject as final; a network failure or timeout is retryable.
 */
export async function send(
  vendor: string,
  url: URL | string,
  init: RequestInit & { signal: AbortSignal },
): Promise<SendResult> {
  let response: Response;
  let body: string;
  try {
    response = await fetch(url, { ...init, redirect: 'error' });
    body = await response.text();
  } catch (error) {
    const reason = init.signal.aborted ? 'timed out' : 'could not be reached';
    throw new DeliveryError(`${vendor} ${reason}`, { retryable: true, cause: error });
  }
  const { status } = response;
  if (status >= 200 && status < 300) return { response, body };
  const summary = summarize(body);
  const message = `${vendor} answered ${status}${summary ? ` (${summary})` : ''}`;
  const retryable = status === 429 || status === 408 || status === 409 || status >= 500;
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
  throw new DeliveryError(message, {
    retryable,
    status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** The facts agents need that a help desk has no field for, as plain text under the message. */
export function describeContext(ticket: {
  reference: string;
  pageUrl: string | null;
  locale: string | null;
  verified: boolean;
  metadata: Record<string, unknown> | null;
}): string {
  const lines = [`Porthole reference: ${ticket.reference}`];
  if (ticket.pageUrl) lines.push(`Page: ${ticket.pageUrl}`);
  if (ticket.locale) lines.push(`Language: ${ticket.locale}`);
  lines.push(`Identity verified: ${ticket.verified ? 'yes' : 'no'}`);
  for (const [key, value] of Object.entries(ticket.metadata ?? {})) {
    lines.push(`${key}: ${String(value)}`);
  }
  return lines.join('\n');
}
