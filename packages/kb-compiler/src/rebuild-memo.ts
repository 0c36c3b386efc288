/**
 * What a watch-mode rebuild (`porthole dev`, the Vite plugin) takes over from the previous
 * build besides rendered articles: each article's links as resolved and its body file, so an
 * edit to one article does not resolve every link and serialize and hash every article body
 * again (1 s of a 3.6 s rebuild at 9,739 articles, most of its garbage too). Each entry is
 * kept with what it was made from and reused only while all of that is unchanged; the output
 * is the same as a build without a cache.
 */
import type { ArticleSummary } from '@porthole/kb';
import { catalogShape, type SourceFile } from './catalog.js';
import type { DiagnosticCode, DiagnosticSeverity } from './diagnostics.js';
import type { RenderedArticle, RenderedSection } from './render.js';

/** An article's references, resolved and written into its HTML. */
export interface LinkedArticle {
  /** The HTML with every reference filled in. */
  html: string;
  /** Snippet texts (taken again from `html` when a `[[wikilink]]` became text). */
  snippets: string[] | undefined;
  /** Problems of its references, to report at the article. */
  problems: {
    at: { line: number; column: number };
    severity: DiagnosticSeverity;
    code: DiagnosticCode;
    message: string;
  }[];
  /** Articles whose headings a `#fragment` was checked against, with their render then. */
  anchors: [SourceFile, RenderedArticle | undefined][];
  /** Assets it embeds or links to, with the URL they had. */
  assets: { path: string; fromStatic: boolean; url: string | undefined }[];
  /** Static-folder paths looked up, and whether they existed. */
  statics: [string, boolean][];
}

/** An article body file (`articles/<slug hash>.<content hash>.json`) and what it was made of. */
export interface ArticleFileEntry {
  html: string;
  title: string;
  sections: readonly RenderedSection[];
  translations: string;
  summary: ArticleSummary;
  file: string;
  json: string;
}

export interface RebuildMemo {
  /** Bumped whenever anything a link is resolved against changed. */
  generation: number;
  /** Every content path, the Markdown files and the options of the last build's links. */
  paths: readonly string[];
  files: readonly SourceFile[];
  options: string;
  links: WeakMap<
    RenderedArticle,
    { source: SourceFile; generation: number; linked: LinkedArticle }
  >;
  articleFiles: WeakMap<SourceFile, ArticleFileEntry>;
  /**
   * Each locale's articles in the order of the last manifest, with what they were sorted by;
   * `strict` once each was checked to sort before the next.
   */
  order: Map<
    string,
    {
      paths: string[];
      titles: string[];
      orders: (number | undefined)[];
      slugs: string[];
      strict: boolean;
    }
  >;
  /** Render cache keys of files that include nothing (a hash of all their text). */
  renderKeys: WeakMap<SourceFile, string>;
}

export function createRebuildMemo(): RebuildMemo {
  return {
    generation: 0,
    paths: [],
    files: [],
    options: '',
    links: new WeakMap(),
    articleFiles: new WeakMap(),
    renderKeys: new WeakMap(),
    order: new Map(),
  };
}

/**
 * Start a build's links: when a path, a slug, a locale, an alias, a file's role or the link
 * options changed since the last build, no resolved links are reused. Unchanged files are the
 * same objects from build to build (the catalog memo), so only edited ones are compared.
 */
export function startLinks(
  memo: RebuildMemo,
  paths: readonly string[],
  files: readonly SourceFile[],
  options: string,
): void {
  const same =
    options === memo.options &&
    paths.length === memo.paths.length &&
    files.length === memo.files.length &&
    paths.every((path, i) => path === memo.paths[i]) &&
    files.every((file, i) => {
      const before = memo.files[i];
      return (
        file === before || (before !== undefined && catalogShape(file) === catalogShape(before))
      );
    });
  if (!same) memo.generation++;
  memo.paths = paths;
  memo.files = files;
  memo.options = options;
}

/**
 * `source`'s links from the last build, if it and everything they were resolved against is
 * unchanged: the same render, no change of paths or names (see {@link startLinks}), the same
 * headings in every article a `#fragment` points into, the same assets and static files.
 */
export function reusedLinks(
  memo: RebuildMemo,
  source: SourceFile,
  rendered: RenderedArticle,
  renderOf: (file: SourceFile) => RenderedArticle | undefined,
  assetUrl: (path: string, fromStatic: boolean) => Promise<string | undefined>,
  hasStatic: (path: string) => boolean,
): LinkedArticle | undefined | Promise<LinkedArticle | undefined> {
  const entry = memo.links.get(rendered);
  if (!entry || entry.source !== source || entry.generation !== memo.generation) return undefined;
  const { linked } = entry;
  if (!linked.anchors.every(([target, render]) => renderOf(target) === render)) return undefined;
  if (!linked.statics.every(([path, found]) => hasStatic(path) === found)) return undefined;
  // No promise to wait for without assets (nearly every article: 10,000 waits cost 20 ms).
  if (linked.assets.length === 0) return linked;
  return (async () => {
    // Asked for even when they are unchanged: the build copies them to its output.
    for (const { path, fromStatic, url } of linked.assets)
      if ((await assetUrl(path, fromStatic)) !== url) return undefined;
    return linked;
  })();
}

export function rememberLinks(
  memo: RebuildMemo,
  source: SourceFile,
  rendered: RenderedArticle,
  linked: LinkedArticle,
): void {
  memo.links.set(rendered, { source, generation: memo.generation, linked });
}
