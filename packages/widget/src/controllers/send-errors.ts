import { isTicketError } from '@porthole/tickets';
import { formatTimeUntil } from '../i18n/format-time.js';
import texts from '../i18n/locales/en-outbox.js';
import { addEnglishTexts } from '../i18n/translator.js';
import type { Translator } from '../i18n/translator.js';
import { retryAfterOf } from './outbox.js';

// Shown only once this part has loaded, so they come with it (see i18n/english.ts).
addEnglishTexts(texts);

/**
 * What to tell a visitor whose message was neither accepted nor saved to be sent later. Only a
 * failure that trying again can fix says "check your connection"; a refusal says what it is:
 * too large (413), too many (429, with when to try again), or one that no retry will change.
 * Part of the `outbox` chunk: needed only when sending goes wrong.
 */
export function describeSendError(error: unknown, { t, locale }: Translator): string {
  if (!isTicketError(error)) return t('sendFailed');
  const { code, status } = error;
  if (status === 429) {
    const wait = retryAfterOf(error);
    return wait === undefined
      ? t('sendRateLimitedSoon')
      : t('sendRateLimited', { time: formatTimeUntil(wait / 1000, locale) });
  }
  if (status === 413) return t('sendTooLarge');
  if (code === 'network') return t('sendFailed');
  if (code === 'server' || error.retryable) return t('sendServerDown');
  // The adapter's or the server's own words: they say which field or file to change.
  if (code === 'invalid' || status === undefined) {
    return t('sendRejected', { reason: error.message });
  }
  return t('sendRejectedPermanent');
}
