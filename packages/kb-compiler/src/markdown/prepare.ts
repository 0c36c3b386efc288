/**
 * Before marked reads an article: what other tools put in Markdown files that is not Markdown
 * is taken out, without moving anything, so every offset marked sees is still the author's.
 *
 * - MDX: ESM `import`/`export` statements and `{/* comments *\/}` are blanked out; content
 *   indented inside JSX components is dedented (MDX ignores that indentation, Markdown would
 *   read it as code), and how far each line moved is kept to correct columns.
 * - Liquid (`{% … %}`) and Hugo (`{{< … >}}`, `{{% … %}}`) shortcodes are blanked out, keeping
 *   the text between paired ones, and counted for one warning per file. `{{< ref "x" >}}` keeps
 *   its target, so the link still works.
 */
import { createFenceTracker, lines } from './blocks.js';
import type { RenderProblem } from './context.js';

export interface PreparedSource {
  /**
   * The text for marked: the same lines as the input, and the same length unless JSX content
   * was dedented (then `shifts` says by how much).
   */
  text: string;
  /** Characters removed from the start of a line (by 0-based line number of the input). */
  shifts: Map<number, number>;
  /** Whether JSX components are read (`.mdx`, or a `.md` file that starts with imports). */
  mdx: boolean;
  /** MDX imports: component name → module path as written. */
  imports: Map<string, string>;
  /** Problems at offsets of the input text (before dedenting). */
  problems: RenderProblem[];
}

interface Edit {
  from: number;
  to: number;
  /** What replaces the range; padded with spaces to its length. */
  keep?: string;
}

const ESM_START = /^(?:import|export)\b/;
/**
 * In a `.md` file only single-line statements that cannot be prose count (Docusaurus reads
 * `.md` as MDX, so its docs import components anywhere).
 */
const STRICT_ESM =
  /^(?:import\s+(?:[\w$]+|\{[^}]*\}|\*\s+as\s+[\w$]+)(?:\s*,\s*(?:\{[^}]*\}|[\w$]+))?\s+from\s+["'][^"'\n]+["'];?|import\s+["'][^"'\n]+["'];?|export\s+(?:const|let|default|function)\b.*)\s*$/;

export function prepareSource(text: string, offset: number, mdxFile: boolean): PreparedSource {
  const edits: Edit[] = [];
  const imports = new Map<string, string>();
  const fenced: [number, number][] = [];
  const mdx = findEsm(text, mdxFile, edits, imports, fenced) || mdxFile;
  if (mdx) {
    for (const match of text.matchAll(/\{\/\*[\s\S]*?\*\/\}/g)) {
      if (!inRanges(fenced, match.index))
        edits.push({ from: match.index, to: match.index + match[0].length });
    }
  }
  const problems: RenderProblem[] = [];
  findShortcodes(text, fenced, edits, problems, offset);
  findIcons(text, fenced, edits);
  let result = applyEdits(text, edits);
  const shifts = new Map<number, number>();
  if (mdx) result = dedentJsx(result, shifts);
  return { text: result, shifts, mdx, imports, problems };
}

/** Blank out ESM statements; returns whether the file starts with them (MDX in a .md file). */
function findEsm(
  text: string,
  mdxFile: boolean,
  edits: Edit[],
  imports: Map<string, string>,
  fenced: [number, number][],
): boolean {
  // Nested fences too: code inside list items, admonitions and tabs keeps its `{% … %}` tags.
  const inFence = createFenceTracker({ nested: true });
  let leading = true;
  let found = false;
  let statement: { from: number; text: string } | undefined;
  let fenceStart: number | undefined;
  for (const line of lines(text)) {
    if (statement) {
      statement.text += `\n${line.text}`;
      if (isComplete(statement.text)) {
        edits.push({ from: statement.from, to: line.end });
        readImports(statement.text, imports);
        statement = undefined;
      }
      continue;
    }
    if (inFence(line.text)) {
      fenceStart ??= line.start;
      continue;
    }
    if (fenceStart !== undefined) {
      fenced.push([fenceStart, line.start]);
      fenceStart = undefined;
    }
    if (
      mdxFile
        ? ESM_START.test(line.text)
        : STRICT_ESM.test(line.text) || (leading && ESM_START.test(line.text))
    ) {
      found = true;
      if (isComplete(line.text)) {
        edits.push({ from: line.start, to: line.end });
        readImports(line.text, imports);
      } else statement = { from: line.start, text: line.text };
      continue;
    }
    if (line.text.trim()) leading = false;
  }
  if (fenceStart !== undefined) fenced.push([fenceStart, text.length]);
  return found;
}

