/**
 * The sanitizer chunk (`porthole-sanitize.js` beside the script bundle): DOMPurify and the
 * widget's article rules. Loaded through `lazy.ts` when the panel opens, before any article
 * is shown.
 */
export { sanitizeArticleHtml } from '../sanitize.js';
