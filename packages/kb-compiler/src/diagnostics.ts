import { isAbsolute, relative } from 'node:path';

/** What a diagnostic is about; stable, so tools can filter on it. */
export type DiagnosticCode =
  /** No longer reported (the file name is the title); kept so existing filters still compile. */
  | 'missing-title'
  /** Front matter is malformed YAML, not a mapping, or a field has the wrong type. */
  | 'invalid-front-matter'
  /** Front matter uses YAML features refused for safety: tags, anchors/aliases, merge keys, `__proto__`. */
  | 'unsafe-yaml'
  /** A front-matter key Porthole does not know (a typo of `keywords`?). */
  | 'unknown-front-matter-key'
  /** Two articles of one locale have the same slug. */
  | 'duplicate-slug'
  /** A relative link to a `.md` file that is not an article. */
  | 'broken-link'
  /** A link to `article.md#fragment` where the article has no such heading. */
  | 'missing-anchor'
  /** A published article links to a draft, which is not published. */
  | 'link-to-draft'
  /** A relative image or file link whose file does not exist. */
  | 'missing-asset'
  /** The HTML sanitizer removed an element or attribute. */
  | 'unsafe-html'
  /** An article with a `translationKey` has no version in some locale. */
  | 'untranslated'
  /** `<locale>/synonyms.yml` is not a list of groups of words (that group is ignored). */
  | 'invalid-synonyms'
  /** Two articles of one locale share a `translationKey`. */
  | 'duplicate-translation'
  /** An article with no text. */
  | 'empty-article'
  /** Front matter `locale` disagrees with the locale folder. */
  | 'locale-mismatch'
  /** A Markdown file could not be read, or is not UTF-8 text. */
  | 'unreadable-file'
  /** An article is larger than `maxArticleSize`. */
  | 'article-too-large'
  /** Lists, quotes or HTML nested too deep to render. */
  | 'too-deep'
  /** The renderer failed on an article (a bug: please report it); the rest is built. */
  | 'render-failed'
  /** A file name with control or bidirectional-override characters. */
  | 'suspicious-file-name'
  /** An MDX component that cannot be rendered (once per component name per build). */
  | 'mdx-component'
  /** Liquid or Hugo shortcodes, which cannot be rendered (counted, once per file). */
  | 'shortcode'
  /** An include (`![[Note]]`, `--8<--`, an MDX partial) that is missing or includes itself. */
  | 'include';

export type DiagnosticSeverity = 'error' | 'warning';

/** Every code, for configuration checks and docs. */
export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = [
  'missing-title',
  'invalid-front-matter',
  'unsafe-yaml',
  'unknown-front-matter-key',
  'duplicate-slug',
  'broken-link',
  'missing-anchor',
  'link-to-draft',
  'missing-asset',
  'unsafe-html',
  'untranslated',
  'duplicate-translation',
  'empty-article',
  'locale-mismatch',
  'unreadable-file',
  'article-too-large',
  'too-deep',
  'render-failed',
  'suspicious-file-name',
  'mdx-component',
  'shortcode',
  'include',
];

/** A problem found in an article, with the position in the original file (1-based). */
export interface Diagnostic {
  /** The file: the content folder joined with the path inside it (or the in-memory source path). */
  file: string;
  line: number;
  column: number;
  severity: DiagnosticSeverity;
  code: DiagnosticCode;
  message: string;
}

export interface FormatDiagnosticOptions {
  /**
   * Absolute file names are shown relative to this folder.
   * @default process.cwd()
   */
  cwd?: string;
}

/** `file:line:col severity message [code]`, the format editors and CI annotate from. */
export function formatDiagnostic(
  diagnostic: Diagnostic,
  options: FormatDiagnosticOptions = {},
): string {
  const { file, line, column, severity, message, code } = diagnostic;
  const shown = isAbsolute(file) ? relative(options.cwd ?? process.cwd(), file) || file : file;
  return `${shown}:${line}:${column} ${severity} ${message} [${code}]`;
}

/** Thrown by `compileKnowledgeBase` when articles have errors; nothing has been written. */
const englishPlural = new Intl.PluralRules('en');
const count = (n: number, word: string) =>
  `${n} ${word}${englishPlural.select(n) === 'one' ? '' : 's'}`;

export class CompileError extends Error {
  override readonly name = 'CompileError';
  /** Every diagnostic of the build, errors and warnings, in file order. */
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const files = new Set(errors.map((d) => d.file)).size;
    super(
      `${count(errors.length, 'error')} in ${count(files, 'file')}; first: ${errors[0] ? formatDiagnostic(errors[0]) : 'none'}`,
    );
    this.diagnostics = diagnostics;
  }
}

/** 1-based line and column of offsets in a text. */
export interface LineIndex {
  locate(offset: number): { line: number; column: number };
}

/** The line starts are found when first asked for: most files never have a diagnostic. */
export function createLineIndex(text: string): LineIndex {
  let starts: number[] | undefined;
  const findStarts = () => {
    const found = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) found.push(i + 1);
    return found;
  };
  return {
    locate(offset) {
      starts ??= findStarts();
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >>> 1;
        if ((starts[middle] ?? 0) <= offset) low = middle;
        else high = middle - 1;
      }
      return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
    },
  };
}

/** Sorted by file and position, with exact repeats removed. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  diagnostics.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
  return diagnostics.filter((d, i) => {
    const previous = diagnostics[i - 1];
    return !(
      previous &&
      previous.file === d.file &&
      previous.line === d.line &&
      previous.column === d.column &&
      previous.code === d.code &&
      previous.message === d.message
    );
  });
}

/** Errors and warnings per code, most frequent first: `broken-link: 3 errors`. */
export function summarizeDiagnostics(
  diagnostics: readonly Diagnostic[],
): { code: DiagnosticCode; errors: number; warnings: number }[] {
  const counts = new Map<
    DiagnosticCode,
    { code: DiagnosticCode; errors: number; warnings: number }
  >();
  for (const d of diagnostics) {
    const entry = counts.get(d.code) ?? { code: d.code, errors: 0, warnings: 0 };
    if (d.severity === 'error') entry.errors++;
    else entry.warnings++;
    counts.set(d.code, entry);
  }
  return [...counts.values()].sort(
    (a, b) => b.errors - a.errors || b.warnings - a.warnings || (a.code < b.code ? -1 : 1),
  );
}
