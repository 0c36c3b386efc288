/**
 * JSX components in MDX (`<Tabs>`, `<Aside type="tip">`, `<YouTube id="…" />`). A help
 * widget cannot run React or Astro components, so the ones docs sites use for structure
 * become the same static HTML as their Markdown equivalents (tabs, callouts, cards), an
 * imported `.md`/`.mdx` partial is included, and any other component is reduced to the text
 * between its tags, with one warning per component name for the whole build.
 */
import type { MarkedExtension, RendererExtension, TokenizerExtension, Tokens } from 'marked';
import { calloutClosing, calloutOpening } from './callouts.js';
import { activeContext, escapeHtml, type RenderContext } from './context.js';
import { includeFile } from './includes.js';

type Attributes = Record<string, string | true | { expression: string }>;

interface JsxTag {
  end: number;
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attributes: Attributes;
}

const MAX_TAG_LENGTH = 8000;

/** Read a JSX tag at `start` (a `<`), attributes and all; undefined if it is not one. */
export function readJsxTag(src: string, start: number): JsxTag | undefined {
  let i = start + 1;
  const closing = src[i] === '/';
  if (closing) i++;
  const name = /^[A-Z][\w.]*/.exec(src.slice(i, i + 200))?.[0];
  if (!name) return undefined;
  i += name.length;
  const attributes: Attributes = {};
  const limit = Math.min(src.length, start + MAX_TAG_LENGTH);
  while (i < limit) {
    while (i < limit && /\s/.test(src[i] ?? '')) i++;
    if (src.startsWith('/>', i))
      return { end: i + 2, name, closing, selfClosing: true, attributes };
    if (src[i] === '>') return { end: i + 1, name, closing, selfClosing: false, attributes };
    if (src[i] === '{') {
      const end = skipBraces(src, i, limit);
      if (end === undefined) return undefined;
      i = end;
      continue;
    }
    const attribute = /^[A-Za-z_:][\w:.-]*/.exec(src.slice(i, i + 200))?.[0];
    if (!attribute) return undefined;
    i += attribute.length;
    while (i < limit && /[ \t]/.test(src[i] ?? '')) i++;
    if (src[i] !== '=') {
      attributes[attribute] = true;
      continue;
    }
    i++;
    while (i < limit && /\s/.test(src[i] ?? '')) i++;
    const quote = src[i];
    if (quote === '"' || quote === "'") {
      const end = src.indexOf(quote, i + 1);
      if (end === -1 || end > limit) return undefined;
      attributes[attribute] = src.slice(i + 1, end);
      i = end + 1;
    } else if (quote === '{') {
      const end = skipBraces(src, i, limit);
      if (end === undefined) return undefined;
      attributes[attribute] = { expression: src.slice(i + 1, end - 1).trim() };
      i = end;
    } else return undefined;
  }
  return undefined;
}

/** The index after the `}` matching the `{` at `start`, skipping strings. */
function skipBraces(src: string, start: number, limit: number): number | undefined {
  let depth = 0;
  for (let i = start; i < limit; i++) {
    const char = src[i];
    if (char === '"' || char === "'" || char === '`') {
      const end = src.indexOf(char, i + 1);
      if (end === -1) return undefined;
      i = end;
    } else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i + 1;
  }
  return undefined;
}

