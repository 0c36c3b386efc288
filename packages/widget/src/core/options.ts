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
}
