/**
 * The compile-time half of "sanitize all rendered HTML" (the widget sanitizes again in the
 * browser), in two ways:
 *
 * - HTML the renderer wrote itself (the article has no raw HTML) is read by html-tree.ts
 *   and accepted only if every attribute passes {@link keepOwnAttribute}: rules that accept
 *   a subset of what DOMPurify with {@link FIRST_PASS} keeps unchanged, so DOMPurify would
 *   have returned the same markup (tested on every fixture, corpus and XSS vector).
 * - Everything else goes through DOMPurify on jsdom, the only DOM DOMPurify is safe on in
 *   Node: linkedom is not supported by it (it returns the input unchanged), and happy-dom and
 *   domino parse differently from browsers, so DOMPurify kept `javascript:` URLs or returned
 *   nothing on the shared XSS vectors (docs/decisions/2026-12-01-compile-speed.md). jsdom is
 *   loaded on first use only (it takes longer to load than a knowledge base of plain
 *   Markdown takes to render), the configuration is parsed once per window, and a window is
 *   replaced every 100 articles because jsdom adds window listeners for every document
 *   DOMPurify creates and never removes them.
 */
import { createRequire } from 'node:module';
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import type * as Jsdom from 'jsdom';
import { FORBIDDEN_ARTICLE_TAGS } from '@porthole/kb/article-policy';

const FORBID_ATTR = [
  'style',
  'srcset',
  'action',
  'formaction',
  'ping',
  'autofocus',
  'tabindex',
  'target',
];
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'poster',
  'xlink:href',
  'action',
  'formaction',
  'cite',
  'background',
]);
/** `data:` URLs are dropped except raster images in `img`/`source`. */
const SAFE_DATA_URL = /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp);/i;
const MARK = 'data-porthole-mark';

export const FIRST_PASS: Config & { RETURN_DOM: true } = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [...FORBIDDEN_ARTICLE_TAGS],
  FORBID_ATTR,
  // Authors' data-* attributes could imitate the data-porthole-* ones the compiler adds.
  ALLOW_DATA_ATTR: false,
  RETURN_DOM: true,
};

const REF = 'data-porthole-ref';
/** The attributes the compiler adds after the first pass, which the second pass must keep. */
const OWN_ATTRIBUTES = [REF, 'target'];

/**
 * The second pass runs on the serialized result, the way a browser will see it. A DOM that was
 * edited (the sanitizer keeps the content of removed elements, which can leave a <p> inside a
 * <p>) may parse differently from how it was built; sanitizing the string again gives markup
 * that parses back to itself.
 */
const SECOND_PASS: Config & { RETURN_DOM: true } = {
  ...FIRST_PASS,
  FORBID_ATTR: FORBID_ATTR.filter((name) => name !== 'target'),
  ADD_ATTR: OWN_ATTRIBUTES,
  // The first pass removed authors' ids and names that could shadow document properties; what
  // remains are ids made here ("title", "images" …), which must survive to be linked to.
  SANITIZE_DOM: false,
};

const ARTICLES_PER_WINDOW = 100;
const require = createRequire(import.meta.url);

/**
 * A URL that is relative (no scheme: no `:` before the first `/`, `?` or `#`) or uses http,
 * https, mailto or tel. Every value it accepts also passes DOMPurify's ALLOWED_URI_REGEXP;
 * other schemes (and `data:` images) take the DOMPurify path.
 */
