/**
 * Custom heading ids: `## Install {#install}` (Docusaurus, MkDocs `attr_list`, Pandoc,
 * kramdown). The `{#id}` is removed from the text and becomes the heading's id, so existing
 * links to `#install` keep working after a migration.
 */
import type { MarkedExtension, TokenizerExtension } from 'marked';

const HEADING =
  /^ {0,3}(#{1,6})[ \t]+([^\n]*?)[ \t]*\{#([A-Za-z0-9_][\w.:-]*)(?:[ \t][^}\n]*)?\}[ \t]*#*[ \t]*(?:\n+|$)/;

const headingWithId: TokenizerExtension = {
  name: 'headingWithId',
  level: 'block',
  tokenizer(src) {
    const match = HEADING.exec(src);
    if (!match?.[1]) return undefined;
    const text = match[2] ?? '';
    return {
      type: 'heading',
      raw: match[0],
      depth: match[1].length,
      text,
      tokens: this.lexer.inlineTokens(text),
      customId: match[3],
    };
  },
};

export const headingIdExtension: MarkedExtension = { extensions: [headingWithId] };