/** A string attribute, or a string literal expression (`label={'npm'}`). */
function text(attributes: Attributes, name: string): string | undefined {
  const value = attributes[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    return /^(["'`])([^"'`]*)\1$/.exec(value.expression)?.[2];
  }
  return undefined;
}

interface Component {
  open?: (attributes: Attributes, context: RenderContext) => string;
  close?: string;
}

/** Docusaurus `<Tabs values={[{label: 'npm', value: 'npm'}]}>`: labels by value. */
const tabLabels = new WeakMap<RenderContext, Map<string, string>>();

function calloutComponent(kind: string): Component {
  return {
    open: (a) => {
      const title = text(a, 'title');
      return calloutOpening(
        text(a, 'type') ?? kind,
        title ? escapeHtml(title) : undefined,
        undefined,
      );
    },
    close: calloutClosing(undefined),
  };
}

const COMPONENTS: Record<string, Component> = {
  Tabs: {
    open: (a, context) => {
      const values = typeof a.values === 'object' ? a.values.expression : '';
      const labels = new Map<string, string>();
      for (const m of values.matchAll(/\{([^{}]*)\}/g)) {
        const label = /label\s*:\s*["'`]([^"'`]*)["'`]/.exec(m[1] ?? '')?.[1];
        const value = /value\s*:\s*["'`]([^"'`]*)["'`]/.exec(m[1] ?? '')?.[1];
        if (label !== undefined && value !== undefined) labels.set(value, label);
      }
      tabLabels.set(context, labels);
      return '<div class="porthole-tabs">\n';
    },
    close: '</div>\n',
  },
  TabItem: {
    open: (a, context) => {
      const value = text(a, 'value');
      const label =
        text(a, 'label') ??
        (value ? tabLabels.get(context)?.get(value) : undefined) ??
        value ??
        'Tab';
      return `<details class="porthole-tab"><summary>${escapeHtml(label)}</summary>\n`;
    },
    close: '</details>\n',
  },
  Aside: calloutComponent('note'),
  Admonition: calloutComponent('note'),
  Callout: calloutComponent('note'),
  Details: {
    open: (a) => `<details><summary>${escapeHtml(text(a, 'summary') ?? 'Details')}</summary>\n`,
    close: '</details>\n',
  },
  Card: {
    open: (a) => {
      const title = text(a, 'title');
      return `<div class="porthole-card">${title ? `<p class="porthole-card-title">${escapeHtml(title)}</p>` : ''}\n`;
    },
    close: '</div>\n',
  },
  LinkCard: {
    open: (a, context) => {
      const title = escapeHtml(text(a, 'title') ?? text(a, 'href') ?? '');
      const href = text(a, 'href');
      const description = text(a, 'description');
      const link = href
        ? `<a href="${escapeHtml(href)}"${context.mark({ type: 'ref', reference: { kind: 'link', raw: href, wikilink: false, at: undefined, from: context.includeStack.at(-1) } })}>${title}</a>`
        : title;
      return `<p class="porthole-card">${link}${description ? `<br>${escapeHtml(description)}` : ''}</p>\n`;
    },
  },
  Badge: {
    open: (a) => {
      const label = text(a, 'text');
      return label ? ` <span class="porthole-badge">${escapeHtml(label)}</span> ` : '';
    },
  },
  Kbd: { open: () => '<kbd>', close: '</kbd>' },
  Code: {
    open: (a) => {
      const code = text(a, 'code');
      return code ? `<pre><code>${escapeHtml(code)}</code></pre>\n` : '';
    },
  },
  // Structure only: their content stays, they add nothing.
  Steps: {},
  CardGrid: {},
  FileTree: {},
  Fragment: {},
  BrowserWindow: {},
  // Decoration or navigation a help panel does not need.
  Icon: {},
  TOCInline: {},
};

function renderTag(tag: JsxTag, context: RenderContext, at: number | undefined): string {
  const component = COMPONENTS[tag.name];
  if (tag.closing) return component?.close ?? '';
  if (component) {
    const html = component.open?.(tag.attributes, context) ?? '';
    return tag.selfClosing ? html + (component.close ?? '') : html;
  }
  context.report({
    at: at ?? 0,
    severity: 'warning',
    code: 'mdx-component',
    message: `<${tag.name}> is an MDX component Porthole cannot render: ${tag.selfClosing ? 'it is left out' : 'the text inside it is kept'}`,
    onceKey: `mdx-component:${tag.name}`,
  });
  return '';
}

function renderJsxToken(token: Tokens.Generic): string {
  const context = activeContext();
  return renderTag(token.tag as JsxTag, context, context.offsetOf(token));
}

const jsxBlock: TokenizerExtension & RendererExtension = {
  name: 'jsxBlock',
  level: 'block',
  start(src) {
    if (!activeContext().mdx) return undefined;
    const match = /(?:^|\n)[ \t]*<\/?[A-Z]/.exec(src);
    return match ? match.index + (match[0].startsWith('\n') ? 1 : 0) : undefined;
  },
  tokenizer(src) {
    const context = activeContext();
    if (!context.mdx) return undefined;
    const lead = /^[ \t]*(?=<\/?[A-Z])/.exec(src);
    if (!lead) return undefined;
    const tag = readJsxTag(src, lead[0].length);
    if (!tag) return undefined;
    const rest = /^[ \t]*(?:\n|$)/.exec(src.slice(tag.end));
    if (!rest) return undefined;
    const raw = src.slice(0, tag.end + rest[0].length);
    const imported = context.imports.get(context.currentFile)?.get(tag.name);
    if (imported && tag.selfClosing && /\.mdx?$/i.test(imported)) {
      const included = includeFile(this.lexer, imported, raw);
      if (included) return included as typeof included & Record<string, unknown>;
    }
    return { type: 'jsxBlock', raw, tag };
  },
  renderer: renderJsxToken,
};

const jsxInline: TokenizerExtension & RendererExtension = {
  name: 'jsxInline',
  level: 'inline',
  start(src) {
    if (!activeContext().mdx) return undefined;
    const index = src.search(/<\/?[A-Z]/);
    return index === -1 ? undefined : index;
  },
  tokenizer(src) {
    if (!activeContext().mdx || !/^<\/?[A-Z]/.test(src)) return undefined;
    const tag = readJsxTag(src, 0);
    if (!tag) return undefined;
    return { type: 'jsxInline', raw: src.slice(0, tag.end), tag };
  },
  renderer: renderJsxToken,
};

export const jsxExtension: MarkedExtension = { extensions: [jsxBlock, jsxInline] };
