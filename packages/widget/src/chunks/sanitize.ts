/**
 * The sanitizer chunk (`porthole-sanitize-<hash>.js` beside the script bundle): DOMPurify and the
 * widget's article rules. Loaded through the widget's chunk loader when the panel opens, before any article
 * is shown.
 *
 * Only the panel's article view loads it, so the panel's part is always there already. Importing
 * it says so: the code the two share then stays in the panel's file rather than in a small
 * shared file of its own, one more request and less compression on every visit.
 */
import './panel.js';
export { sanitizeArticleHtml } from '../sanitize.js';
