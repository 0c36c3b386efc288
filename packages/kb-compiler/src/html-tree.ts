/**
 * A small tree for the HTML the renderer writes itself, so an article with no raw HTML of its
 * author's needs neither jsdom nor a sanitizing pass (jsdom was four fifths of a build's time).
 *
 * It reads a strict subset of HTML only: lower-case tags from a short list, double-quoted
 * attributes, every element closed in order, and each element only where the HTML parser
 * would leave it (no block inside a paragraph, no link inside a link, list items only in
 * lists, table parts only in tables, no newline right after `<pre>`). In that subset the
 * parser of the HTML standard builds exactly the tree the tags spell, so this tree is the
 * one a browser (or jsdom) would build. Anything outside the subset returns `undefined` and
 * the article takes the DOMPurify path. Attributes are accepted only when `allow` says so
 * (sanitize.ts decides), and serialization escapes like the standard's fragment serializer
 * (the `entities` functions parse5 itself uses), so the HTML that comes out is what jsdom
 * would have written. `test/html-tree.test.ts` checks both claims against jsdom and DOMPurify.
 */
import { decodeHTML, decodeHTMLAttribute } from 'entities/decode';
import { escapeAttribute, escapeText } from 'entities/escape';

/** Where an element's children are: what they may be. */
type Content = 'flow' | 'phrasing' | 'list' | 'dl' | 'table' | 'rows' | 'cells' | 'details';

interface TagRule {
  /** Contexts the element may appear in. */
  in: readonly Content[];
  /** Context of its children; none for void elements. */
  content?: Content;
}

const FLOW_PARENTS: readonly Content[] = ['flow', 'details'];
const PHRASING_PARENTS: readonly Content[] = ['flow', 'details', 'phrasing'];
const block = (content: Content): TagRule => ({ in: FLOW_PARENTS, content });
const inline: TagRule = { in: PHRASING_PARENTS, content: 'phrasing' };

/**
 * The elements the Markdown renderer and its extensions write. Every one is allowed by the
 * sanitizer's configuration (tested), none is in FORBIDDEN_ARTICLE_TAGS.
 */
const TAGS: ReadonlyMap<string, TagRule> = new Map(
  Object.entries({
    p: block('phrasing'),
    h1: block('phrasing'),
    h2: block('phrasing'),
    h3: block('phrasing'),
    h4: block('phrasing'),
    h5: block('phrasing'),
    h6: block('phrasing'),
    pre: block('phrasing'),
    div: block('flow'),
    blockquote: block('flow'),
    section: block('flow'),
    details: block('details'),
    summary: { in: ['details'], content: 'phrasing' },
    hr: { in: FLOW_PARENTS },
    ul: block('list'),
    ol: block('list'),
    li: { in: ['list'], content: 'flow' },
    dl: block('dl'),
    dt: { in: ['dl'], content: 'phrasing' },
    dd: { in: ['dl'], content: 'flow' },
    table: block('table'),
    thead: { in: ['table'], content: 'rows' },
    tbody: { in: ['table'], content: 'rows' },
    tr: { in: ['rows'], content: 'cells' },
    th: { in: ['cells'], content: 'flow' },
    td: { in: ['cells'], content: 'flow' },
    a: inline,
    b: inline,
    i: inline,
    u: inline,
    s: inline,
    em: inline,
    strong: inline,
    code: inline,
    del: inline,
    span: inline,
    sub: inline,
    sup: inline,
    kbd: inline,
    mark: inline,
    br: { in: PHRASING_PARENTS },
    img: { in: PHRASING_PARENTS },
  } satisfies Record<string, TagRule>),
);
/** The element names the strict subset knows. */
export const STRICT_TAGS: readonly string[] = [...TAGS.keys()];
/** Contexts where the parser keeps only whitespace text in place (the rest is moved). */
const WHITESPACE_ONLY = new Set<Content>(['list', 'dl', 'table', 'rows', 'cells']);

export interface TreeAttribute {
  readonly name: string;
  readonly value: string;
}

/** The part of the DOM the renderer's walk uses: implemented by jsdom and by this tree. */
export interface TreeNode {
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly firstChild: TreeNode | null;
  readonly nextSibling: TreeNode | null;
}

export interface TreeElement extends TreeNode {
  readonly tagName: string;
  readonly firstElementChild: TreeElement | null;
  readonly nextElementSibling: TreeElement | null;
  readonly parentElement: TreeElement | null;
  readonly children: Iterable<TreeElement>;
  readonly attributes: Iterable<TreeAttribute>;
  readonly classList: { contains(token: string): boolean };
  readonly innerHTML: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

abstract class LightNode implements TreeNode {
  abstract readonly nodeType: number;
  abstract readonly nodeValue: string | null;
  parentElement: LightElement | null = null;
  nextSibling: LightNode | null = null;
  firstChild: LightNode | null = null;

  get nextElementSibling(): LightElement | null {
    let node = this.nextSibling;
    while (node && !(node instanceof LightElement)) node = node.nextSibling;
    return node;
  }
}

class LightText extends LightNode {
  readonly nodeType = 3;
  nodeValue: string;
  constructor(text: string) {
    super();
    this.nodeValue = text;
  }
}

export class LightElement extends LightNode implements TreeElement {
  readonly nodeType = 1;
  readonly nodeValue = null;
  readonly tagName: string;
  readonly localName: string;
  readonly attributes: { name: string; value: string }[] = [];
  lastChild: LightNode | null = null;
  readonly classList = {
    contains: (token: string) => (this.getAttribute('class') ?? '').split(/\s+/).includes(token),
  };