/** An import/export statement is complete when its brackets balance and it does not trail off. */
function isComplete(statement: string): boolean {
  let depth = 0;
  for (const char of statement.replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, '""')) {
    if (char === '{' || char === '(' || char === '[') depth++;
    else if (char === '}' || char === ')' || char === ']') depth--;
  }
  return depth <= 0 && !/(?:[,=({[]|\bfrom|\bimport|\bexport)\s*$/.test(statement);
}

function readImports(statement: string, imports: Map<string, string>): void {
  const match = /^import\s+([\s\S]*?)\s+from\s+["']([^"']+)["']/.exec(statement);
  if (!match?.[1] || !match[2]) return;
  const path = match[2];
  const names = match[1].replace(/[{}]/g, ',').split(',');
  for (const name of names) {
    const local = name
      .trim()
      .split(/\s+as\s+/)
      .at(-1)
      ?.trim();
    if (local && /^[A-Za-z_$][\w$]*$/.test(local)) imports.set(local, path);
  }
}

const SHORTCODE =
  /\{\{<\s*(\/?)\s*([\w./-]+)[^\n]*?>\}\}|\{\{%\s*(\/?)\s*([\w./-]+)[^\n]*?%\}\}|\{%-?\s*(\w+)[^\n]*?-?%\}/g;

function findShortcodes(
  text: string,
  fenced: [number, number][],
  edits: Edit[],
  problems: RenderProblem[],
  offset: number,
): void {
  if (!text.includes('{{') && !text.includes('{%')) return;
  const names = new Set<string>();
  let count = 0;
  let first = -1;
  for (const match of text.matchAll(SHORTCODE)) {
    if (inRanges(fenced, match.index) || inCodeSpan(text, match.index)) continue;
    const name = match[2] ?? match[4] ?? match[5] ?? '';
    const closing = match[1] === '/' || match[3] === '/';
    const target = /^(?:ref|relref)$/.test(name)
      ? /["']([^"']+)["']/.exec(match[0])?.[1]
      : undefined;
    edits.push({
      from: match.index,
      to: match.index + match[0].length,
      ...(target ? { keep: target } : {}),
    });
    if (first === -1) first = match.index;
    count++;
    if (!closing) names.add(match[5] ? `{% ${name} %}` : `{{< ${name} >}}`);
  }
  if (count === 0) return;
  const shown = [...names].slice(0, 4).join(', ') + (names.size > 4 ? ', …' : '');
  problems.push({
    at: offset + first,
    severity: 'warning',
    code: 'shortcode',
    message: `${count} Liquid/Hugo shortcode${count === 1 ? '' : 's'} (${shown}) cannot be rendered: the tags are left out, the text between paired ones is kept`,
  });
}

/** MkDocs Material icon shortcodes (`:octicons-check-16:`, `:material-alert:`): icons, not text. */
const ICON = /:(?:material|octicons|fontawesome|simple)-[a-z0-9-]+:(?:\{[^}\n]*\})?/g;

function findIcons(text: string, fenced: [number, number][], edits: Edit[]): void {
  if (
    !text.includes(':octicons-') &&
    !text.includes(':material-') &&
    !text.includes(':fontawesome-') &&
    !text.includes(':simple-')
  )
    return;
  for (const match of text.matchAll(ICON)) {
    if (!inRanges(fenced, match.index) && !inCodeSpan(text, match.index)) {
      edits.push({ from: match.index, to: match.index + match[0].length });
    }
  }
}

function inRanges(ranges: [number, number][], at: number): boolean {
  return ranges.some(([from, to]) => at >= from && at < to);
}

/** Whether `at` is inside a `code span` on its line. */
function inCodeSpan(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  const line = text.slice(start, end === -1 ? text.length : end);
  for (const span of line.matchAll(/(`+)[^`]*?\1/g)) {
    if (at - start > span.index && at - start < span.index + span[0].length) return true;
  }
  return false;
}

function applyEdits(text: string, edits: Edit[]): string {
  if (edits.length === 0) return text;
  edits.sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.from < at) continue;
    out += text.slice(at, edit.from);
    const removed = text.slice(edit.from, edit.to);
    const blank = removed.replace(/[^\n]/g, ' ');
    out +=
      edit.keep && edit.keep.length <= blank.length
        ? blank.slice(edit.keep.length) + edit.keep
        : blank;
    at = edit.to;
  }
  return out + text.slice(at);
}

const OPEN_TAG = /^<([A-Z][\w.]*)(?=[\s>/]|$)/;
const CLOSE_TAG = /^<\/([A-Z][\w.]*)\s*>/;

/**
 * Dedent the content of block JSX components by the indentation of their first content line,
 * recording per line how many characters were removed.
 */
function dedentJsx(text: string, shifts: Map<number, number>): string {
  const stack: { name: string; indent: number | undefined }[] = [];
  const inFence = createFenceTracker();
  const out: string[] = [];
  let number = 0;
  for (const line of lines(text)) {
    let strip = 0;
    const top = stack.at(-1);
    const indent = /^[ \t]*/.exec(line.text)?.[0].length ?? 0;
    if (top && line.text.trim()) {
      top.indent ??= indent;
      strip = Math.min(indent, top.indent);
    }
    const dedented = line.text.slice(strip);
    if (strip > 0) shifts.set(number, strip);
    out.push(dedented);
    number++;
    if (inFence(dedented)) continue;
    const trimmed = dedented.trim();
    const close = CLOSE_TAG.exec(trimmed);
    if (close) {
      const at = stack.map((s) => s.name).lastIndexOf(close[1] ?? '');
      if (at !== -1) stack.length = at;
      continue;
    }
    const open = OPEN_TAG.exec(trimmed);
    if (open?.[1] && !trimmed.endsWith('/>') && !trimmed.includes(`</${open[1]}>`)) {
      stack.push({ name: open[1], indent: undefined });
    }
  }
  return out.join('\n');
}
