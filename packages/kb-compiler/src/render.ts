/**
 * Markdown → sanitized HTML, in three steps: marked (GFM) renders; DOMPurify on jsdom removes
 * anything that could run or restyle the host page; then a pass over the clean DOM gives
 * headings stable ids, splits h2/h3 sections, extracts plain text for search and lets the
 * caller rewrite relative links and images. Everything added after sanitizing is built from
 * our own values with setAttribute, so it cannot reintroduce markup.
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import GithubSlugger from 'github-slugger';
import { JSDOM } from 'jsdom';
import { Marked, type Token, type Tokens } from 'marked';
import { FORBIDDEN_ARTICLE_TAGS } from '@porthole/kb/article-policy';

/** A relative URL in an article, resolved against the article's folder. */
export interface Reference {
  /** `a` links (to articles or files) or embedded files (`img`, `video`, `audio`, `source`). */
  kind: 'link' | 'embed';
  /** The URL as written (what to look for in the source). */
  raw: string;
  /** Path inside the content folder (`/` separators, no `..`), or undefined if it leaves it. */
  path: string | undefined;
  /** Decoded `#fragment`, if any. */
  fragment: string | undefined;
}

export type Rewrite =
  | {
      type: 'article';
      slug: string;
      locale: string;
      section: string | undefined;
      sameLocale: boolean;
    }
  | { type: 'asset'; url: string }
  | { type: 'unwrap' }
  | { type: 'keep' };

/** Something the sanitizer removed, described for the author. */
export interface Removal {
  message: string;
  /** Text to look for in the source to locate it. */
  needles: string[];
}

export interface RenderedSection {
  id: string;
  title: string;
  level: 2 | 3;
  text: string;
}

export interface RenderedArticle {
  html: string;
  /** The leading `# Heading`, when the body started with one (it is not in `html`). */
  leadingTitle: string | undefined;
  /** Plain text before the first h2/h3. */
  intro: string;
  sections: RenderedSection[];
  /** Every heading id, for checking `#fragment` links. */
  anchors: Set<string>;
  removed: Removal[];
}

export interface RenderOptions {
  /** The front-matter title; a leading `# Heading` equal to it is dropped. */
  title: string | undefined;
  resolve: (reference: Reference, element: { tag: string; attribute: string }) => Promise<Rewrite>;
  /** Folder of the article inside the content folder (`en/billing`), for relative URLs. */
  folder: string;
}

const FORBID_TAGS = [...FORBIDDEN_ARTICLE_TAGS];
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
const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TR',
  'TD',
  'TH',
  'TABLE',
  'THEAD',
  'TBODY',
  'PRE',
  'BLOCKQUOTE',
  'DT',
  'DD',
  'DL',
  'FIGCAPTION',
  'FIGURE',
  'HR',
  'BR',
  'DETAILS',
  'SUMMARY',
  'SECTION',
  'ARTICLE',
  'ASIDE',
  'HEADER',
  'FOOTER',
  'NAV',
  'CAPTION',
]);

const SANITIZE: Config & { RETURN_DOM: true } = {
  USE_PROFILES: { html: true },
  FORBID_TAGS,
  FORBID_ATTR,
  // Authors' data-* attributes could imitate the data-porthole-* ones added below.
  ALLOW_DATA_ATTR: false,
  RETURN_DOM: true,
};

/** The attributes this module adds after the first pass, which the second pass must keep. */
const OWN_ATTRIBUTES = [
  'data-porthole-article',
  'data-porthole-section',
  'data-porthole-locale',
  'target',
];

/**
 * The second pass runs on the serialized result, the way a browser will see it. A DOM that was
 * edited (the sanitizer keeps the content of removed elements, which can leave a <p> inside a
 * <p>) may parse differently from how it was built; sanitizing the string again gives markup
 * that parses back to itself.
 */
const RESANITIZE: Config & { RETURN_DOM: true } = {
  ...SANITIZE,
  FORBID_ATTR: FORBID_ATTR.filter((name) => name !== 'target'),
  ADD_ATTR: OWN_ATTRIBUTES,
  // The first pass removed authors' ids and names that could shadow document properties; what
  // remains are heading ids made here ("title", "images" …), which must survive to be linked to.
  SANITIZE_DOM: false,
};

export interface Renderer {
  render(markdown: string, options: RenderOptions): Promise<RenderedArticle>;
}

