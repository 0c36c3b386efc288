/**
 * One article, Markdown → sanitized HTML, with no knowledge of other articles (so it can run in
 * a worker and be cached by content): prepare.ts takes out what is not Markdown, marked renders
 * (markdown/), and the HTML becomes a tree: html-tree.ts reads it directly when it is markup
 * DOMPurify would leave as it is (most articles: no raw HTML, no unusual URLs), DOMPurify on
 * jsdom sanitizes everything else (sanitize.ts). Then one pass over the clean tree gives
 * headings their ids, splits h2/h3 sections, extracts plain text for search and replaces
 * every relative link or image with a placeholder (`data-porthole-ref`) that links.ts fills in
 * once the whole knowledge base is known. Everything added after sanitizing is built from our
 * own values with setAttribute, so it cannot reintroduce markup.
 */
import GithubSlugger, { slug as slugify } from 'github-slugger';
import type { Token, Tokens } from 'marked';
import { createLineIndex, type DiagnosticCode, type DiagnosticSeverity } from './diagnostics.js';
import { parseStrictHtml, type TreeElement, type TreeNode } from './html-tree.js';
import {
  NO_INCLUDES,
  RenderContext,
  withRenderContext,
  type IncludeMap,
  type Mark,
} from './markdown/context.js';
import { renderFootnotes } from './markdown/footnotes.js';
import { createMarkdownReader } from './markdown/markdown.js';
import { prepareSource } from './markdown/prepare.js';
import { mapTokenOffsets } from './markdown/source-map.js';
import { createSanitizer, keepOwnAttribute } from './sanitize.js';
import { didYouMean } from './suggest.js';
import { tokenizeRecords, type ArticleTerms } from './index/records.js';
import { snippetTexts } from './index/snippet-text.js';

export interface RenderJob {
  /** Path inside the content folder (`en/billing/refunds.md`). */
  path: string;
  /** The whole file, newlines normalized to `\n`. */
  text: string;
  /** Where the Markdown starts (after the front matter). */
  bodyOffset: number;
  /** The front-matter title; a leading `# Heading` equal to it is dropped. */
  title: string | undefined;
  includes?: IncludeMap;
  /**
   * For an article that goes into the search index: what its own record holds besides the
   * title and text. The render then also returns its terms and snippet texts.
   */
  index?: IndexFields;
}

/** Front matter the search index reads, and the title to fall back on. */
export interface IndexFields {
  /** Title from the file name, for when there is no title nor leading `# Heading`. */
  nameTitle: string;
  description: string | undefined;
  category: string | undefined;
  tags: readonly string[];
  keywords: readonly string[];
}

/** A link or embedded file to resolve against the knowledge base (see links.ts). */
export interface ArticleReference {
  kind: 'link' | 'embed';
  /** As written: a URL, or a wikilink target (`Note#Heading`). */
  raw: string;
  wikilink: boolean;
  /** The partial it was written in, when it came from an included file. */
  from?: string;
  line?: number;
  column?: number;
}

export interface RenderProblemAt {
  line: number;
  column: number;
  severity: DiagnosticSeverity;
  code: DiagnosticCode;
  message: string;
  onceKey?: string;
}

export interface RenderedSection {
  id: string;
  title: string;
  level: 2 | 3;
  text: string;
}

export interface RenderedArticle {
  /** Sanitized HTML; reference `i` is the element with `data-porthole-ref="<refKey>:<i>"`. */
  html: string;
  refKey: string;
  references: ArticleReference[];
  /** The leading `# Heading`, when the body started with one (it is not in `html`). */
  leadingTitle: string | undefined;
  /** Plain text before the first h2/h3. */
  intro: string;
  sections: RenderedSection[];
  /** Every heading id, for checking `#fragment` links to this article. */
  anchors: string[];
  /**
   * Heading text (as a slug) → id, for headings with a custom `{#id}`: wikilinks name headings
   * by their text.
   */
  headingAliases: Record<string, string>;
  problems: RenderProblemAt[];
  /** Set when the article could not be rendered at all (the problems say why). */
  failed: boolean;
  /**
   * How the HTML was made safe: read as markup DOMPurify would leave unchanged (html-tree.ts),
   * or sanitized by DOMPurify on jsdom.
   */
  sanitizedBy: 'html-tree' | 'dompurify';
  /** With `job.index`: the records' terms, for the search index. */
  terms?: ArticleTerms;
  /**
   * With `job.index`: snippet text per record. Taken before links are filled in, which
   * changes the text only where a `[[wikilink]]` to no note becomes text again.
   */
  snippets?: string[];
}

