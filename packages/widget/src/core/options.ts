/**
 * The shapes the widget's public API takes: options, the visitor, contact prefills. Types
 * only, shared by the element that is always loaded and the panel that loads when needed.
 */
import type { KnowledgeBase } from '@porthole/kb';
import type { TicketAdapter } from '@porthole/tickets';
import type { StringOverrides } from '../i18n/types.js';

/**
 * The corner the launcher sits in. `bottom-end` and `bottom-start` follow the page's
 * direction (`bottom-end` is bottom right on a left-to-right page, bottom left on a
 * right-to-left one); `bottom-right` and `bottom-left` stay where they say.
 */
export type WidgetPosition = 'bottom-end' | 'bottom-start' | 'bottom-right' | 'bottom-left';

/** Which screen the panel shows. */
export type WidgetView = 'search' | 'article' | 'contact' | 'confirmation';

/** The visitor's contact-form fields. */
export type DraftField = 'name' | 'email' | 'subject' | 'message';

/** A signed-in visitor, from `Porthole('identify', user)`: prefills the contact form. */
export interface PortholeUser {
  name?: string;
  email?: string;
  /**
   * Hex HMAC-SHA256 of `email`, keyed with the server's `PORTHOLE_IDENTITY_SECRET` and
   * computed by the site's backend (never in the page). Sent with a ticket whose email is
   * exactly `email`; the server then marks the ticket verified.
   */
  userHash?: string;
}

/**
 * A field the site adds to the contact form (`text`, `textarea`, `select`, `checkbox`), or a
 * value it sends along unseen (`hidden`: a plan, an account id). Each travels in the ticket's
 * `metadata` under `name`; the server accepts only the names in its own allow-list
 * (`PORTHOLE_TICKET_FIELDS`, the same shape).
 */
export interface ContactField {
  /** The metadata key: letters, digits, `_`, `.` and `-`, at most 64. */
  name: string;
  /** @default 'text' */
  type?: 'text' | 'textarea' | 'select' | 'checkbox' | 'hidden';
  /** The visible label (plain text). @default name */
  label?: string;
  /** The visitor must fill it in (a checkbox: check it). @default false */
  required?: boolean;
  /** The choices of a `select` (each is both the value and its text). */
  options?: readonly string[];
  /** The longest text accepted. @default 500 */
  maxLength?: number;
  /** A `hidden` field's value; for the others, the value the form starts with. */
  value?: string | number | boolean;
}

/** Attachment limits the page sets itself; the server's, when stricter, still apply. */
export interface AttachmentLimits {
  /** Files per ticket. */
  maxFiles?: number;
  /** Bytes per file. */
  maxFileBytes?: number;
  /** Bytes of all files of one ticket together. */
  maxTotalBytes?: number;
}

/** Values for the contact form, from `Porthole('contact', prefill)`. */
export type ContactPrefill = Partial<Record<DraftField, string>>;

/** An article to show: a hit (maybe pointing into a section), a suggestion or a link. */
export interface ArticleChoice {
  slug: string;
  locale: string;
  section?: string;
}

/** Everything `Porthole('config', options)` and `PortholeWidget.configure()` accept. */
export interface PortholeOptions {
  /**
   * URL of the compiled knowledge base folder (resolved against the page).
   * @default ''
   */
  kb?: string;
  /**
   * URL of the ticket endpoint for the built-in http adapter (resolved against the page).
   * @default ''
   */
  endpoint?: string;
  /**
   * Language of the interface and of the articles to search and show. Without it the
   * interface follows `<html lang>`, then the browser's languages (one of 15 built-in
   * languages, else English), and the articles `<html lang>`, then the knowledge base's
   * default locale.
   * @default ''
   */
  locale?: string;
  /**
   * The launcher's corner; `bottom-end` mirrors on right-to-left pages, `bottom-right` does not.
   * @default 'bottom-end'
   */
  position?: WidgetPosition;
  /**
   * Accent colour (any CSS colour); sets `--porthole-accent`.
   * @default ''
   */
  accent?: string;
  /**
   * Show the round launcher button. `false` when the page opens the panel with its own
   * button (`data-porthole-open` on any element, or `Porthole('open')`).
   * @default true
   */
  launcher?: boolean;
  /**
   * A key that opens and closes the panel from anywhere on the page, e.g. `'?'`, `'Mod+/'`
   * or `'Alt+Shift+H'` (`Mod` is ⌘ on Apple devices, Ctrl elsewhere). Without Ctrl, Alt or
   * Meta it is ignored while the visitor types in a field.
   * @default '' (none)
   */
  shortcut?: string;
  /**
   * How soon support usually replies, said on the home view (“We usually reply within 2
   * hours”, in the page's language): `'30m'`, `'2h'`, `'1d'`, `'90 minutes'`.
   * @default '' (not said)
   */
  replyTime?: string;
  /**
   * Replacements for any of the interface's texts, in the page's language: a text, or a
   * plural object (`{ one, few, many, other }`). See docs/translations.md.
   * @default {}
   */
  strings?: StringOverrides;
  /**
   * An already opened knowledge base; takes precedence over `kb`.
   * @default undefined
   */
  knowledgeBase?: KnowledgeBase;
  /**
   * Where tickets go; takes precedence over `endpoint`.
   * @default undefined
   */
  adapter?: TicketAdapter;
  /**
   * Fields added to the contact form, and hidden values sent with every ticket, in `metadata`:
   * a list, or the same list as JSON text (what `data-fields` holds). Replaces the previous
   * list.
   * @default []
   */
  fields?: readonly ContactField[] | string;
  /**
   * "Attach files" on the contact form (when the adapter can upload): `false` hides it;
   * limits make the form refuse files before uploading them.
   * @default true
   */
  attachments?: boolean | AttachmentLimits;
}
