/**
 * The Markdown reader: marked (GitHub-flavoured) plus the dialects real help centers are
 * written in (callouts and admonitions, tabs, footnotes, `{#id}` headings, definition lists,
 * wikilinks and embeds, includes, MDX components). Links, images and custom heading ids carry a
 * mark (context.ts) so the sanitized DOM can be tied back to the source.
 */
import { Marked, type Token, type Tokens } from 'marked';
import { calloutExtension } from './callouts.js';
import { activeContext, escapeHtml } from './context.js';
import { definitionListExtension } from './definition-lists.js';
import { footnoteExtension } from './footnotes.js';
import { headingIdExtension } from './heading-ids.js';
import { renderCodeBlock } from './highlight.js';
import { includeExtension } from './includes.js';
import { jsxExtension } from './jsx.js';
import { tabsExtension } from './tabs.js';
import { wikilinkExtension } from './wikilinks.js';

/** Where the URL of a link or image token starts: in the text, or at its reference definition. */
function urlOffset(
  token: Tokens.Link | Tokens.Image,
  source: string,
  bodyOffset: number,
): number | undefined {
  const context = activeContext();
  const at = context.offsetOf(token);
  if (at === undefined) return undefined;
  const inline = token.raw.indexOf('](');
  if (inline !== -1) {
    const url = token.raw.indexOf(token.href, inline);
    return at + (url === -1 ? inline + 2 : url);
  }
  // A reference link: the URL is at its definition, reported once however often it is used.
  const label = /\]\[([^\]]*)\]$/.exec(token.raw)?.[1] || /^!?\[([^\]]*)\]/.exec(token.raw)?.[1];
  if (!label) return at;
  const definition = new RegExp(
    `^ {0,3}\\[${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}\\]:[ \\t]*<?`,
    'im',
  ).exec(source.slice(bodyOffset));
  return definition ? bodyOffset + definition.index + definition[0].length : at;
}

/**
 * A link destination for an attribute, with character references left for the HTML parser to
 * decode, as CommonMark says (`&#74;avascript:` is `Javascript:`, which the sanitizer removes).
 */
function escapeUrl(url: string): string {
  return url.replace(/["<>]/g, (c) => (c === '"' ? '%22' : c === '<' ? '%3C' : '%3E'));
}

/** The mark that ties a link or image to its reference in the source. */
function markReference(
  token: Tokens.Link | Tokens.Image,
  kind: 'link' | 'embed',
  source: { text: string; bodyOffset: number },
): string {
  const context = activeContext();
  return context.mark({
    type: 'ref',
    reference: {
      kind,
      raw: token.href,
      wikilink: false,
      at: urlOffset(token, source.text, source.bodyOffset),
      from: context.includeStack.at(-1),
    },
  });
}

export interface MarkdownReader {
  lex(markdown: string): Token[];
  parse(tokens: Token[]): string;
}

export function createMarkdownReader(
  sourceOf: () => { text: string; bodyOffset: number },
): MarkdownReader {
  const marked = new Marked({ gfm: true, async: false });
  marked.use(
    calloutExtension,
    tabsExtension,
    definitionListExtension,
    footnoteExtension,
    headingIdExtension,
    includeExtension,
    jsxExtension,
    wikilinkExtension,
  );
  marked.use({
    renderer: {
      link(token) {
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
        const mark = markReference(token, 'link', sourceOf());
        return `<a href="${escapeUrl(token.href)}"${title}${mark}>${this.parser.parseInline(token.tokens)}</a>`;
      },
      image(token) {
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
        const mark = markReference(token, 'embed', sourceOf());
        return `<img src="${escapeUrl(token.href)}" alt="${escapeHtml(token.text)}"${title}${mark}>`;
      },
      heading(token) {
        const custom = (token as Tokens.Heading & { customId?: string }).customId;
        const mark = custom ? activeContext().mark({ type: 'heading-id', id: custom }) : '';
        return `<h${token.depth}${mark}>${this.parser.parseInline(token.tokens)}</h${token.depth}>\n`;
      },
      code(token) {
        return renderCodeBlock(token.text, token.lang);
      },
      // Task-list checkboxes would be <input>, which the sanitizer removes; draw them as text.
      checkbox({ checked }) {
        return checked ? '☑ ' : '☐ ';
      },
    },
  });
  return {
    lex(markdown) {
      const tokens = marked.lexer(markdown);
      return tokens;
    },
    parse(tokens) {
      return marked.parser(tokens);
    },
  };
}
