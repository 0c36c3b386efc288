/**
 * Long articles are sanitized and inserted piece by piece, a few milliseconds at a time, so a
 * 5 MB article never holds the host page's main thread for long (no task over 50 ms).
 *
 * Pieces are cut where the tags seen so far are balanced, so lists and tables stay whole. The
 * cut is a heuristic over the raw text, and safe whatever the input: every piece is sanitized
 * on its own and inserted as nodes, never joined back into HTML.
 */

/** Articles up to this size are inserted at once; longer ones in pieces of about this size. */
export const PIECE_SIZE = 4 * 1024;
/** How long one task may sanitize and insert before it lets the page run. */
const SLICE_MS = 4;

const TAG = /<(\/?)([a-zA-Z][\w:-]*)[^>]*>/g;
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Where the piece that starts at `start` should end: balanced, about `size` long. */
export function pieceEnd(html: string, start: number, size = PIECE_SIZE): number {
  if (html.length - start <= size) return html.length;
  TAG.lastIndex = start;
  let depth = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const [whole, closing, name = ''] = match;
    if (closing) depth = Math.max(0, depth - 1);
    else if (!whole.endsWith('/>') && !VOID.has(name.toLowerCase())) depth++;
    const end = match.index + whole.length;
    // Balanced and big enough; or never balanced (broken HTML): cut anyway, later.
    if ((depth === 0 && end - start >= size) || end - start >= size * 8) return end;
  }
  return html.length;
}

/** Let the page run: the browser's scheduler where it has one, else a new task. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Sanitize `html` from `start` on and append it to `container`, slice by slice, calling
 * `onPiece` after each insert. Stops quietly when `signal` aborts (another article).
 */
export async function insertProgressively(
  html: string,
  start: number,
  sanitize: (html: string) => DocumentFragment,
  container: Element,
  signal: AbortSignal,
  onPiece: () => void,
): Promise<void> {
  let position = start;
  while (position < html.length) {
    await yieldToPage();
    if (signal.aborted) return;
    const sliceStart = performance.now();
    do {
      const end = pieceEnd(html, position);
      // Each piece in a box the browser may skip while it is off screen (see the styles).
      const piece = document.createElement('div');
      piece.className = 'piece';
      piece.append(sanitize(html.slice(position, end)));
      container.append(piece);
      position = end;
    } while (position < html.length && performance.now() - sliceStart < SLICE_MS);
    onPiece();
  }
}
