/**
 * English texts shown only by the outbox part (`porthole-outbox-*.js`): what to say when sending goes wrong in a way
 * that trying again will not fix, or only later. They are part
 * of the English catalog (`english.ts` joins them to `en.ts`), and live apart so that the part carries
 * them (`controllers/send-errors.ts` adds them to the English fallback) and a visit that never needs
 * the part never downloads them. Other languages keep them in their one catalog.
 */
const outbox = {
  /** The server answered with an error (5xx) and nothing is queued. */
  sendServerDown: 'Our help desk isn’t responding right now. Try again in a few minutes.',
  /** The server refused the message and said why (`{reason}`: its words). */
  sendRejected: 'Your message wasn’t accepted: {reason}',
  /** The server refused the message (a 4xx answer) and sending it again will not help. */
  sendRejectedPermanent:
    'Your message couldn’t be accepted, and trying again won’t change that. Please contact us another way.',
  /** The message with its attachments is over the server’s size limit. */
  sendTooLarge: 'Your message is too large to send. Remove some attachments, then try again.',
  /**
   * Too many messages (HTTP 429). `{time}`: when sending works again, from
   * `Intl.RelativeTimeFormat` (“in 2 minutes”, “in 30 seconds”).
   */
  sendRateLimited: 'You’ve sent several messages in a short time. You can send again {time}.',
  /** Too many messages, and the server did not say for how long. */
  sendRateLimitedSoon:
    'You’ve sent several messages in a short time. Wait a moment, then try again.',
} as const;

export default outbox;
