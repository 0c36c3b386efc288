/**
 * Including one file in another: Obsidian embeds of notes (`![[Note]]`, `![[Note#Heading]]`),
 * MkDocs snippets (`--8<-- "file.md"`) and MDX partials (`<Partial />` after
 * `import Partial from './_partial.mdx'`, see jsx.ts). The compiler resolves what each
 * directive points at before rendering (`IncludeMap`); here the included Markdown is lexed in
 * place. Links in it are resolved from its own folder, and its problems are reported at the
 * included file, once, not at every article that includes it.
 */
import type { Lexer, MarkedExtension, RendererExtension, Token, TokenizerExtension } from 'marked';
import { slug } from 'github-slugger';
import { createFenceTracker, lines } from './blocks.js';
import { activeContext } from './context.js';

const MAX_DEPTH = 8;

export interface IncludeToken {
  type: 'include';
  raw: string;
  path: string;
  tokens: Token[];
  /** Why nothing was included, reported where the directive is. */
  problem?: string;
}

/**
 * The include token for `written` (as it appears in the current file), or undefined when it does
 * not name an included file.
 */
export function includeFile(
  lexer: Lexer,
  written: string,
  raw: string,
  section?: string,
): IncludeToken | undefined {
  const context = activeContext();
  const { targets, texts } = context.options.includes;
  const path = targets[`${context.currentFile}\u0000${written}`];
  const text = path === undefined ? undefined : texts[path];
  if (path === undefined || text === undefined) return undefined;
  if (context.includeStack.includes(path) || context.includeStack.length >= MAX_DEPTH) {
    const chain = [...context.includeStack, path].join(' → ');
    const problem = `"${written}" includes itself (${chain}); left out`;
    return { type: 'include', raw, path, tokens: [], problem };
  }
  context.includeStack.push(path);
  try {
    const prepared = context.options.prepare(path, text);
    const body = section ? extractSection(prepared, section) : prepared;
    return { type: 'include', raw, path, tokens: lexer.blockTokens(body, []) };
  } finally {
    context.includeStack.pop();
  }
}

/** From the heading whose text or id is `section` to the next heading of the same or a higher level. */
function extractSection(text: string, section: string): string {
  const wanted = slug(section);
  const inFence = createFenceTracker();
  let start: number | undefined;
  let level = 0;
  for (const line of lines(text)) {
    if (inFence(line.text)) continue;
    const heading = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(line.text);
    if (!heading?.[1]) continue;
    if (start !== undefined && heading[1].length <= level) return text.slice(start, line.start);
    if (start === undefined && slug(heading[2] ?? '') === wanted) {
      start = line.end;
      level = heading[1].length;
    }
  }
  return start === undefined ? text : text.slice(start);
}

const EMBED = /^ {0,3}!\[\[([^[\]\n|#^]+)(?:#\^?([^[\]\n|]+))?(?:\|[^[\]\n]*)?\]\][ \t]*(?:\n+|$)/;
const SNIPPET = /^ {0,3}-{1,}8<-{1,}[ \t]+["']([^"'\n]+)["'][ \t]*(?:\n+|$)/;

/** `![[Note]]` alone on its line, when Note is a Markdown file. */
const noteEmbed: TokenizerExtension = {
  name: 'noteEmbed',
  level: 'block',
  tokenizer(src) {
    const match = EMBED.exec(src);
    if (!match?.[1]) return undefined;
    return includeFile(this.lexer, match[1].trim(), match[0], match[2]?.trim()) as
      (IncludeToken & Record<string, unknown>) | undefined;
  },
};

/** `--8<-- "file.md"` (pymdownx.snippets). */
const snippet: TokenizerExtension = {
  name: 'snippet',
  level: 'block',
  tokenizer(src) {
    const match = SNIPPET.exec(src);
    if (!match?.[1]) return undefined;
    const token = includeFile(this.lexer, match[1], match[0]) ?? {
      type: 'include',
      raw: match[0],
      path: '',
      tokens: [],
      problem: `snippet "${match[1]}" not found; left out`,
    };
    return token as IncludeToken & Record<string, unknown>;
  },
};

const include: RendererExtension & { childTokens: string[] } = {
  name: 'include',
  renderer(token) {
    const context = activeContext();
    if (token.problem) {
      const message = String(token.problem);
      context.report({
        at: context.offsetOf(token) ?? 0,
        severity: 'warning',
        code: 'include',
        message,
      });
    }
    context.includeStack.push(String(token.path));
    try {
      return this.parser.parse(token.tokens ?? []);
    } finally {
      context.includeStack.pop();
    }
  },
  childTokens: ['tokens'],
};

export const includeExtension: MarkedExtension = { extensions: [noteEmbed, snippet, include] };
