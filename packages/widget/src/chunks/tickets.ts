/**
 * The ticket chunk (`porthole-tickets.js` beside the script bundle): the shared schema
 * (valibot) and the http adapter from `@porthole/tickets`. Loaded through `lazy.ts` when the
 * contact form opens.
 */
export { createHttpAdapter, parseTicket, serializeTicket } from '@porthole/tickets';
