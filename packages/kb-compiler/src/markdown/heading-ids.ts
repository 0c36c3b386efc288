/**
 * Custom heading ids and attribute lists: `## Install {#install}` (Docusaurus, Pandoc,
 * kramdown) and MkDocs `attr_list` (`{ #install data-toc-label="Setup" }`, `{ id="9.7.6" }`,
 * `{ .class }`). The list is removed from the text and its id, if any, becomes the heading's
 * id, so existing links keep working after a migration; the other attributes are dropped.
 */
import type { MarkedExtension, TokenizerExtension } from 'marked';

const ID = String.raw`[A-Za-z0-9_][\w.:-]*`;
/** One attribute of a list: `#id`, `.class`, `key=value` (quoted or not), or a bare `data-*`. */
const ATTRIBUTE = String.raw`(?:#${ID}|\.[A-Za-z_][\w-]*|[A-Za-z_][\w-]*=(?:"[^"\n]*"|'[^'\n]*'|[^\s"'}]+)|data-[\w-]+)`;
const HEADING = new RegExp(
  String.raw`^ {0,3}(#{1,6})[ \t]+([^\n]*?)[ \t]*\{[ \t]*(${ATTRIBUTE}(?:[ \t]+${ATTRIBUTE})*)[ \t]*\}[ \t]*#*[ \t]*(?:\n+|$)`,
);
const ID_ATTRIBUTE = new RegExp(
  String.raw`(?:^|[ \t])(?:#(${ID})|id=(?:"(${ID})"|'(${ID})'|(${ID})(?=[ \t]|$)))`,
);

function idOf(attributes: string): string | undefined {
  const match = ID_ATTRIBUTE.exec(attributes);
  return match?.[1] ?? match?.[2] ?? match?.[3] ?? match?.[4];
}

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
      customId: idOf(match[3] ?? ''),
    };
  },
};

export const headingIdExtension: MarkedExtension = { extensions: [headingWithId] };
