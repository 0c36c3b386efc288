/**
 * The ticket chunk: the shared schema and the http adapter from `@porthole/tickets`. Loaded
 * through the widget's chunk loader when the contact form opens; in the script-tag bundle it is
 * part of the visit's file, `porthole-panel-<hash>.js` (`visit.ts`).
 *
 * Only the panel's contact form loads it, so the panel's part is always there already. Importing
 * it says so to an app's bundler: the code the two share then stays with the panel rather than
 * in a small shared file of its own.
 */
import './panel.js';
export { createHttpAdapter, parseTicket, serializeTicket } from '@porthole/tickets';
