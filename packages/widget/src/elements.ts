/**
 * `@porthole/widget/elements`: the elements inside the widget's dialog, registered on import,
 * for building a help UI of your own around the same views. `porthole-widget` loads them by
 * itself when needed; importing this module loads them at once.
 */
export { PortholePanel } from './components/panel/panel.js';
export { PortholeSearch } from './components/search/search.js';
export { PortholeArticle } from './components/article/article.js';
export { PortholeContactForm } from './components/contact-form/contact-form.js';
export { PortholeConfirmation } from './components/confirmation/confirmation.js';
export type { ArticleStatus, SanitizeArticle } from './controllers/article.controller.js';
export type { SearchStatus } from './controllers/search.controller.js';
export type { TicketContext } from './controllers/contact.controller.js';