  constructor(localName: string) {
    super();
    this.localName = localName;
    this.tagName = localName.toUpperCase();
  }

  get firstElementChild(): LightElement | null {
    const first = this.firstChild;
    return first instanceof LightElement ? first : (first?.nextElementSibling ?? null);
  }

  get children(): LightElement[] {
    const out: LightElement[] = [];
    for (let child = this.firstElementChild; child; child = child.nextElementSibling)
      out.push(child);
    return out;
  }

  append(node: LightNode): void {
    node.parentElement = this;
    if (this.lastChild) this.lastChild.nextSibling = node;
    else this.firstChild = node;
    this.lastChild = node;
  }

  getAttribute(name: string): string | null {
    for (const attribute of this.attributes) if (attribute.name === name) return attribute.value;
    return null;
  }

  hasAttribute(name: string): boolean {
    return this.getAttribute(name) !== null;
  }

  /** Like the DOM: an existing attribute keeps its place, a new one goes last. */
  setAttribute(name: string, value: string): void {
    const existing = this.attributes.find((a) => a.name === name);
    if (existing) existing.value = value;
    else this.attributes.push({ name, value });
  }

  removeAttribute(name: string): void {
    const index = this.attributes.findIndex((a) => a.name === name);
    if (index !== -1) this.attributes.splice(index, 1);
  }

  get innerHTML(): string {
    let html = '';
    for (let node = this.firstChild; node; node = node.nextSibling) {
      if (node instanceof LightElement) html += node.outerHTML;
      else html += escapeText(node.nodeValue ?? '');
    }
    return html;
  }

  get outerHTML(): string {
    let html = `<${this.localName}`;
    for (const { name, value } of this.attributes) html += ` ${name}="${escapeAttribute(value)}"`;
    html += '>';
    // Void elements have no end tag (and no children here).
    return TAGS.get(this.localName)?.content
      ? `${html}${this.innerHTML}</${this.localName}>`
      : html;
  }
}

const START_TAG = /<([a-z][a-z0-9]*)((?:[ \t\n]+[a-z][a-z0-9-]*(?:="[^"<>]*")?)*)[ \t\n]*(\/?)>/y;
const END_TAG = /<\/([a-z][a-z0-9]*)[ \t\n]*>/y;
const ATTRIBUTE = /([a-z][a-z0-9-]*)(?:="([^"]*)")?/g;
const NOT_WHITESPACE = /[^ \t\n\f]/;

/**
 * Decides an attribute: the value to keep (as the DOM holds it), or undefined to refuse it.
 * `value` is decoded (character references resolved), as the DOM would hold it.
 */
export type AttributeFilter = (tag: string, name: string, value: string) => string | undefined;

/**
 * The tree of `html` (as the children of a `<body>`), or undefined when `html` is not in the
 * strict subset, uses an element this module does not know, or has an attribute `allow`
 * refuses.
 */
export function parseStrictHtml(html: string, allow: AttributeFilter): LightElement | undefined {
  // The parser turns CR into LF and drops or replaces NUL: not the same tree.
  if (html.includes('\r') || html.includes('\0')) return undefined;
  const body = new LightElement('body');
  const stack: { element: LightElement; content: Content }[] = [{ element: body, content: 'flow' }];
  let links = 0;
  let at = 0;
  while (at < html.length) {
    const open = stack[stack.length - 1] as { element: LightElement; content: Content };
    const lt = html.indexOf('<', at);
    if (lt !== at) {
      const raw = html.slice(at, lt === -1 ? html.length : lt);
      if (WHITESPACE_ONLY.has(open.content) && NOT_WHITESPACE.test(raw)) return undefined;
      // The parser drops a newline right after <pre>; marked never writes one there.
      if (open.element.localName === 'pre' && !open.element.firstChild && raw.startsWith('\n'))
        return undefined;
      appendText(open.element, raw.includes('&') ? decodeHTML(raw) : raw);
      if (lt === -1) break;
      at = lt;
      continue;
    }
    if (html.charCodeAt(at + 1) === 47 /* / */) {
      END_TAG.lastIndex = at;
      const end = END_TAG.exec(html);
      if (!end || end[1] !== open.element.localName || stack.length === 1) return undefined;
      if (end[1] === 'a') links--;
      stack.pop();
      at = END_TAG.lastIndex;
      continue;
    }
    START_TAG.lastIndex = at;
    const start = START_TAG.exec(html);
    const name = start?.[1] ?? '';
    const rule = TAGS.get(name);
    if (!start || !rule || !rule.in.includes(open.content)) return undefined;
    if (start[3] && rule.content) return undefined; // `<p/>` is an open <p> to the parser
    if (name === 'a' && links++ > 0) return undefined;
    const element = new LightElement(name);
    for (const [, attribute = '', value] of (start[2] ?? '').matchAll(ATTRIBUTE)) {
      const decoded =
        value === undefined ? '' : value.includes('&') ? decodeHTMLAttribute(value) : value;
      const kept = element.hasAttribute(attribute) ? undefined : allow(name, attribute, decoded);
      if (kept === undefined) return undefined;
      element.attributes.push({ name: attribute, value: kept });
    }
    open.element.append(element);
    if (rule.content) stack.push({ element, content: rule.content });
    at = START_TAG.lastIndex;
  }
  return stack.length === 1 ? body : undefined;
}

function appendText(parent: LightElement, text: string): void {
  // Adjacent text (split at a decoded reference, say) is one node in a parsed DOM.
  if (parent.lastChild instanceof LightText) parent.lastChild.nodeValue += text;
  else parent.append(new LightText(text));
}