const BLOCK_TAGS = new Set(
  'P DIV LI UL OL H1 H2 H3 H4 H5 H6 TR TD TH TABLE THEAD TBODY PRE BLOCKQUOTE DT DD DL FIGCAPTION FIGURE HR BR DETAILS SUMMARY SECTION ARTICLE ASIDE HEADER FOOTER NAV CAPTION'.split(
    ' ',
  ),
);
const EMBED_TAGS = new Set(['IMG', 'VIDEO', 'AUDIO', 'SOURCE', 'TRACK']);
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/** Deeper than this, a list or quote is not content; marked and the DOM would recurse too deep. */
export const MAX_NESTING = 100;
const MAX_HTML_DEPTH = 256;

export interface ArticleRenderer {
  render(job: RenderJob): RenderedArticle;
}

export interface ArticleRendererOptions {
  /**
   * Send every article through DOMPurify on jsdom, even markup html-tree.ts can read (tests
   * compare the two paths).
   * @default false
   */
  alwaysSanitize?: boolean;
}

/** Render articles one after another (the sanitizer's jsdom window is reused). */
export function createArticleRenderer(options: ArticleRendererOptions = {}): ArticleRenderer {
  let source = { text: '', bodyOffset: 0 };
  const reader = createMarkdownReader(() => source);
  const sanitizer = createSanitizer();
  /** The tree of markup DOMPurify would not change, else DOMPurify's tree and what it removed. */
  const toTree = (html: string, marks: string) => {
    const own = options.alwaysSanitize
      ? undefined
      : parseStrictHtml(html, (tag, name, value) => keepOwnAttribute(tag, name, value, marks));
    return own
      ? { body: own, removed: [], by: 'html-tree' as const }
      : { ...sanitizer.sanitize(html, marks), by: 'dompurify' as const };
  };
  return {
    render(job) {
      const lines = createLineIndex(job.text);
      const fail = (at: number, code: DiagnosticCode, message: string): RenderedArticle => ({
        ...EMPTY,
        problems: [{ ...lines.locate(at), severity: 'error', code, message }],
        failed: true,
      });
      const deep = findDeepNesting(job.text, job.bodyOffset);
      if (deep) return fail(deep.at, 'too-deep', deep.message);
      try {
        return renderChecked(job);
      } catch (error) {
        // One bad file must never sink the build: report it at the file and go on.
        if (error instanceof RangeError) {
          return fail(
            job.bodyOffset,
            'too-deep',
            `the article is nested too deeply to render (${error.message})`,
          );
        }
        return fail(
          job.bodyOffset,
          'render-failed',
          `could not render the article: ${String(error)}`,
        );
      }
    },
  };

  function renderChecked(job: RenderJob): RenderedArticle {
    const body = job.text.slice(job.bodyOffset);
    const isMdx = (path: string) => /\.mdx$/i.test(path);
    const prepared = prepareSource(body, job.bodyOffset, isMdx(job.path));
    const original = createLineIndex(job.text);
    const preparedText = job.text.slice(0, job.bodyOffset) + prepared.text;
    const preparedLines = createLineIndex(preparedText);
    const bodyLine = original.locate(job.bodyOffset).line - 1;
    const locate = (at: number) => {
      const { line, column } = preparedLines.locate(at);
      return { line, column: column + (prepared.shifts.get(line - 1 - bodyLine) ?? 0) };
    };
    const context = new RenderContext({
      path: job.path,
      includes: job.includes ?? NO_INCLUDES,
      prepare: (path, text) => {
        const included = prepareSource(text, 0, isMdx(path));
        context.imports.set(path, included.imports);
        return included.text;
      },
    });
    context.mdx = prepared.mdx;
    context.imports.set(job.path, prepared.imports);
    source = { text: preparedText, bodyOffset: job.bodyOffset };

    let leadingTitle: string | undefined;
    const htmlRanges: [number, number][] = [];
    const html = withRenderContext(context, () => {
      const tokens = reader.lex(prepared.text);
      mapTokenOffsets(tokens, preparedText, job.bodyOffset, context.offsets);
      collectHtmlRanges(tokens, context.offsets, htmlRanges);
      leadingTitle = takeLeadingTitle(tokens, job.title);
      return reader.parse(tokens) + renderFootnotes((t) => reader.parse(t));
    });

    const { body: dom, removed, by } = toTree(html, context.nonce);
    const findHtml = createHtmlFinder(preparedText, htmlRanges, job.bodyOffset);
    const problems: RenderProblemAt[] = prepared.problems.map(({ at, ...p }) => ({
      ...original.locate(at),
      ...p,
    }));
    for (const problem of context.problems) problems.push({ ...problem, ...locate(problem.at) });
    for (const removal of removed) {
      problems.push({
        ...locate(findHtml(removal.needles)),
        severity: 'warning',
        code: 'unsafe-html',
        message: removal.message,
      });
    }

    const walk = walkArticle(dom, context, (needle) => locate(findHtml([needle])), locate);
    problems.push(...walk.problems);
    // A DOM straight from the parser, with attributes set, serializes to markup that parses
    // back to itself; only a DOM the sanitizer cut into needs the second pass.
    const clean = removed.length > 0 ? sanitizer.resanitize(dom.innerHTML, context.nonce) : dom;
    const { intro, sections } = splitSections(clean);
    const out = clean.innerHTML.trim();
    return {
      html: out,
      refKey: context.nonce,
      references: walk.references,
      leadingTitle,
      intro,
      sections,
      anchors: [...walk.anchors],
      headingAliases: walk.headingAliases,
      problems,
      failed: false,
      sanitizedBy: by,
      ...(job.index && {
        terms: tokenizeRecords([
          {
            title: job.title ?? leadingTitle ?? job.index.nameTitle,
            keywords: job.index.keywords,
            tags: job.index.tags,
            description: job.index.description ?? '',
            category: job.index.category ?? '',
            body: intro,
          },
          ...sections.map((section) => ({ heading: section.title, body: section.text })),
        ]),
        snippets: snippetTexts(out, [intro, ...sections.map((section) => section.text)]),
      }),
    };
  }
}

