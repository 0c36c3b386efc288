import DOMPurify from 'dompurify';
import type { Config } from 'dompurify';
import { FORBIDDEN_ARTICLE_TAGS } from '@porthole/kb/article-policy';
import { FORBIDDEN_ARTICLE_ATTRIBUTES, prepareArticleLinks } from './sanitize/article-links.js';

/**
 * `@porthole/widget/sanitize`: the article sanitizer on DOMPurify, for every browser. The
 * widget itself uses the browser's HTML Sanitizer API where there is one
 * (`sanitize/platform.ts`) and loads this only where there is not.
 *
 * Article bodies were sanitized when the knowledge base was compiled; they are sanitized again
 * here because the widget cannot know who wrote or served the file it fetched (a stale cache,
 * a misconfigured CDN, a hand-edited KB folder).
 */
const PURIFY_CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [...FORBIDDEN_ARTICLE_TAGS],
  FORBID_ATTR: FORBIDDEN_ARTICLE_ATTRIBUTES,
  // Section headings need their ids (`#images`, `#title`, …) even when they share a name with
  // a `document` property. Named properties only exist for elements in the document tree;
  // this HTML lives in a shadow root, where an id cannot clobber `document` or `window`.
  SANITIZE_DOM: false,
  RETURN_DOM_FRAGMENT: true,
};

/**
 * Sanitize article HTML into a detached fragment ready to insert, and prepare its links:
 * external links open in a new tab without an opener, links to other articles
 * (`a[data-porthole-article]`) and in-page anchors (`#id`) are left for the article view's
 * click handler, anything that is not http(s)/mailto/tel loses its `href`.
 */
export function sanitizeArticleHtml(html: string): DocumentFragment {
  return prepareArticleLinks(DOMPurify.sanitize(html, PURIFY_CONFIG));
}
