/**
 * `@porthole/widget`: the Porthole help widget as Lit custom elements. Importing this module
 * registers every `porthole-*` element; `porthole-widget` is the one to put on a page.
 *
 * @example
 * import '@porthole/widget';
 * const widget = document.createElement('porthole-widget');
 * widget.configure({ kb: '/kb/', endpoint: '/v1/tickets' });
 * document.body.append(widget);
 *
 * The knowledge base (Fuse.js), DOMPurify and the ticket schema load with dynamic `import()`
 * when first needed, so a bundler puts them in chunks of their own. The article sanitizer is
 * also available on its own as `@porthole/widget/sanitize`.
 */
export { PortholeWidget } from './components/widget/widget.js';
export { PortholeLauncher } from './components/launcher/launcher.js';
export { PortholePanel } from './components/panel/panel.js';
export { PortholeSearch } from './components/search/search.js';
export { PortholeArticle } from './components/article/article.js';
export { PortholeContactForm } from './components/contact-form/contact-form.js';
export { PortholeConfirmation } from './components/confirmation/confirmation.js';
export type {
  ContactPrefill,
  PortholeOptions,
  PortholeUser,
  WidgetPosition,
  WidgetView,
} from './components/widget/widget.component.js';
export type { ArticleChoice, SearchStatus } from './components/search/search.component.js';
export type { ArticleStatus } from './components/article/article.component.js';
export type { TicketContext } from './components/contact-form/contact-form.component.js';
export { createPorthole, installPorthole, isPortholeFunction } from './command-api.js';
export type { PortholeEventShortName, PortholeFunction, PortholeStub } from './command-api.js';
export { defaultStrings, formatString, type PortholeStrings } from './strings.js';
export type * from './events.js';