const EMPTY: RenderedArticle = {
  html: '',
  refKey: '',
  references: [],
  leadingTitle: undefined,
  intro: '',
  sections: [],
  anchors: [],
  headingAliases: {},
  problems: [],
  failed: false,
  sanitizedBy: 'html-tree',
};

interface Walk {
  references: ArticleReference[];
  anchors: Set<string>;
  headingAliases: Record<string, string>;
  problems: RenderProblemAt[];
}

/**
 * One pass over the sanitized DOM, in document order and without recursion (a deep DOM must not
 * overflow the stack): heading ids, marks, links and images.
 */
function walkArticle(
  body: TreeElement,
  context: RenderContext,
  locateNeedle: (needle: string) => { line: number; column: number },
  locate: (at: number) => { line: number; column: number },
): Walk {
  const references: ArticleReference[] = [];
  const anchors = new Set<string>();
  const headingAliases: Record<string, string> = {};
  const slugger = new GithubSlugger();
  const fragments: {
    id: string;
    raw: string;
    at: { line: number; column: number } | undefined;
    element: TreeElement;
  }[] = [];

  let element = body.firstElementChild;
  while (element) {
    const mark = context.readMark(element.getAttribute('data-porthole-mark'));
    element.removeAttribute('data-porthole-mark');
    const tag = element.tagName;
    // Authors' own anchors (`<a id="x"></a>`, common in Docusaurus docs) can be linked to.
    const ownId = element.getAttribute('id');
    if (ownId && !/^H[1-6]$/.test(tag)) anchors.add(ownId);
    if (/^H[1-6]$/.test(tag)) {
      const custom = mark?.type === 'heading-id' ? mark.id : undefined;
      const text = readText(element).trim() || 'section';
      const id = custom ?? slugger.slug(text);
      if (custom) headingAliases[slugify(text)] = custom;
      element.setAttribute('id', id);
      anchors.add(id);
    } else if (tag === 'A' && element.hasAttribute('href')) {
      visitReference(element, 'href', 'link', mark);
    } else if (EMBED_TAGS.has(tag) && element.hasAttribute('src')) {
      visitReference(element, 'src', 'embed', mark);
    } else if (tag === 'DIV' && element.classList.contains('porthole-tabs')) {
      const tabs = [...element.children].filter((c) => c.tagName === 'DETAILS');
      if (tabs.length > 0 && !tabs.some((t) => t.hasAttribute('open')))
        tabs[0]?.setAttribute('open', '');
    }
    element = nextElement(element, body);
  }

  const problems: RenderProblemAt[] = [];
  for (const fragment of fragments) {
    if (anchors.has(fragment.id) || /^porthole-fn(?:ref)?-/.test(fragment.id)) continue;
    const alias = headingAliases[fragment.id];
    if (alias) {
      fragment.element.setAttribute('href', `#${alias}`);
      continue;
    }
    problems.push({
      ...(fragment.at ?? locate(0)),
      severity: 'warning',
      code: 'missing-anchor',
      message: `"${fragment.raw}": this article has no heading "#${fragment.id}"${didYouMean(fragment.id, anchors).replace('"', '"#')}`,
    });
  }
  return { references, anchors, headingAliases, problems };

  function visitReference(
    element: TreeElement,
    attribute: string,
    kind: 'link' | 'embed',
    mark: Mark | undefined,
  ): void {
    const value = element.getAttribute(attribute) ?? '';
    const marked = mark?.type === 'ref' ? mark.reference : undefined;
    // The attribute as parsed (character references decoded), except for wikilink targets.
    const raw = marked?.wikilink ? marked.raw : value;
    const where = marked
      ? marked.at === undefined
        ? undefined
        : locate(marked.at)
      : locateNeedle(value);
    if (!marked?.wikilink && EXTERNAL.test(raw)) {
      if (kind === 'link' && /^https?:/i.test(raw)) {
        // Leaving the help panel would lose the visitor's place in the host page.
        element.setAttribute('target', '_blank');
        element.setAttribute('rel', 'noopener noreferrer');
      }
      return;
    }
    if (raw === '') return;
    if (raw.startsWith('#')) {
      if (kind !== 'link' || marked?.from) return;
      const id = marked?.wikilink ? slugify(raw.slice(1)) : safeDecode(raw.slice(1));
      if (marked?.wikilink) element.setAttribute('href', `#${id}`);
      fragments.push({ id, raw, at: where, element });
      return;
    }
    const reference: ArticleReference = { kind, raw, wikilink: marked?.wikilink ?? false };
    if (marked?.from) reference.from = marked.from;
    if (where) Object.assign(reference, where);
    // The placeholder goes first among the attributes, so links.ts finds the tag's start.
    const others = [...element.attributes].filter((a) => a.name !== attribute);
    for (const a of [...element.attributes]) element.removeAttribute(a.name);
    element.setAttribute('data-porthole-ref', `${context.nonce}:${references.length}`);
    for (const a of others) element.setAttribute(a.name, a.value);
    references.push(reference);
  }
}

