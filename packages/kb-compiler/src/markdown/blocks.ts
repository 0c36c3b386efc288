/** Line helpers shared by the block extensions. */

/** The lines of `src` from the start, each with its end offset (after its newline). */
export function* lines(
  src: string,
  from = 0,
): Generator<{ text: string; start: number; end: number }> {
  let start = from;
  while (start < src.length) {
    const newline = src.indexOf('\n', start);
    const end = newline === -1 ? src.length : newline + 1;
    yield { text: src.slice(start, newline === -1 ? src.length : newline), start, end };
    start = end;
  }
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A fence at any depth: inside list items, MkDocs admonitions and tabs (indented blocks). */
const NESTED_FENCE = /^[ \t]*(`{3,}|~{3,})/;

/**
 * Tracks fenced code blocks line by line, so markers inside code are not read as syntax.
 * `nested`: fences indented by any amount count too, for passes that read the whole file
 * before the blocks that contain them are known.
 */
export function createFenceTracker({ nested = false } = {}): (line: string) => boolean {
  const pattern = nested ? NESTED_FENCE : FENCE;
  let open: string | undefined;
  return (line) => {
    const fence = pattern.exec(line)?.[1];
    if (open) {
      if (
        fence &&
        fence[0] === open[0] &&
        fence.length >= open.length &&
        !line.slice(line.indexOf(fence) + fence.length).trim()
      ) {
        open = undefined;
      }
      return true;
    }
    if (fence) {
      open = fence;
      return true;
    }
    return false;
  };
}

/**
 * An indented block (MkDocs admonitions and tabs): the lines after the first that are blank or
 * indented by four spaces or a tab, without trailing blank lines; and that text with one level
 * of indentation removed.
 */
export function readIndentedBlock(src: string, from: number): { end: number; text: string } {
  let end = from;
  const kept: string[] = [];
  let pendingBlank: string[] = [];
  for (const line of lines(src, from)) {
    if (!line.text.trim()) {
      pendingBlank.push('');
      continue;
    }
    if (!/^(?: {4}|\t)/.test(line.text)) break;
    kept.push(...pendingBlank, line.text.replace(/^(?: {4}|\t)/, ''));
    pendingBlank = [];
    end = line.end;
  }
  return { end, text: kept.join('\n') };
}
