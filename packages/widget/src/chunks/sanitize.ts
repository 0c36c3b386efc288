/**
 * The sanitizer chunk (`porthole-sanitize-<hash>.js` beside the script bundle): DOMPurify and the
 * widget's article rules. Loaded through the widget's chunk loader when the panel opens, before any article
 * is shown.
 */
export { sanitizeArticleHtml } from '../sanitize.js';
