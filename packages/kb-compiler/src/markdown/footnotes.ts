/**
 * Footnotes (GitHub, Obsidian, MkDocs, Docusaurus): `text[^1]` and `[^1]: The note.` anywhere
 * in the article, with or without a space after the colon, continued on indented lines.
 * Numbered in order of first reference and listed at the end with links back.
 *
 * marked-footnote was evaluated (MIT, maintained in marked's extension family) and not used: it
 * keeps its numbering in closures shared by every document a Marked instance parses, finds
 * its footnote list through `lexer.tokens[0]` (so it must be the first block extension), and
 * writes `data-*` attributes the sanitizer removes. Here the state lives in the render context.
 */
import type { MarkedExtension, RendererExtension, Token, TokenizerExtension } from 'marked';
import { activeContext, escapeHtml } from './context.js';

const DEFINITION =
  /^ {0,3}\[\^([^\]\n]+)\]:[ \t]*([^\n]*(?:\n|$)(?:(?:[ \t]*\n)*(?: {4}|\t)[^\n]*(?:\n|$))*)/;

const definition: TokenizerExtension & RendererExtension = {
  name: 'footnoteDefinition',
  level: 'block',
  tokenizer(src) {
    const match = DEFINITION.exec(src);
    if (!match?.[1]) return undefined;
    const body = (match[2] ?? '').replace(/^(?: {4}|\t)/gm, '');
    const tokens = this.lexer.blockTokens(body, []);
    const state = activeContext().footnotes;
    // The first definition of a label wins, like a link reference definition.
    if (!state.definitions.has(match[1])) state.definitions.set(match[1], tokens);
    return { type: 'footnoteDefinition', raw: match[0], label: match[1], tokens };
  },
  renderer: () => '',
};

const reference: TokenizerExtension & RendererExtension = {
  name: 'footnoteRef',
  level: 'inline',
  start: (src) => {
    const index = src.indexOf('[^');
    return index === -1 ? undefined : index;
  },
  tokenizer(src) {
    const match = /^\[\^([^\]\n]+)\]/.exec(src);
    if (!match?.[1] || !activeContext().footnotes.definitions.has(match[1])) return undefined;
    return { type: 'footnoteRef', raw: match[0], label: match[1] };
  },
  renderer(token) {
    const state = activeContext().footnotes;
    const label = String(token.label);
    if (!state.order.includes(label)) state.order.push(label);
    const number = state.order.indexOf(label) + 1;
    const count = (state.refs.get(label) ?? 0) + 1;
    state.refs.set(label, count);
    const id = `porthole-fnref-${number}${count > 1 ? `-${count}` : ''}`;
    return `<sup class="porthole-footnote-ref"><a href="#porthole-fn-${number}" id="${id}">${number}</a></sup>`;
  },
};

/** The list of referenced footnotes, for the end of the article ('' when there are none). */
export function renderFootnotes(parse: (tokens: Token[]) => string): string {
  const state = activeContext().footnotes;
  if (state.order.length === 0) return '';
  const items: string[] = [];
  // Footnotes may reference further footnotes, which are appended while rendering.
  for (let i = 0; i < state.order.length; i++) {
    const label = state.order[i] ?? '';
    const number = i + 1;
    const html = parse(state.definitions.get(label) ?? []).trim();
    const backs = Array.from({ length: state.refs.get(label) ?? 1 }, (_, k) => {
      const id = `porthole-fnref-${number}${k > 0 ? `-${k + 1}` : ''}`;
      const name = escapeHtml(`Back to reference ${number}${k > 0 ? ` (${k + 1})` : ''}`);
      return ` <a href="#${id}" class="porthole-footnote-back" aria-label="${name}">↩</a>`;
    }).join('');
    const body = html.endsWith('</p>') ? `${html.slice(0, -4)}${backs}</p>` : `${html}${backs}`;
    items.push(`<li id="porthole-fn-${number}">${body}</li>\n`);
  }
  return `<div class="porthole-footnotes">\n<hr>\n<ol>\n${items.join('')}</ol>\n</div>\n`;
}

export const footnoteExtension: MarkedExtension = { extensions: [definition, reference] };