/** The element after `element` in document order, inside `root`. */
function nextElement(element: TreeElement, root: TreeElement): TreeElement | null {
  if (element.firstElementChild) return element.firstElementChild;
  let current: TreeElement | null = element;
  while (current && current !== root) {
    if (current.nextElementSibling) return current.nextElementSibling;
    current = current.parentElement;
  }
  return null;
}

/** `decodeURIComponent`, or the text as it is when it is not valid percent-encoding. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Offsets of raw HTML in the source: where the sanitizer's removals and raw links are looked for. */
function collectHtmlRanges(
  tokens: readonly Token[],
  offsets: WeakMap<object, number>,
  out: [number, number][],
): void {
  for (const token of tokens) {
    if (token.type === 'html') {
      const at = offsets.get(token);
      if (at !== undefined) out.push([at, at + token.raw.length]);
    }
    const nested = token as { tokens?: Token[]; items?: Token[] };
    if (nested.items) collectHtmlRanges(nested.items, offsets, out);
    if (nested.tokens && token.type !== 'include') collectHtmlRanges(nested.tokens, offsets, out);
    if (token.type === 'table') {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()])
        collectHtmlRanges(cell.tokens, offsets, out);
    }
  }
  out.sort((a, b) => a[0] - b[0]);
}

/**
 * Locate text inside the article's raw HTML: the n-th lookup of the same needle finds its n-th
 * occurrence (removals are reported in document order). Falls back to the body's start.
 */
