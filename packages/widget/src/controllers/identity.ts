import type { Ticket } from '@porthole/tickets';
import type { PortholeUser } from '../core/options.js';
import { issueWarning } from '../core/warnings.js';

/** What `PORTHOLE_IDENTITY_SECRET` verification expects: 64 hex digits of HMAC-SHA256. */
const USER_HASH = /^[0-9a-f]{64}$/i;

/**
 * The ticket with the site's proof of who the visitor is, when it applies: `userHash` goes
 * only with the very email it was made for (the server checks the HMAC of the email exactly as
 * sent), never with an address the visitor typed instead, and nothing else is added.
 */
export function withIdentity(ticket: Ticket, user: PortholeUser): Ticket {
  const { email, userHash } = user;
  if (!userHash || email?.trim() !== ticket.email) return ticket;
  if (!USER_HASH.test(userHash)) {
    issueWarning('bad-user-hash', 'userHash is not 64 hex digits; it was not sent.');
    return ticket;
  }
  return { ...ticket, userHash };
}
