/**
 * Phase 1 of a build: every Markdown file's front matter, locale, slug, title fallback and role
 * (article or partial), and the lookups links are resolved with. Follows the conventions of
 * the tools help centers come from:
 *
 * - `index.md`, `_index.md` and `README.md` stand for their folder (`guides/index.md` → `guides`);
 * - files and folders starting with `_` are partials: checked and includable, never published;
 * - Docusaurus `id` replaces the file name in the slug, `permalink` sets the whole slug;
 * - without a title or a leading `# Heading`, the file name is the title (Obsidian).
 */
import { posix } from 'node:path';
import { createLineIndex, type LineIndex } from './diagnostics.js';
import { parseFrontMatter, type FrontMatter, type FrontMatterProblem } from './front-matter.js';
import { readLocaleCode } from './sources.js';

export interface SourceFile {
  path: string;
  text: string;
  lines: LineIndex;
  bodyOffset: number;
  keyOffsets: ReadonlyMap<string, number>;
  /** Undefined when the front matter could not be read. */
  frontMatter: FrontMatter | undefined;
  frontMatterProblems: FrontMatterProblem[];
  locale: string;
  /** Path under the locale folder (`billing/refunds.md`). */
  localPath: string;
  slug: string;
  /** Title made from the file (or folder) name, used when nothing else gives one. */
  nameTitle: string;
  draft: boolean;
  published: boolean;
  /** `_`-prefixed file or folder: checked and includable, not an article. */
  partial: boolean;
  /** Locale folder that disagrees with a front-matter `locale`, for a warning. */
  localeConflict: { folder: string; declared: string } | undefined;
}

export interface Catalog {
  files: SourceFile[];
  byPath: Map<string, SourceFile>;
  /** Lower-cased path → files (for "did you mean" on letter case). */
  byLowerPath: Map<string, SourceFile[]>;
  /** `${locale}\u0000${slug}` → the published article (or the first one, when duplicated). */
  bySlug: Map<string, SourceFile>;
  /** Lower-cased file name without extension (and Obsidian aliases) → files, for wikilinks. */
  byName: Map<string, SourceFile[]>;
  /** Every non-Markdown file by lower-cased file name, for `![[image.png]]`. */
  assetsByName: Map<string, string[]>;
  /** Every path in the content folder. */
  allPaths: Set<string>;
}

const EXTENSION = /\.(?:md|markdown|mdx)$/i;
const FOLDER_PAGE = /^(?:index|_index|readme)$/i;

export interface CatalogOptions {
  defaultLocale: string;
  includeDrafts: boolean;
}

/** What of a catalog file is kept on disk: all but its text (and the index of its lines). */
export type StoredSourceFile = Omit<SourceFile, 'text' | 'lines'>;

/**
 * Files of a stored catalog (see {@link storeCatalog}) whose file is unchanged by `stateOf`, as
 * a memo for {@link buildCatalog}: their front matter is not parsed again.
 */
export function restoreCatalog(
  stored: StoredCatalog,
  markdown: readonly { path: string; text: string }[],
  stateOf: (path: string) => string | undefined,
): CatalogMemo {
  const files = new Map<string, SourceFile>();
  for (const { path, text } of markdown) {
    const kept = stored.files.get(path);
    if (!kept || kept.state === 'racy' || kept.state !== stateOf(path)) continue;
    files.set(path, { ...kept.file, text, lines: createLineIndex(text) });
  }
  return { options: stored.options, files };
}

/** A catalog as kept between builds: each file by path with its state when it was read. */
export interface StoredCatalog {
  /** The compiler's version: another one may read files differently. */
  version: string;
  options: string;
  files: Map<string, { state: string; file: StoredSourceFile }>;
}

export function storeCatalog(
  memo: CatalogMemo,
  stateOf: (path: string) => string | undefined,
  version: string,
): StoredCatalog {
  const files: StoredCatalog['files'] = new Map();
  for (const [path, source] of memo.files) {
    const state = stateOf(path);
    if (state === undefined || state === 'racy') continue;
    const file: Partial<SourceFile> = { ...source };
    delete file.text;
    delete file.lines;
    files.set(path, { state, file: file as StoredSourceFile });
  }
  return { version, options: memo.options, files };
}

/** Files of an earlier catalog by path, reused while their text and the options are the same. */
export interface CatalogMemo {
  options: string;
  files: Map<string, SourceFile>;
  /** The catalog last built with this memo and the paths it was built from. */
  last?: { catalog: Catalog; paths: readonly string[] } | undefined;
}

export function buildCatalog(
  markdown: readonly { path: string; text: string }[],
  allPaths: readonly string[],
  options: CatalogOptions,
  memo?: CatalogMemo,
): Catalog {
  const optionsKey = `${options.defaultLocale}\u0000${options.includeDrafts}`;
  if (memo && memo.options !== optionsKey) {
    memo.files.clear();
    memo.last = undefined;
    memo.options = optionsKey;
  }
  const files = markdown.map(({ path, text }) => {
    const known = memo?.files.get(path);
    if (known?.text === text) return known;
    const file = readFile(path, text, options);
    memo?.files.set(path, file);
    return file;
  });
  if (memo) {
    const present = new Set(markdown.map((m) => m.path));
    for (const path of memo.files.keys()) if (!present.has(path)) memo.files.delete(path);
    const patched = memo.last && patchCatalog(memo.last, files, allPaths);
    if (patched) {
      memo.last = { catalog: patched, paths: allPaths };
      return patched;
    }
  }
  const catalog: Catalog = {
    files,
    byPath: new Map(files.map((f) => [f.path, f])),
    byLowerPath: new Map(),
    bySlug: new Map(),
    byName: new Map(),
    assetsByName: new Map(),
    allPaths: new Set(allPaths),
  };
  const add = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const file of files) {
    add(catalog.byLowerPath, file.path.toLowerCase(), file);
    add(catalog.byName, posix.basename(file.path).replace(EXTENSION, '').toLowerCase(), file);
    for (const alias of file.frontMatter?.aliases ?? [])
      add(catalog.byName, alias.toLowerCase(), file);
    if (!file.partial && file.published) {
      const key = `${file.locale}\u0000${file.slug}`;
      if (!catalog.bySlug.has(key)) catalog.bySlug.set(key, file);
    }
  }
  for (const path of allPaths) {
    if (!EXTENSION.test(path)) add(catalog.assetsByName, posix.basename(path).toLowerCase(), path);
  }
  if (memo) memo.last = { catalog, paths: allPaths };
  return catalog;
}

