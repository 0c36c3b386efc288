import { isTicketError } from '@porthole/tickets';
import { formatString } from '../core/strings.js';
import type { PortholeStrings } from '../core/strings.js';
import { retryAfterOf } from './outbox.js';

// The texts are English until the translated catalog is wired in; so are their numbers.
const LOCALE = 'en';

/**
 * "in 30 seconds", "in 2 minutes": a wait rounded up, so it never promises too early. (The
 * catalog's `formatTimeUntil` does this for every locale; it is not used here so that this
 * part and the attachments part share no code, which would become a file of its own.)
 */
function inTime(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return new Intl.RelativeTimeFormat(LOCALE, { numeric: 'always' }).format(
    seconds < 60 ? seconds : Math.ceil(seconds / 60),
    seconds < 60 ? 'second' : 'minute',
  );
}

/**
 * What to tell a visitor whose message was neither accepted nor saved to be sent later. Only a
 * failure that trying again can fix says "check your connection"; a refusal says what it is:
 * too large (413), too many (429, with when to try again), or one that no retry will change.
 * Part of the `outbox` chunk: needed only when sending goes wrong.
 */
export function describeSendError(error: unknown, strings: PortholeStrings): string {
  if (!isTicketError(error)) return strings.sendFailed;
  const { code, status } = error;
  if (status === 429) {
    const wait = retryAfterOf(error);
    return wait === undefined
      ? strings.sendRateLimitedSoon
      : formatString(strings.sendRateLimited, { time: inTime(wait) });
  }
  if (status === 413) return strings.sendTooLarge;
  if (code === 'network') return strings.sendFailed;
  if (code === 'server' || error.retryable) return strings.sendServerDown;
  // The adapter's or the server's own words: they say which field or file to change.
  if (code === 'invalid' || status === undefined) {
    return formatString(strings.sendRejected, { reason: error.message });
  }
  return strings.sendRejectedPermanent;
}
