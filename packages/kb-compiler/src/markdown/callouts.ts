/**
 * Callouts, as four tools write them, all rendered the same way:
 *
 * - GitHub alerts and Obsidian callouts: `> [!NOTE]`, `> [!tip] Own title`, `> [!faq]- Folded`;
 * - Docusaurus and Starlight admonitions: `:::tip[Title]` / `:::tip Title` … `:::`;
 * - MkDocs admonitions: `!!! note "Title"` and collapsible `??? note` / `???+ note`, with
 *   the content indented by four spaces.
 *
 * A callout is a `<div role="note">` with a title paragraph; a collapsible one is a
 * `<details>` with the title as its `<summary>`, which works without script.
 */
import type {
  Lexer,
  MarkedExtension,
  Parser,
  RendererExtension,
  Token,
  TokenizerExtension,
} from 'marked';
import { createFenceTracker, lines, readIndentedBlock } from './blocks.js';
import { escapeHtml } from './context.js';

export interface CalloutToken {
  type: 'callout';
  raw: string;
  /** The kind as written (`NOTE`, `tip`, `seealso`). */
  kind: string;
  /** Title tokens; none means the default title, `null` title means no title bar. */
  titleTokens: Token[];
  noTitle: boolean;
  fold: 'open' | 'closed' | undefined;
  tokens: Token[];
}

/** Kinds by the style they get: the five of GitHub, plus the names other tools use. */
const STYLES: Record<string, string> = {
  note: 'note',
  info: 'note',
  abstract: 'note',
  summary: 'note',
  tldr: 'note',
  todo: 'note',
  seealso: 'note',
  quote: 'note',
  cite: 'note',
  example: 'note',
  tip: 'tip',
  hint: 'tip',
  success: 'tip',
  check: 'tip',
  done: 'tip',
  question: 'tip',
  help: 'tip',
  faq: 'tip',
  important: 'important',
  warning: 'warning',
  caution: 'warning',
  attention: 'warning',
  danger: 'danger',
  error: 'danger',
  bug: 'danger',
  failure: 'danger',
  fail: 'danger',
  missing: 'danger',
};

const DEFAULT_TITLES: Record<string, string> = { seealso: 'See also', tldr: 'TL;DR', faq: 'FAQ' };

function defaultTitle(kind: string): string {
  const lower = kind.toLowerCase();
  return DEFAULT_TITLES[lower] ?? lower.charAt(0).toUpperCase() + lower.slice(1);
}

function callout(
  lexer: Lexer,
  raw: string,
  kind: string,
  title: string | undefined,
  body: string,
  fold: CalloutToken['fold'],
): CalloutToken {
  return {
    type: 'callout',
    raw,
    kind,
    titleTokens: title ? lexer.inlineTokens(title) : [],
    noTitle: title === '',
    fold,
    tokens: lexer.blockTokens(body, []),
  };
}

const ALERT = /^ {0,3}>[ \t]?\[!([A-Za-z][\w-]*)\]([+-]?)[ \t]*([^\n]*)(?:\n|$)/;

/** `> [!NOTE]` (GitHub) and `> [!tip]- Title` (Obsidian). */
const alerts: TokenizerExtension & RendererExtension = {
  name: 'callout',
  level: 'block',
  tokenizer(src) {
    const head = ALERT.exec(src);
    if (!head) return undefined;
    let end = head[0].length;
    const body: string[] = [];
    for (const line of lines(src, end)) {
      if (!/^ {0,3}>/.test(line.text)) break;
      body.push(line.text.replace(/^ {0,3}>[ \t]?/, ''));
      end = line.end;
    }
    const fold = head[2] === '-' ? 'closed' : head[2] === '+' ? 'open' : undefined;
    const title = head[3]?.trim() || undefined;
    return callout(this.lexer, src.slice(0, end), head[1] ?? 'note', title, body.join('\n'), fold);
  },
  renderer(token) {
    return renderCallout(this.parser, token as unknown as CalloutToken);
  },
  childTokens: ['titleTokens', 'tokens'],
};

const COLONS =
  /^ {0,3}(:{3,})[ \t]*([A-Za-z][\w-]*)(?:\[([^\]\n]*)\])?(?:\{([^}\n]*)\})?[ \t]*([^\n]*)(?:\n|$)/;

/** `:::tip[Title]` … `:::` (Docusaurus, Starlight); a longer fence closes only its own length. */
const colonAdmonitions: TokenizerExtension = {
  name: 'colonAdmonition',
  level: 'block',
  tokenizer(src) {
    const open = COLONS.exec(src);
    if (!open?.[1]) return undefined;
    const close = new RegExp(`^ {0,3}${open[1]}[ \\t]*$`);
    const inFence = createFenceTracker();
    let end = src.length;
    let bodyEnd = src.length;
    for (const line of lines(src, open[0].length)) {
      if (inFence(line.text)) continue;
      if (close.test(line.text)) {
        bodyEnd = line.start;
        end = line.end;
        break;
      }
    }
    const attributeTitle = /title=["']([^"']*)["']/.exec(open[4] ?? '')?.[1];
    const title = (open[3] ?? attributeTitle ?? open[5] ?? '').trim() || undefined;
    const body = src.slice(open[0].length, bodyEnd);
    return callout(this.lexer, src.slice(0, end), open[2] ?? 'note', title, body, undefined);
  },
};

const BANGS =
  /^(!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+[A-Za-z][\w-]*)*(?:[ \t]+"([^"\n]*)")?[ \t]*(?:\n|$)/;

/** `!!! note "Title"` and collapsible `??? note` (MkDocs), content indented by four spaces. */
const bangAdmonitions: TokenizerExtension = {
  name: 'bangAdmonition',
  level: 'block',
  tokenizer(src) {
    const open = BANGS.exec(src);
    if (!open) return undefined;
    const block = readIndentedBlock(src, open[0].length);
    const fold = open[1] === '???' ? 'closed' : open[1] === '???+' ? 'open' : undefined;
    const end = Math.max(block.end, open[0].length);
    return {
      ...callout(
        this.lexer,
        src.slice(0, end),
        open[2] ?? 'note',
        open[3]?.trim() ?? undefined,
        block.text,
        fold,
      ),
      noTitle: open[3] !== undefined && open[3].trim() === '',
    };
  },
};

export function calloutOpening(
  kind: string,
  titleHtml: string | undefined,
  fold: CalloutToken['fold'],
): string {
  const style = STYLES[kind.toLowerCase()] ?? 'note';
  const className = `porthole-callout porthole-callout-${style}`;
  const title = titleHtml ?? escapeHtml(defaultTitle(kind));
  if (fold) {
    return `<details class="${className}"${fold === 'open' ? ' open' : ''}><summary class="porthole-callout-title">${title}</summary>\n`;
  }
  const bar = titleHtml === '' ? '' : `<p class="porthole-callout-title">${title}</p>\n`;
  return `<div class="${className}" role="note">${bar}`;
}

export function calloutClosing(fold: CalloutToken['fold']): string {
  return fold ? '</details>\n' : '</div>\n';
}

function renderCallout(parser: Parser, token: CalloutToken): string {
  const title = token.noTitle
    ? ''
    : token.titleTokens.length > 0
      ? parser.parseInline(token.titleTokens)
      : undefined;
  return `${calloutOpening(token.kind, title, token.fold)}${parser.parse(token.tokens)}${calloutClosing(token.fold)}`;
}

export const calloutExtension: MarkedExtension = {
  extensions: [alerts, colonAdmonitions, bangAdmonitions],
};
