/**
 * Where each marked token starts in the article's text, so diagnostics point at the link
 * itself and not at an earlier mention of the same URL (in a code span, say). marked keeps
 * each token's `raw` text but not its offset; a child's raw is found inside its parent's range,
 * in order. Container markers (`> `, list indentation) are stripped from nested raws, so a
 * multi-line raw that is not found verbatim is located by its first line.
 */
import type { Token, Tokens } from 'marked';

interface Range {
  from: number;
  to: number;
}

export function mapTokenOffsets(
  tokens: readonly Token[],
  source: string,
  from: number,
  offsets: WeakMap<object, number>,
): void {
  mapList(tokens, source, { from, to: source.length }, offsets);
}

function mapList(
  tokens: readonly Token[],
  source: string,
  range: Range,
  offsets: WeakMap<object, number>,
): void {
  let cursor = range.from;
  for (const token of tokens) {
    if (offsets.has(token)) continue;
    const raw = token.raw ?? '';
    const found = raw ? find(source, raw, cursor, range.to) : undefined;
    offsets.set(token, found?.at ?? cursor);
    // A token found by its first line only spans an unknown stretch: search its children
    // from where it starts to where its parent ends.
    const inner = found
      ? { from: found.at, to: found.exact ? found.at + raw.length : range.to }
      : { from: cursor, to: range.to };
    for (const children of childLists(token)) mapList(children, source, inner, offsets);
    if (found) cursor = found.at + found.length;
  }
}

function find(
  source: string,
  raw: string,
  from: number,
  to: number,
): { at: number; length: number; exact: boolean } | undefined {
  const window = source.slice(from, to);
  const index = window.indexOf(raw);
  if (index !== -1) return { at: from + index, length: raw.length, exact: true };
  const firstLine = raw.split('\n', 1)[0]?.trim() ?? '';
  if (firstLine.length < 2 || firstLine === raw) return undefined;
  const partial = window.indexOf(firstLine);
  return partial === -1
    ? undefined
    : { at: from + partial, length: firstLine.length, exact: false };
}

function childLists(token: Token): Token[][] {
  const lists: Token[][] = [];
  const generic = token as {
    tokens?: Token[];
    items?: Token[];
    content?: Token[];
    titleTokens?: Token[];
  };
  // Included files are not part of this article's text.
  if (token.type === 'include') return lists;
  if (token.type === 'table') {
    const table = token as Tokens.Table;
    for (const cell of table.header) lists.push(cell.tokens);
    for (const row of table.rows) for (const cell of row) lists.push(cell.tokens);
    return lists;
  }
  if (Array.isArray(generic.titleTokens)) lists.push(generic.titleTokens);
  if (Array.isArray(generic.items)) lists.push(generic.items);
  if (Array.isArray(generic.tokens)) lists.push(generic.tokens);
  if (Array.isArray(generic.content)) lists.push(generic.content);
  return lists;
}
