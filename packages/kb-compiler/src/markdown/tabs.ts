/**
 * MkDocs content tabs (`=== "Label"` with the content indented by four spaces). Consecutive
 * tabs form one group; `===!` starts a new group. Without script a tab group cannot switch
 * panels, so each tab is a `<details>` with its label as the `<summary>`, the first one open:
 * every tab stays reachable by keyboard and screen reader, and its text is searchable.
 */
import type { MarkedExtension, RendererExtension, Token, TokenizerExtension } from 'marked';
import { lines, readIndentedBlock } from './blocks.js';

interface TabToken {
  type: 'tab';
  raw: string;
  labelTokens: Token[];
  tokens: Token[];
}

const TAB = /^===(!?)[ \t]+"([^"\n]*)"[ \t]*(?:\n|$)/;

const tabs: TokenizerExtension & RendererExtension = {
  name: 'tabs',
  level: 'block',
  tokenizer(src) {
    const items: TabToken[] = [];
    let end = 0;
    for (;;) {
      const head = TAB.exec(src.slice(end));
      if (!head || (items.length > 0 && head[1] === '!')) break;
      const block = readIndentedBlock(src, end + head[0].length);
      const tabEnd = Math.max(block.end, end + head[0].length);
      items.push({
        type: 'tab',
        raw: src.slice(end, tabEnd),
        labelTokens: this.lexer.inlineTokens(head[2] ?? ''),
        tokens: this.lexer.blockTokens(block.text, []),
      });
      end = tabEnd;
      // Blank lines may separate the tabs of one group.
      let next = end;
      for (const line of lines(src, end)) {
        if (line.text.trim()) break;
        next = line.end;
      }
      if (!TAB.test(src.slice(next))) break;
      end = next;
    }
    if (items.length === 0) return undefined;
    return { type: 'tabs', raw: src.slice(0, end), tokens: items };
  },
  renderer(token) {
    const items = (token.tokens ?? []) as unknown as TabToken[];
    const panels = items.map(
      (tab, i) =>
        `<details class="porthole-tab"${i === 0 ? ' open' : ''}><summary>${this.parser.parseInline(tab.labelTokens)}</summary>\n${this.parser.parse(tab.tokens)}</details>\n`,
    );
    return `<div class="porthole-tabs">\n${panels.join('')}</div>\n`;
  },
};

/** `tab` tokens are rendered by their group; this only lets marked walk their children. */
const tab: RendererExtension & { childTokens: string[]; level: 'block' } = {
  name: 'tab',
  level: 'block',
  renderer: () => '',
  childTokens: ['labelTokens', 'tokens'],
};

export const tabsExtension: MarkedExtension = { extensions: [tabs, tab] };