/** One jsdom window and one DOMPurify for a whole build (creating them is the slow part). */
/** Render articles one after another, with one jsdom window and one DOMPurify for all. */
/**
 * Articles sanitized in one jsdom window before it is replaced. Every document jsdom creates
 * (DOMPurify parses each article into a new one) adds event listeners to its window that are
 * never removed, so a window that lives for thousands of articles gets slower with each.
 */
const ARTICLES_PER_WINDOW = 100;

function createSanitizer(): { purify: DOMPurify; close: () => void } {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  const purify: DOMPurify = createDOMPurify(window);
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    const value = data.attrValue.trim();
    if (URL_ATTRIBUTES.has(data.attrName) && /^data:/i.test(value)) {
      const tag = node.nodeName;
      if (!((tag === 'IMG' || tag === 'SOURCE') && SAFE_DATA_URL.test(value)))
        data.keepAttr = false;
    }
  });
  return { purify, close: () => window.close() };
}

/** Render articles one after another (creating a jsdom window is slow: they are reused). */
export function createRenderer(): Renderer {
  let sanitizer = createSanitizer();
  let rendered = 0;
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      // Task-list checkboxes would be <input>, which the sanitizer removes; draw them as text.
      checkbox({ checked }: Tokens.Checkbox) {
        return checked ? '☑ ' : '☐ ';
      },
    },
  });

  return {
    async render(markdown, options) {
      // jsdom tracks DOMPurify's NodeIterators through WeakRefs, which V8 keeps alive until the
      // event loop turns; a build that only awaits resolved promises would never let it turn and
      // would hold every article's DOM (gigabytes for thousands of articles, and slower each time).
      await new Promise((resolve) => setImmediate(resolve));
      if (++rendered % ARTICLES_PER_WINDOW === 0) {
        sanitizer.close();
        sanitizer = createSanitizer();
      }
      const { purify } = sanitizer;
      const tokens = marked.lexer(markdown);
      const leadingTitle = takeLeadingTitle(tokens, options.title);
      // With RETURN_DOM, DOMPurify returns the <body> of the document it parsed the HTML into.
      const body = purify.sanitize(marked.parser(tokens), SANITIZE) as HTMLElement;
      // Anything removed (even a comment) may have left a structure a parser would not build.
      const reparse = purify.removed.length > 0;
      const removed = describeRemovals(purify.removed);

      const slugger = new GithubSlugger();
      const anchors = new Set<string>();
      for (const heading of body.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
        const id = slugger.slug(readText(heading).trim() || 'section');
        heading.setAttribute('id', id);
        anchors.add(id);
      }

      await rewriteReferences(body, options);

      // A DOM straight from the parser, with attributes set and links unwrapped, serializes to
      // markup that parses back to itself; only a DOM the sanitizer cut into needs the second pass.
      const clean = reparse ? (purify.sanitize(body.innerHTML, RESANITIZE) as HTMLElement) : body;
      const { intro, sections } = splitSections(clean);
      return { html: clean.innerHTML.trim(), leadingTitle, intro, sections, anchors, removed };
    },
  };
}

/**
 * Drop a leading `# Heading` (it is shown as the title); return its text. Only dropped when it
 * is the title, or when there is no title (then it becomes the title).
 */
function takeLeadingTitle(tokens: Token[], title: string | undefined): string | undefined {
  const first = tokens.findIndex((t) => t.type !== 'space');
  const token = tokens[first];
  if (!token || token.type !== 'heading' || (token as Tokens.Heading).depth !== 1) return undefined;
  const text = plainInline((token as Tokens.Heading).tokens).trim();
  if (title !== undefined && normalizeTitle(text) !== normalizeTitle(title)) return undefined;
  tokens.splice(first, 1);
  return text;
}

function normalizeTitle(title: string): string {
  return title.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

function plainInline(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((t) => ('tokens' in t && t.tokens ? plainInline(t.tokens) : 'text' in t ? t.text : ''))
    .join('');
}

async function rewriteReferences(body: HTMLElement, options: RenderOptions): Promise<void> {
  const targets: [Element, string][] = [];
  for (const element of body.querySelectorAll('a[href]')) targets.push([element, 'href']);
  for (const element of body.querySelectorAll(
    'img[src], video[src], audio[src], source[src], track[src]',
  )) {
    targets.push([element, 'src']);
  }
  for (const element of body.querySelectorAll('video[poster]')) targets.push([element, 'poster']);

  for (const [element, attribute] of targets) {
    const raw = element.getAttribute(attribute) ?? '';
    const kind = element.tagName === 'A' ? 'link' : 'embed';
    if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(raw)) {
      if (kind === 'link' && /^https?:/i.test(raw)) {
        // Leaving the help panel would lose the visitor's place in the host page.
        element.setAttribute('target', '_blank');
        element.setAttribute('rel', 'noopener noreferrer');
      }
      continue;
    }
    if (raw.startsWith('/') || raw === '' || (raw.startsWith('#') && kind === 'link')) continue;
    const reference = parseReference(raw, kind, options.folder);
    const rewrite = await options.resolve(reference, {
      tag: element.tagName.toLowerCase(),
      attribute,
    });
    applyRewrite(element, attribute, rewrite);
  }
}

