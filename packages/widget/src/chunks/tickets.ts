/**
 * The ticket chunk (`porthole-tickets-<hash>.js` beside the script bundle): the shared schema
 * (valibot) and the http adapter from `@porthole/tickets`. Loaded through the widget's chunk loader when the
 * contact form opens.
 *
 * Only the panel's contact form loads it, so the panel's part is always there already. Importing
 * it says so: the code the two share then stays in the panel's file rather than in a small
 * shared file of its own, one more request and less compression on every visit.
 */
import './panel.js';
export { createHttpAdapter, parseTicket, serializeTicket } from '@porthole/tickets';
