/**
 * Definition lists (PHP Markdown Extra, MkDocs `def_list`, Pandoc):
 *
 *     Term
 *     : Definition, continued on lines indented by two or more spaces.
 *
 * One or more term lines, then one or more `: ` definitions; groups may follow each other.
 */
import type { MarkedExtension, RendererExtension, Token, TokenizerExtension } from 'marked';
import { lines } from './blocks.js';

interface Definition {
  terms: Token[][];
  definitions: Token[][];
}

const NOT_A_TERM = /^(?: {4}|\t| {0,3}(?:[:>#|*+-]|\d+[.)]|```|~~~|<(?!!--)|!!!|\?\?\?|===))/;
const DEFINITION = /^ {0,3}:[ \t]+/;
const HEAD = /^(?:[ \t]*\S[^\n]*\n){1,4}(?:[ \t]*\n)? {0,3}:[ \t]+\S/;

/** The lines of `src`, split only as far as they are read (`at(i)` is undefined past the end). */
function lazyLines(src: string): (index: number) => { text: string; end: number } | undefined {
  const read: { text: string; end: number }[] = [];
  const source = lines(src);
  return (index) => {
    while (read.length <= index) {
      const next = source.next();
      if (next.done) return undefined;
      read.push(next.value);
    }
    return read[index];
  };
}

const definitionList: TokenizerExtension & RendererExtension = {
  name: 'definitionList',
  level: 'block',
  tokenizer(src) {
    // Cheap test first: this runs at the start of every block.
    if (!HEAD.test(src)) return undefined;
    const at = lazyLines(src);
    const text = (j: number) => at(j)?.text ?? '';
    const groups: Definition[] = [];
    let j = 0;
    let end = 0;
    for (;;) {
      const terms: string[] = [];
      while (at(j) && terms.length < 4 && text(j).trim() && !NOT_A_TERM.test(text(j))) {
        terms.push(text(j).trim());
        j++;
      }
      if (terms.length === 0) break;
      if (at(j) && !text(j).trim()) j++;
      if (!DEFINITION.test(text(j))) break;
      const definitions: string[][] = [];
      for (; at(j); j++) {
        const line = text(j);
        if (DEFINITION.test(line)) definitions.push([line.replace(DEFINITION, '')]);
        else if (/^(?: {2,}|\t)\S/.test(line))
          definitions.at(-1)?.push(line.replace(/^(?: {1,4}|\t)/, ''));
        else if (!line.trim() && /^(?: {2,}|\t)\S|^ {0,3}:[ \t]/.test(text(j + 1)))
          definitions.at(-1)?.push('');
        else break;
        end = at(j)?.end ?? end;
      }
      groups.push({
        terms: terms.map((t) => this.lexer.inlineTokens(t)),
        definitions: definitions.map((d) => this.lexer.blockTokens(d.join('\n'), [])),
      });
      while (at(j) && !text(j).trim()) j++;
    }
    if (groups.length === 0) return undefined;
    return {
      type: 'definitionList',
      raw: src.slice(0, end),
      groups,
      tokens: groups.flatMap((g) => [...g.terms.flat(), ...g.definitions.flat()]),
    };
  },
  renderer(token) {
    const groups = token.groups as Definition[];
    const body = groups.map((group) => {
      const terms = group.terms.map((t) => `<dt>${this.parser.parseInline(t)}</dt>\n`);
      const definitions = group.definitions.map((d) => {
        // A one-paragraph definition needs no <p> inside the <dd>.
        const only = d.length === 1 && d[0]?.type === 'paragraph' ? d[0] : undefined;
        const html = only?.tokens ? this.parser.parseInline(only.tokens) : this.parser.parse(d);
        return `<dd>${html.trim()}</dd>\n`;
      });
      return terms.join('') + definitions.join('');
    });
    return `<dl>\n${body.join('')}</dl>\n`;
  },
};

export const definitionListExtension: MarkedExtension = { extensions: [definitionList] };
