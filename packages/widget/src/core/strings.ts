/**
 * Every piece of text the widget shows or announces, in one table. English by default; pass
 * `strings` (to `Porthole('config', …)` or the element's `strings` property) to translate or
 * reword any of them. The UI chrome does not follow `locale` on its own: `locale` chooses which
 * articles are searched and shown, `strings` chooses the words around them.
 *
 * `{name}` placeholders are filled in by {@link formatString}.
 */
export const defaultStrings = {
  /** Accessible name of the launcher button. */
  launcher: 'Help',
  /** Accessible name and visible title of the panel (a dialog). */
  panelTitle: 'Help',
  close: 'Close',
  back: 'Back',
  searchLabel: 'Search help articles',
  searchPlaceholder: 'Search for answers…',
  resultsLabel: 'Search results',
  suggestionsLabel: 'Suggested articles',
  searching: 'Searching…',
  resultsNone: 'No articles match “{query}”.',
  resultsOne: '1 article found',
  resultsMany: '{count} articles found',
  kbUnavailable: 'Help articles can’t be loaded right now. You can still send us a message.',
  contactPrompt: 'Didn’t find what you need?',
  contactUs: 'Contact us',
  loading: 'Loading…',
  panelUnavailable: 'Help can’t be loaded right now. Check your connection, then try again.',
  articleUnavailable: 'This article can’t be loaded right now.',
  helpfulQuestion: 'Was this helpful?',
  helpfulYes: 'Yes',
  helpfulNo: 'No',
  helpfulThanks: 'Thanks for your feedback.',
  contactTitle: 'Send us a message',
  name: 'Name',
  email: 'Email',
  subject: 'Subject',
  message: 'Message',
  send: 'Send',
  sending: 'Sending…',
  sendFailed: 'Your message wasn’t sent. Check your connection, then try again.',
  sendRejected: 'Your message wasn’t accepted: {reason}',
  tryAgain: 'Try again',
  contactUnavailable:
    'The contact form can’t be loaded right now. Check your connection, then try again.',
  draftKept: 'What you wrote is saved in this browser until it is sent.',
  // Added with attachments, custom fields and the outbox; the same keys and English as the
  // catalog in i18n/locales/en.ts.
  optional: '(optional)',
  selectPlaceholder: 'Choose…',
  fieldRequired: 'Fill in this field',
  selectRequired: 'Choose an option',
  checkboxRequired: 'Check this box to continue',
  attachFiles: 'Attach files',
  dropZone: 'or drop files here',
  attachmentsLabel: 'Attached files',
  attachmentRemove: 'Remove {name}',
  uploadProgress: 'Uploading… {percent}',
  uploadProgressLabel: 'Uploading {name}',
  attachmentTooLarge: '“{name}” is too large. Each file can be up to {size}.',
  attachmentsTotalTooLarge: 'These files are too large together. The total can be up to {size}.',
  attachmentTypeNotAllowed: '“{name}” can’t be attached: this type of file isn’t allowed.',
  attachmentEmpty: '“{name}” is empty.',
  attachmentAllowedTypes: 'Allowed file types: {types}',
  sendServerDown: 'Our help desk isn’t responding right now. Try again in a few minutes.',
  sendRejectedPermanent:
    'Your message couldn’t be accepted, and trying again won’t change that. Please contact us another way.',
  sendTooLarge: 'Your message is too large to send. Remove some attachments, then try again.',
  sendRateLimited: 'You’ve sent several messages in a short time. You can send again {time}.',
  sendRateLimitedSoon:
    'You’ve sent several messages in a short time. Wait a moment, then try again.',
  queuedTitle: 'Message saved',
  queuedOffline:
    'You’re offline — your message is saved and will be sent automatically when you’re back online.',
  queuedServerDown:
    'We can’t reach our help desk right now. Your message is saved and will be sent automatically.',
  queuedSent: 'Your saved message has been sent.',
  sentTitle: 'Message sent',
  sentBody: 'We’ve received your message and will reply by email.',
  reference: 'Your reference is {reference}',
  backToSearch: 'Back to search',
} as const;

/** The keys and (English) values of the widget's text. */
export type PortholeStrings = { [K in keyof typeof defaultStrings]: string };

/**
 * The text to show: the defaults with the page's replacements over them. The one place the
 * widget's words come from; both the always-loaded element and the panel ask here.
 * Replacements that are not strings, or name no known text, are ignored.
 */
export function resolveStrings(overrides: Partial<PortholeStrings> = {}): PortholeStrings {
  const text: Record<string, string> = { ...defaultStrings };
  for (const [key, value] of Object.entries(overrides)) {
    if (typeof value === 'string' && Object.hasOwn(text, key)) text[key] = value;
  }
  return text as PortholeStrings;
}

/** Replace `{name}` placeholders with values; unknown placeholders are left as they are. */
export function formatString(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
