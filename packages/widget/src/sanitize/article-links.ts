/**
 * What both sanitizers (the browser's HTML Sanitizer API and DOMPurify) do the same way: the
 * attributes they drop on top of their defaults, and how links are prepared afterwards.
 */

/** Attributes an article never needs: styling, form submission, pings, focus tricks. */
export const FORBIDDEN_ARTICLE_ATTRIBUTES = [
  'style',
  'action',
  'formaction',
  'ping',
  'autofocus',
  'tabindex',
];

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** Attributes that hold a URL on some element (a sanitizer may only check the usual pairs). */
const URL_ATTRIBUTES = [
  'href',
  'src',
  'xlink:href',
  'action',
  'formaction',
  'data',
  'poster',
  'background',
  'cite',
];

/** True for a relative URL or one with a safe scheme (images may also be `data:image/…`). */
function isSafeUrl(value: string, attribute: string, element: Element): boolean {
  // What a browser (or a careless copy of the HTML elsewhere) might read as the scheme once
  // spaces and controls are gone, Unicode line separators included.
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\s\0-\x1f]+/g, ''))?.[1];
  if (
    scheme &&
    !SAFE_PROTOCOLS.has(`${scheme.toLowerCase()}:`) &&
    scheme.toLowerCase() !== 'data'
  ) {
    return false;
  }
  let url: URL;
  try {
    url = new URL(value, document.baseURI);
  } catch {
    return false;
  }
  if (SAFE_PROTOCOLS.has(url.protocol)) return true;
  return (
    url.protocol === 'data:' &&
    attribute === 'src' &&
    element.localName === 'img' &&
    /^data:image\/(png|gif|jpe?g|webp|avif);/i.test(value.trim())
  );
}

/**
 * External links open in a new tab without an opener; links to other articles
 * (`a[data-porthole-article]`) and in-page anchors (`#id`) are left for the article view's
 * click handler; any URL that is not http(s)/mailto/tel (or a relative one) is removed.
 */
export function prepareArticleLinks(fragment: DocumentFragment): DocumentFragment {
  // Any URL anywhere that is not http(s)/mailto/tel (or relative) goes, whichever element
  // carries it: `<b href="javascript:…">` is inert today, but nothing needs it.
  for (const element of fragment.querySelectorAll('*')) {
    for (const attribute of URL_ATTRIBUTES) {
      const value = element.getAttribute(attribute);
      if (value === null || value.startsWith('#')) continue;
      if (!isSafeUrl(value, attribute, element)) element.removeAttribute(attribute);
    }
  }
  for (const link of fragment.querySelectorAll('a')) {
    link.removeAttribute('target');
    const href = link.getAttribute('href');
    if (href === null || href.startsWith('#') || link.hasAttribute('data-porthole-article')) {
      continue;
    }
    if (new URL(href, document.baseURI).origin !== location.origin) {
      link.setAttribute('target', '_blank');
      link.setAttribute('rel', 'noopener noreferrer');
    }
  }
  return fragment;
}
