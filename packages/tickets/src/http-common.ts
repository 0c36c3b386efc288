/** What the http adapter's submissions and uploads both need. */

export const MESSAGES = {
  network: 'Could not reach the help desk. Check your connection and try again.',
  server: 'The help desk is having trouble right now. Please try again in a few minutes.',
  busy: 'The help desk is busy right now. Please try again in a few minutes.',
  tooLarge: 'This message is too large to send. Shorten it and try again.',
  aborted: 'Sending the ticket was cancelled.',
} as const;

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