function parseReference(raw: string, kind: Reference['kind'], folder: string): Reference {
  const hash = raw.indexOf('#');
  const beforeHash = hash === -1 ? raw : raw.slice(0, hash);
  const fragment = hash === -1 ? undefined : safeDecode(raw.slice(hash + 1));
  const pathPart = beforeHash.split('?')[0] ?? '';
  const joined = [...folder.split('/'), ...safeDecode(pathPart).split('/')];
  const parts: string[] = [];
  let escapes = false;
  for (const part of joined) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) escapes = true;
      parts.pop();
    } else parts.push(part);
  }
  return {
    kind,
    raw,
    path: escapes || parts.length === 0 ? undefined : parts.join('/'),
    fragment: fragment || undefined,
  };
}

/** `decodeURIComponent`, or the text as it is when it is not valid percent-encoding. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function applyRewrite(element: Element, attribute: string, rewrite: Rewrite): void {
  switch (rewrite.type) {
    case 'article': {
      // A harmless in-page fragment; the widget handles the click with the data attributes.
      const target = `porthole-article=${encodeURIComponent(rewrite.slug)}`;
      const section = rewrite.section ? `&section=${encodeURIComponent(rewrite.section)}` : '';
      element.setAttribute('href', `#${target}${section}`);
      element.setAttribute('data-porthole-article', rewrite.slug);
      if (rewrite.section) element.setAttribute('data-porthole-section', rewrite.section);
      if (!rewrite.sameLocale) element.setAttribute('data-porthole-locale', rewrite.locale);
      break;
    }
    case 'asset':
      element.setAttribute(attribute, rewrite.url);
      break;
    case 'unwrap':
      if (element.tagName === 'A') element.replaceWith(...element.childNodes);
      else element.removeAttribute(attribute);
      break;
    case 'keep':
      break;
  }
}

/** Split at top-level h2/h3: the text before the first one, then one section per heading. */
function splitSections(body: HTMLElement): { intro: string; sections: RenderedSection[] } {
  const sections: RenderedSection[] = [];
  let intro = '';
  let current: RenderedSection | undefined;
  // Sibling links, not childNodes: indexing jsdom's live NodeList is slow on long articles.
  for (let node = body.firstChild; node; node = node.nextSibling) {
    const tag = node.nodeType === 1 ? (node as Element).tagName : '';
    if (tag === 'H2' || tag === 'H3') {
      current = {
        id: (node as Element).id,
        title: collapse(readText(node)),
        level: tag === 'H2' ? 2 : 3,
        text: '',
      };
      sections.push(current);
      continue;
    }
    const text = readText(node);
    if (current) current.text += text;
    else intro += text;
  }
  for (const section of sections) section.text = collapse(section.text);
  return { intro: collapse(intro), sections };
}

/** Text content with a space wherever a block ends, so words of adjacent blocks do not merge. */
function readText(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType !== 1) return '';
  const tag = (node as Element).tagName;
  if (tag === 'TR') {
    // Table rows read as "cell · cell · cell;" so a snippet cut from a table stays legible.
    const cells: string[] = [];
    for (let cell = node.firstChild; cell; cell = cell.nextSibling) {
      const text = collapse(readText(cell));
      if (text) cells.push(text);
    }
    return cells.length > 0 ? ` ${cells.join(' · ')}; ` : ' ';
  }
  let text = '';
  for (let child = node.firstChild; child; child = child.nextSibling) text += readText(child);
  return BLOCK_TAGS.has(tag) ? ` ${text} ` : text;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
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
      const name = item.attribute.name;
      const value = item.attribute.value;
      const on = item.from?.nodeName.toLowerCase() ?? 'element';
      // The sanitizer drops ids that could shadow document properties; headings get new ones anyway.
      if (name === 'id' || name === 'name') continue;
      const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      out.push({
        message: `removed unsafe HTML: attribute ${name}="${shown}" on <${on}>`,
        needles: [value.slice(0, 40), `${name}=`, name],
      });
    }
  }
  return out;
}