/**
 * What of a file the catalog's lookups (and so link resolution) use: its path, locale, slug,
 * aliases and role. Remembered per file object (unchanged files are the same object).
 */
export function catalogShape(file: SourceFile): string {
  let shape = shapes.get(file);
  if (shape === undefined) {
    shape = JSON.stringify([
      file.path,
      file.slug,
      file.locale,
      file.localPath,
      file.partial,
      file.published,
      file.frontMatter?.aliases ?? [],
    ]);
    shapes.set(file, shape);
  }
  return shape;
}
const shapes = new WeakMap<SourceFile, string>();

/**
 * The last catalog with `files` in place of its files, when only their text changed (the same
 * paths, and each file's {@link catalogShape}): the lookups are updated, not built again
 * (building them for 9,739 files was a fifth of a rebuild's work outside the search index).
 */
function patchCatalog(
  last: NonNullable<CatalogMemo['last']>,
  files: SourceFile[],
  allPaths: readonly string[],
): Catalog | undefined {
  const { catalog, paths } = last;
  if (files.length !== catalog.files.length || allPaths.length !== paths.length) return undefined;
  if (allPaths.some((path, i) => path !== paths[i])) return undefined;
  const changed: [before: SourceFile, after: SourceFile][] = [];
  for (const [i, after] of files.entries()) {
    const before = catalog.files[i];
    if (after === before) continue;
    if (!before || catalogShape(after) !== catalogShape(before)) return undefined;
    changed.push([before, after]);
  }
  const swap = (list: SourceFile[] | undefined, before: SourceFile, after: SourceFile) => {
    const at = list?.indexOf(before) ?? -1;
    if (list && at >= 0) list[at] = after;
  };
  for (const [before, after] of changed) {
    catalog.byPath.set(after.path, after);
    swap(catalog.byLowerPath.get(after.path.toLowerCase()), before, after);
    swap(
      catalog.byName.get(posix.basename(after.path).replace(EXTENSION, '').toLowerCase()),
      before,
      after,
    );
    for (const alias of after.frontMatter?.aliases ?? [])
      swap(catalog.byName.get(alias.toLowerCase()), before, after);
    const key = `${after.locale}\u0000${after.slug}`;
    if (catalog.bySlug.get(key) === before) catalog.bySlug.set(key, after);
  }
  return { ...catalog, files };
}

function readFile(path: string, text: string, options: CatalogOptions): SourceFile {
  const parsed = parseFrontMatter(text);
  const [first = '', ...rest] = path.split('/');
  const folderLocale = rest.length > 0 ? readLocaleCode(first) : undefined;
  const declared = parsed.data?.locale ? readLocaleCode(parsed.data.locale) : undefined;
  const localPath = folderLocale ? rest.join('/') : path;
  const draft = parsed.data?.draft ?? false;
  const segments = localPath.split('/');
  const name = (segments.at(-1) ?? '').replace(EXTENSION, '');
  const partial = segments.some(
    (s, i) => s.startsWith('_') && !(i === segments.length - 1 && /^_index\./i.test(s)),
  );
  return {
    path,
    text,
    lines: createLineIndex(text),
    bodyOffset: parsed.bodyOffset,
    keyOffsets: parsed.keyOffsets,
    frontMatter: parsed.data,
    frontMatterProblems: parsed.problems,
    locale: folderLocale ?? declared ?? options.defaultLocale,
    localPath,
    slug: readSlug(localPath, parsed.data),
    nameTitle: titleFromName(FOLDER_PAGE.test(name) ? (segments.at(-2) ?? 'Home') : name),
    draft,
    published: !partial && (!draft || options.includeDrafts),
    partial,
    localeConflict:
      folderLocale && declared && declared !== folderLocale
        ? { folder: first, declared }
        : undefined,
  };
}

/** The slug from the path, the folder page convention, and `id` / `slug` / `permalink`. */
function readSlug(localPath: string, frontMatter: FrontMatter | undefined): string {
  if (frontMatter?.slug) return frontMatter.slug;
  const parts = localPath.replace(EXTENSION, '').split('/');
  if (frontMatter?.id) parts[parts.length - 1] = frontMatter.id;
  else if (parts.length > 0 && FOLDER_PAGE.test(parts.at(-1) ?? '')) parts.pop();
  return parts.join('/') || 'index';
}

/** `getting-started` → `Getting started`; names that already have capitals or spaces stay. */
export function titleFromName(name: string): string {
  const spaced = name
    .replace(/^\d+[-_. ]+(?=\D)/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  if (!spaced) return name;
  return spaced === spaced.toLowerCase()
    ? spaced.charAt(0).toUpperCase() + spaced.slice(1)
    : spaced;
}