const OWN_URL = /^(?:(?:https?|mailto|tel):|[^:/?#]*(?:[/?#]|$))/i;
const CONTROL = /\p{Cc}/u;
/** Attributes the renderer writes, by what their value may be. */
const OWN_ATTRIBUTE_RULES: Readonly<Record<string, (value: string, tag: string) => boolean>> = {
  href: (value, tag) => tag === 'a' && OWN_URL.test(value) && !CONTROL.test(value),
  src: (value, tag) => tag === 'img' && OWN_URL.test(value) && !CONTROL.test(value),
  title: () => true,
  alt: () => true,
  class: () => true,
  role: () => true,
  'aria-label': () => true,
  // Footnotes' ids, which cannot shadow a document property.
  id: (value) => /^porthole-[a-z0-9-]+$/.test(value),
  open: (value) => value === '',
  start: (value, tag) => tag === 'ol' && /^\d{1,9}$/.test(value),
  align: (value, tag) => (tag === 'th' || tag === 'td') && /^(?:left|center|right)$/.test(value),
};

/**
 * The value DOMPurify (with {@link FIRST_PASS} and the hook below) would leave on an element
 * the renderer wrote, or undefined when this is not certain (the article then takes the
 * DOMPurify path). Values are trimmed as DOMPurify trims them; `<` and `>` are refused
 * because DOMPurify removes values that could close a comment, CDATA or raw-text element.
 */
export function keepOwnAttribute(
  tag: string,
  name: string,
  value: string,
  marks: string,
): string | undefined {
  const trimmed = value.trim();
  if (trimmed.includes('<') || trimmed.includes('>')) return undefined;
  if (name === MARK) return marks && trimmed.startsWith(`${marks}:`) ? trimmed : undefined;
  const check = Object.hasOwn(OWN_ATTRIBUTE_RULES, name) ? OWN_ATTRIBUTE_RULES[name] : undefined;
  return check?.(trimmed, tag) ? trimmed : undefined;
}

/** Something the sanitizer removed, described for the author. */
export interface Removal {
  message: string;
  /** Text to look for in the source to locate it. */
  needles: string[];
}

export interface Sanitizer {
  /**
   * Sanitize `html`; `marks` are the nonce of the marks this render added (kept, though they
   * are `data-*`). Returns the `<body>` of the parsed, cleaned document.
   */
  sanitize(html: string, marks: string): { body: HTMLElement; removed: Removal[] };
  /** Sanitize serialized HTML a second time (see SECOND_PASS), keeping the placeholders. */
  resanitize(html: string, marks: string): HTMLElement;
}

export function createSanitizer(): Sanitizer {
  let window: Jsdom.JSDOM['window'] | undefined;
  let first: DOMPurify;
  let second: DOMPurify;
  let used = ARTICLES_PER_WINDOW;
  let nonce = '';
  const withNonce = <T>(marks: string, run: () => T): T => {
    nonce = marks;
    try {
      return run();
    } finally {
      nonce = '';
    }
  };

  const open = () => {
    window?.close();
    const { JSDOM: Window } = require('jsdom') as typeof Jsdom;
    window = new Window('<!doctype html><html><body></body></html>').window;
    first = createDOMPurify(window);
    second = createDOMPurify(window);
    first.setConfig(FIRST_PASS);
    second.setConfig(SECOND_PASS);
    for (const purify of [first, second]) {
      purify.addHook('uponSanitizeAttribute', (node, data) => {
        const value = data.attrValue.trim();
        if (data.attrName === MARK || data.attrName === REF) {
          // Allowing a name is not enough for a placeholder: DOMPurify also checks the value
          // as a URL, and `abcdefgh:0` looks like one with an unknown scheme.
          if (nonce && value.startsWith(`${nonce}:`)) data.forceKeepAttr = true;
          return;
        }
        if (URL_ATTRIBUTES.has(data.attrName) && /^data:/i.test(value)) {
          const tag = node.nodeName;
          if (!((tag === 'IMG' || tag === 'SOURCE') && SAFE_DATA_URL.test(value)))
            data.keepAttr = false;
        }
      });
    }
    used = 0;
  };

  return {
    sanitize(html, marks) {
      if (++used > ARTICLES_PER_WINDOW) open();
      const body = withNonce(marks, () => first.sanitize(html) as unknown as HTMLElement);
      return { body, removed: describeRemovals(first.removed) };
    },
    resanitize(html, marks) {
      return withNonce(marks, () => second.sanitize(html) as unknown as HTMLElement);
    },
  };
}

function describeRemovals(removed: DOMPurify['removed']): Removal[] {
  const out: Removal[] = [];
  for (const item of removed) {
    if ('element' in item) {
      const name = item.element.nodeName.toLowerCase();
      // Comments are dropped silently: authors use them for notes, and they never render.
      if (name === '#comment' || name === '#text' || name === 'body') continue;
      out.push({
        message: `removed unsafe HTML: <${name}> is not allowed in articles`,
        needles: [`<${name}`],
      });
    } else if (item.attribute) {
      const { name, value } = item.attribute;
      const on = item.from?.nodeName.toLowerCase() ?? 'element';
      // The sanitizer drops ids that could shadow document properties; headings get new ones anyway.
      // MkDocs' `markdown` attribute (md_in_html) only asked for what happens here anyway.
      if (name === 'id' || name === 'name' || name === MARK || name === 'markdown') continue;
      const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      out.push({
        message: `removed unsafe HTML: attribute ${name}="${shown}" on <${on}>`,
        needles: [value.slice(0, 40), `${name}=`, name],
      });
    }
  }
  return out;
}
