/**
 * The ticket chunk (`porthole-tickets-<hash>.js` beside the script bundle): the shared schema
 * (valibot) and the http adapter from `@porthole/tickets`. Loaded through the widget's chunk loader when the
 * contact form opens.
 */
export { createHttpAdapter, parseTicket, serializeTicket } from '@porthole/tickets';
