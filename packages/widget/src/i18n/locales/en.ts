/**
 * English: the default texts of `porthole.js` and the panel, bundled with them. With the texts
 * of the parts loaded when used (`en-attachments.ts`, `en-fields.ts`, `en-outbox.ts`), joined
 * in `../english.ts`, the reference every other locale follows (its keys, which keys are
 * plural, and the `{placeholders}` of each).
 *
 * Notes for translators sit on the keys. Texts are plain text: they are never parsed as HTML.
 * Typography: ’ for apostrophes, “…” for quotes, … for an ellipsis.
 */
import type { Message } from '../types.js';
import shell from './en-shell.js';

const en = {
  // ── Launcher and panel ────────────────────────────────────────────────────────────────
  // launcher, panelTitle, close, loading, tryAgain, panelUnavailable: see en-shell.ts.
  ...shell,
  /** Button back to the previous view (article, form). */
  back: 'Back',

  // ── Home view (before the visitor types) ─────────────────────────────────────────────
  /** Greeting at the top of the panel. A heading: no full stop. */
  homeGreeting: 'Hi there',
  /** Greeting when the site told the widget the visitor’s name (`{name}`: as given). */
  homeGreetingName: 'Hi {name}',
  /** Line under the greeting. */
  homeIntro: 'How can we help?',
  /** Expected reply time set by the site, in minutes. */
  replyTimeMinutes: {
    one: 'We usually reply within {count} minute',
    other: 'We usually reply within {count} minutes',
  },
  /** Expected reply time set by the site, in hours. */
  replyTimeHours: {
    one: 'We usually reply within {count} hour',
    other: 'We usually reply within {count} hours',
  },
  /** Expected reply time set by the site, in days. */
  replyTimeDays: {
    one: 'We usually reply within {count} day',
    other: 'We usually reply within {count} days',
  },
  /** Heading over the articles chosen for the page the visitor is on. */
  suggestedForPage: 'Suggested for this page',
  /** Heading over the most useful articles of the knowledge base. */
  popularArticles: 'Popular articles',
  /** Heading over the list of categories. */
  categoriesHeading: 'Browse by topic',
  /** Under a category’s name: how many articles it holds. */
  categoryArticleCount: {
    one: '{count} article',
    other: '{count} articles',
  },
  /** Link that opens every article of a category (`{category}`: its name). */
  categoryShowAll: 'See all articles in {category}',
  /** Name of the group of articles without a category. */
  categoryOther: 'Other articles',
  /** Heading of the home view’s contact section. */
  homeContactTitle: 'Need to talk to us?',
  /** Text of the home view’s contact section, above the “Contact us” button. */
  homeContactBody: 'Send us a message and we’ll reply by email.',

  // ── Search ───────────────────────────────────────────────────────────────────────────
  /** Accessible name of the search field. */
  searchLabel: 'Search help articles',
  /** Placeholder of the search field. */
  searchPlaceholder: 'Search for answers…',
  /** Button (× icon) that empties the search field. */
  searchClear: 'Clear search',
  /** Button (magnifier icon) that runs the search. */
  searchSubmit: 'Search',
  /** Accessible name of the list of results. */
  resultsLabel: 'Search results',
  /** Accessible name and heading of the suggestions shown before typing. */
  suggestionsLabel: 'Suggested articles',
  /** Announced while results load. */
  searching: 'Searching…',
  /** Announced when results arrive. */
  resultsCount: {
    one: '{count} article found',
    other: '{count} articles found',
  },
  /** Nothing at all matched (`{query}`: what the visitor typed). */
  resultsNone: 'No articles match “{query}”.',
  /** Some articles matched, but none well enough to be the answer. A heading. */
  noGoodMatchTitle: 'No good match for “{query}”',
  /** Under `noGoodMatchTitle`, above the “Contact us” button. */
  noGoodMatchBody:
    'We couldn’t find an article that answers this. Send us your question and we’ll help you personally.',
  /**
   * Badge on a result written in another language than the page. `{language}` is the
   * language’s name in the visitor’s language, from `Intl.DisplayNames` (English: “German”;
   * German: “Deutsch”; Polish: “niemiecki”), so word the badge to fit that form.
   */
  resultInLanguage: 'in {language}',
  /** The search failed (not the network: the knowledge base could not search). */
  searchFailed: 'Search isn’t working right now. Try again, or send us a message.',
  /** The visitor is offline and the knowledge base is not loaded. */
  searchOffline: 'You’re offline. Search will work again when you’re back online.',
  /** The knowledge base could not be loaded. */
  kbUnavailable: 'Help articles can’t be loaded right now. You can still send us a message.',
  /** Before the “Contact us” button under results and articles. */
  contactPrompt: 'Didn’t find what you need?',
  /** Button or link to the contact form. */
  contactUs: 'Contact us',

  // ── Article ──────────────────────────────────────────────────────────────────────────
  /** The article could not be loaded (network). */
  articleUnavailable: 'This article can’t be loaded right now.',
  /** The article does not exist (an old link). */
  articleNotFound: 'This article isn’t available. It may have been moved or removed.',
  /** Under the title (`{date}`: a date formatted for the locale, e.g. “3 March 2026”). */
  articleUpdated: 'Updated {date}',
  /** Heading of the article’s table of contents. */
  onThisPage: 'On this page',
  /** Button that copies a link to the article. */
  copyLink: 'Copy link',
  /** Announced after the link was copied. */
  linkCopied: 'Link copied',
  /** Announced when the browser refused to copy. */
  linkCopyFailed: 'The link couldn’t be copied.',
  /** Heading over related articles at the end of an article. */
  relatedArticles: 'Related articles',
  /** Read after a link that opens another tab (visually hidden). Keep the brackets. */
  opensInNewTab: '(opens in a new tab)',
  /** Question at the end of an article. */
  helpfulQuestion: 'Was this helpful?',
  /** Answer button. */
  helpfulYes: 'Yes',
  /** Answer button. */
  helpfulNo: 'No',
  /** Shown after an answer. */
  helpfulThanks: 'Thanks for your feedback.',
  /** Shown after “No”, above the “Contact us” button. */
  helpfulNoFollowUp: 'Sorry this didn’t help. Send us your question and we’ll answer you directly.',
  /** Button on the confirmation and error views. */
  backToSearch: 'Back to search',

  // ── Contact form ─────────────────────────────────────────────────────────────────────
  /** Heading of the contact form. */
  contactTitle: 'Send us a message',
  /** Field label. */
  name: 'Name',
  /** Field label. */
  email: 'Email',
  /** Field label. */
  subject: 'Subject',
  /** Field label. */
  message: 'Message',
  /** Submit button. */
  send: 'Send',
  /** The file picker button (also its accessible name). */
  attachFiles: 'Attach files',
  /** Next to “Attach files”. */
  dropZone: 'or drop files here',
  /** Over the form while files are dragged over it. */
  dropZoneActive: 'Drop files to attach them',
  /** Under the Name field, when the site requires it. */
  nameRequired: 'Enter your name',
  /** Under the Email field. */
  emailRequired: 'Enter your email address',
  /** Under the Email field. Keep name@example.com as it is. */
  emailInvalid: 'Enter an email address like name@example.com',
  /** Under the Subject field. */
  subjectRequired: 'Enter a subject',
  /** Under the Message field. */
  messageRequired: 'Enter your message',
  /** Under a required text field the site added. */
  fieldRequired: 'Fill in this field',
  /** Under a field with too much text; `{count}` is the limit. */
  fieldTooLong: {
    one: 'Use {count} character or fewer',
    other: 'Use {count} characters or fewer',
  },
  /** Under a one-line field that holds a line break. */
  fieldOneLine: 'Keep this on one line',
  /** Under a field holding an invisible control character. */
  fieldControlCharacter: 'Remove the invisible control character, then try again',
  /** Under a field holding half of an emoji or symbol. */
  fieldBrokenCharacter: 'An emoji or symbol got cut in half. Retype it, then try again.',
  /** Above the form after Send, when fields are wrong. */
  errorSummary: {
    one: '{count} field needs your attention',
    other: '{count} fields need your attention',
  },
  /** Label of the hidden anti-spam field (people never see it; screen readers skip it). */
  honeypotLabel: 'Leave this field empty',
  /** Announced while sending. */
  sending: 'Sending…',
  /** The connection was lost while sending (nothing is queued). */
  sendFailed: 'Your message wasn’t sent. Check your connection, then try again.',
  /** Heading when the message is saved to be sent later. */
  queuedTitle: 'Message saved',
  /** Send pressed while offline: the message waits in the browser. */
  queuedOffline:
    'You’re offline — your message is saved and will be sent automatically when you’re back online.',
  /** Send pressed while the server is down: the message waits in the browser. */
  queuedServerDown:
    'We can’t reach our help desk right now. Your message is saved and will be sent automatically.',
  /** A saved message has now been sent. */
  queuedSent: 'Your saved message has been sent.',
  /** How many saved messages are still waiting. */
  queuedPending: {
    one: '{count} message waiting to be sent',
    other: '{count} messages waiting to be sent',
  },
  /** The form’s code could not be loaded. */
  contactUnavailable:
    'The contact form can’t be loaded right now. Check your connection, then try again.',
  /** Under the form. */
  draftKept: 'What you wrote is saved in this browser until it is sent.',

  // The texts of the attachments, fields and outbox parts: see en-attachments.ts, en-fields.ts
  // and en-outbox.ts.

  // ── Confirmation ─────────────────────────────────────────────────────────────────────
  /** Heading after sending. */
  sentTitle: 'Message sent',
  /** Under the heading. */
  sentBody: 'We’ve received your message and will reply by email.',
  /** `{reference}`: the ticket’s reference, such as “PH-7KQ2-M4XD”, shown in bold. */
  reference: 'Your reference is {reference}',
} as const satisfies Record<string, Message>;

export default en;
