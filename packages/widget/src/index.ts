/**
 * `@porthole/widget`: the Porthole help widget as a custom element. Importing this module
 * registers `<porthole-widget>`, the one element to put on a page.
 *
 * @example
 * import '@porthole/widget';
 * const widget = document.createElement('porthole-widget');
 * widget.configure({ kb: '/kb/', endpoint: '/v1/tickets' });
 * document.body.append(widget);
 *
 * The element itself is small; the panel (Lit and the views), the knowledge base (Fuse.js),
 * the sanitizer, the ticket schema and Floating UI load with dynamic `import()` when first
 * needed, so a bundler puts them in chunks of their own. The panel's elements are also
 * available as `@porthole/widget/elements`, the article sanitizer as
 * `@porthole/widget/sanitize`.
 */
export { PortholeWidget } from './components/widget/widget.js';
export { createPorthole, installPorthole, isPortholeFunction } from './command-api.js';
export type { PortholeEventShortName, PortholeFunction, PortholeStub } from './command-api.js';
export type { DeepLink } from './components/widget/page-hooks.js';
export { BUILT_IN_LOCALES } from './i18n/locales.js';
export { default as defaultStrings } from './i18n/english.js';
export type { Message, MessageKey, PluralMessage, StringOverrides } from './i18n/types.js';
export { PORTHOLE_EVENT_NAMES } from './core/events.js';
export type {
  PortholeArticleViewDetail,
  PortholeErrorCode,
  PortholeErrorDetail,
  PortholeEvent,
  PortholeEventDetails,
  PortholeEventName,
  PortholeFeedbackDetail,
  PortholeSearchDetail,
  PortholeTicketCreatedDetail,
  PortholeTicketSubmitDetail,
} from './core/events.js';
export type {
  ArticleChoice,
  ContactPrefill,
  DraftField,
  PortholeOptions,
  PortholeUser,
  WidgetPosition,
  WidgetView,
} from './core/options.js';
