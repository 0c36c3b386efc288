/**
 * The outbox chunk (`porthole-outbox-<hash>.js` beside the script bundle): what only sending
 * that does not go smoothly needs — the runner that sends by itself what a visitor sent while
 * offline or while the server was down, and the words for a refusal. Loaded only when
 * something waits in the outbox (after such a Send, or on a later page load) or was refused.
 *
 * It runs inside the panel's contact workflow, whose part is always there already; importing
 * that part says so, so what the two share stays in the panel's file.
 */
import './panel.js';

export { OutboxRunner } from '../controllers/outbox-runner.js';
export { describeSendError } from '../controllers/send-errors.js';
