/**
 * State of the one article being rendered. marked's extensions and renderers are created once
 * per worker and are synchronous, so the article they work on is kept here for the length of
 * one render (`withRenderContext`) instead of being threaded through marked's options.
 */
import type { Token } from 'marked';
import type { DiagnosticCode, DiagnosticSeverity } from '../diagnostics.js';

/** A link or embedded file found while rendering; resolved later against the whole KB. */
export interface SourceReference {
  kind: 'link' | 'embed';
  /** The URL as written, or the target of a `[[wikilink]]` (`Note#Heading`). */
  raw: string;
  wikilink: boolean;
  /** Offset in the article's text, when it is known. */
  at: number | undefined;
  /**
   * Path of the included file (partial) it was written in, when it is not the article itself:
   * it is resolved from that file's folder and reported there, not here.
   */
  from: string | undefined;
}

/** What a `data-porthole-mark` attribute added while rendering stands for. */
export type Mark = { type: 'ref'; reference: SourceReference } | { type: 'heading-id'; id: string };

/** A problem found while rendering, at an offset of the article's text. */
export interface RenderProblem {
  at: number;
  severity: DiagnosticSeverity;
  code: DiagnosticCode;
  message: string;
  /** Problems with the same key are reported once per build (MDX components by name). */
  onceKey?: string;
}

/** Markdown of files an article includes, resolved before rendering. */
export interface IncludeMap {
  /** `${includer path}\u0000${target as written}` → path of the included file. */
  targets: Readonly<Record<string, string>>;
  /** Path → Markdown body (front matter removed). */
  texts: Readonly<Record<string, string>>;
}

/** Footnotes of the article being rendered (see footnotes.ts). */
export interface FootnoteState {
  definitions: Map<string, Token[]>;
  /** Labels in order of first reference. */
  order: string[];
  /** References so far per label (for back-links to the second and later ones). */
  refs: Map<string, number>;
}

export const NO_INCLUDES: IncludeMap = { targets: {}, texts: {} };

export interface RenderContextOptions {
  /** Path of the article inside the content folder. */
  path: string;
  includes: IncludeMap;
  /** Turns an included file's text into Markdown marked can read (MDX, shortcodes). */
  prepare: (path: string, text: string) => string;
}

export class RenderContext {
  /** Marks carry it, so marks written by an author (who cannot know it) are dropped. */
  readonly nonce = `m${Math.random().toString(36).slice(2, 10)}`;
  readonly marks: Mark[] = [];
  /** Source offset of each token, from `mapTokenOffsets`. */
  readonly offsets = new WeakMap<object, number>();
  readonly problems: RenderProblem[] = [];
  /** Paths being included, innermost last (for cycles and for resolving from the partial). */
  readonly includeStack: string[] = [];
  readonly footnotes: FootnoteState = { definitions: new Map(), order: [], refs: new Map() };
  /** Whether JSX components are read (set from the prepared source, see prepare.ts). */
  mdx = false;
  /** MDX imports per file: component name → path as written (`./_partial.mdx`). */
  readonly imports = new Map<string, Map<string, string>>();
  readonly options: RenderContextOptions;

  constructor(options: RenderContextOptions) {
    this.options = options;
  }

  /** The file the Markdown being rendered comes from (a partial while it is included). */
  get currentFile(): string {
    return this.includeStack.at(-1) ?? this.options.path;
  }

  /** Source offset of a token; undefined inside included files (it is not in this article). */
  offsetOf(token: object): number | undefined {
    return this.includeStack.length > 0 ? undefined : this.offsets.get(token);
  }

  /** ` data-porthole-mark="…"`, to add to an element the renderer writes. */
  mark(mark: Mark): string {
    this.marks.push(mark);
    return ` data-porthole-mark="${this.nonce}:${this.marks.length - 1}"`;
  }

  /** The mark an attribute value stands for, if it is one of this render's. */
  readMark(value: string | null): Mark | undefined {
    if (!value?.startsWith(`${this.nonce}:`)) return undefined;
    return this.marks[Number(value.slice(this.nonce.length + 1))];
  }

  report(problem: RenderProblem): void {
    // Problems inside an included file are reported when that file itself is checked.
    if (this.includeStack.length === 0) this.problems.push(problem);
  }
}

let current: RenderContext | undefined;

export function withRenderContext<T>(context: RenderContext, run: () => T): T {
  const previous = current;
  current = context;
  try {
    return run();
  } finally {
    current = previous;
  }
}

export function activeContext(): RenderContext {
  if (!current) throw new Error('Markdown extensions used outside of renderArticle');
  return current;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML text or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