function createHtmlFinder(
  text: string,
  ranges: [number, number][],
  fallback: number,
): (needles: string[]) => number {
  const seen = new Map<string, number>();
  const lower = text.toLowerCase();
  return (needles) => {
    for (const needle of needles) {
      if (!needle) continue;
      const wanted = needle.toLowerCase();
      const skip = seen.get(wanted) ?? 0;
      let found = 0;
      for (const [from, to] of ranges) {
        let at = lower.indexOf(wanted, from);
        while (at !== -1 && at + wanted.length <= to) {
          if (found++ === skip) {
            seen.set(wanted, skip + 1);
            return at;
          }
          at = lower.indexOf(wanted, at + 1);
        }
      }
    }
    return fallback;
  };
}

/** The first line nested deeper than MAX_NESTING (quotes, lists) or raw HTML deeper than MAX_HTML_DEPTH. */
function findDeepNesting(text: string, from: number): { at: number; message: string } | undefined {
  const containers = /^(?:[ \t]*(?:>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/gm;
  containers.lastIndex = from;
  for (let match = containers.exec(text); match; match = containers.exec(text)) {
    const markers = (match[0].match(/>|[*+-]|\d{1,9}[.)]/g) ?? []).length;
    const indent = /^[ \t]*/.exec(match[0])?.[0].length ?? 0;
    if (markers > MAX_NESTING || indent > MAX_NESTING * 4) {
      return {
        at: match.index,
        message: `lists or quotes are nested more than ${MAX_NESTING} levels deep here; the article is not built`,
      };
    }
    if (match[0].length === 0) containers.lastIndex++;
  }
  if (text.length - from < MAX_HTML_DEPTH * 5) return undefined;
  let depth = 0;
  const tags = /<(\/?)([a-zA-Z][\w-]*)[^<>]*?(\/?)>/g;
  tags.lastIndex = from;
  for (let match = tags.exec(text); match; match = tags.exec(text)) {
    if (VOID.has((match[2] ?? '').toLowerCase()) || match[3]) continue;
    depth += match[1] ? -1 : 1;
    if (depth > MAX_HTML_DEPTH) {
      return {
        at: match.index,
        message: `HTML elements are nested more than ${MAX_HTML_DEPTH} levels deep here; the article is not built`,
      };
    }
    if (depth < 0) depth = 0;
  }
  return undefined;
}

const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));

/**
 * Drop a leading `# Heading` (it is shown as the title); return its text. Only dropped when it
 * is the title, or when there is no title (then it becomes the title).
 */
function takeLeadingTitle(tokens: Token[], title: string | undefined): string | undefined {
  const first = tokens.findIndex(
    (t) => t.type !== 'space' && !(t.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(t.raw)),
  );
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

/** Split at top-level h2/h3: the text before the first one, then one section per heading. */
function splitSections(body: TreeElement): { intro: string; sections: RenderedSection[] } {
  const sections: RenderedSection[] = [];
  let intro = '';
  let current: RenderedSection | undefined;
  for (let node = body.firstChild; node; node = node.nextSibling) {
    const tag = node.nodeType === 1 ? (node as TreeElement).tagName : '';
    if (tag === 'H2' || tag === 'H3') {
      current = {
        id: (node as TreeElement).getAttribute('id') ?? '',
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
function readText(node: TreeNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType !== 1) return '';
  const tag = (node as TreeElement).tagName;
  if (tag === 'TR') {
    // Table rows read as "cell · cell · cell;" so a snippet cut from a table stays legible.
    const cells: string[] = [];
    for (let cell = node.firstChild; cell; cell = cell.nextSibling) {
      const text = collapse(readText(cell));
      if (text) cells.push(text);
    }
    return cells.length > 0 ? ` ${cells.join(' · ')}; ` : ' ';
  }
  // Footnote back-links are navigation, not text.
  if (tag === 'A' && (node as TreeElement).classList.contains('porthole-footnote-back')) return '';
  let text = '';
  for (let child = node.firstChild; child; child = child.nextSibling) text += readText(child);
  return BLOCK_TAGS.has(tag) ? ` ${text} ` : text;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
