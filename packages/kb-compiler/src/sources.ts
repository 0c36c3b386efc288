import { lstatSync, type BigIntStats } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { LOCALE_PATTERN } from './front-matter.js';

/** An in-memory file of a content folder. */
export interface ContentSource {
  /** Path inside the content folder with `/` separators, e.g. `en/billing/refunds.md`. */
  path: string;
  /** Markdown text, or the bytes of an image or other file the articles link to. */
  content: string | Uint8Array;
}

/** The files of a content folder, wherever they come from. */
export interface ContentFiles {
  /** Markdown files (`.md`, `.markdown`, `.mdx`), sorted by path; newlines normalized to `\n`. */
  markdown: { path: string; text: string }[];
  /** Every file's path (Markdown and others), sorted. */
  paths: string[];
  /** Markdown files that could not be read, are not UTF-8 text or are too large, with the reason. */
  unreadable: { path: string; reason: string; tooLarge?: boolean }[];
  /** Bytes of any other file by path, or undefined when it does not exist. */
  readAsset(path: string): Promise<Uint8Array | undefined>;
  /** The file name to show in diagnostics. */
  displayPath(path: string): string;
}

export const MARKDOWN = /\.(?:md|markdown|mdx)$/i;

/**
 * Markdown files as last read, by path, with their {@link fileState}: a watcher reads again
 * only the files whose state changed.
 */
export type ReadMemo = Map<string, { state: string; size: number; text: string }>;

export interface ReadOptions {
  /** Texts of an earlier read of the same folder (kept up to date by this read). */
  memo?: ReadMemo;
  /** Paths to leave out (from the configuration's `ignore`). */
  ignore?: readonly RegExp[];
  /** Markdown files larger than this (bytes) are not read: they are reported as too large. */
  maxSize?: number;
}

/**
 * Strict UTF-8: a file in another encoding is reported, never silently turned into U+FFFD
 * replacement characters that would then be published.
 */
export function decodeText(bytes: Uint8Array): { text: string } | { reason: string } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text };
  } catch {
    return { reason: 'is not UTF-8 text: save it with UTF-8 encoding' };
  }
}

function splitDecoded(files: { path: string; bytes: Uint8Array | string }[], maxSize: number) {
  const markdown: ContentFiles['markdown'] = [];
  const unreadable: ContentFiles['unreadable'] = [];
  for (const { path, bytes } of files) {
    const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
    if (size > maxSize) {
      unreadable.push({ path, reason: tooLarge(size, maxSize), tooLarge: true });
      continue;
    }
    const decoded =
      typeof bytes === 'string' ? { text: bytes.replace(/\r\n?/g, '\n') } : decodeText(bytes);
    if ('text' in decoded) markdown.push({ path, text: decoded.text });
    else unreadable.push({ path, reason: decoded.reason });
  }
  return { markdown, unreadable };
}

function tooLarge(size: number, maxSize: number): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `is ${mb(size)}, more than the ${mb(maxSize)} an article may be: split it, or raise \`maxArticleSize\` in porthole.config.json`;
}

const DEFAULT_MAX_SIZE = 2 * 1024 * 1024;

/** Every file of a content folder (but hidden ones and node_modules), sorted, `/`-separated. */
export async function listContentPaths(dir: string): Promise<string[]> {
  const paths: string[] = [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  // Each folder's path once, not each file's (10,000 files are in a few dozen folders).
  const folders = new Map<string, string | undefined>();
  const folderOf = (parent: string) => {
    if (folders.has(parent)) return folders.get(parent);
    const parts = relative(dir, parent).split(sep).filter(Boolean);
    const folder = parts.some(isHidden) ? undefined : parts.map((part) => `${part}/`).join('');
    folders.set(parent, folder);
    return folder;
  };
  for (const entry of entries) {
    if (!entry.isFile() || isHidden(entry.name)) continue;
    const folder = folderOf(entry.parentPath);
    if (folder !== undefined) paths.push(folder + entry.name);
  }
  return paths.sort();
}

/** Hidden files and folders (.git, .obsidian …) and node_modules are never content. */
const isHidden = (part: string) => part.startsWith('.') || part === 'node_modules';

export async function readContentFolder(
  dir: string,
  options: ReadOptions = {},
): Promise<ContentFiles> {
  const ignore = options.ignore ?? [];
  const paths = (await listContentPaths(dir)).filter(
    (path) => !ignore.some((pattern) => pattern.test(path)),
  );
  const memo = options.memo;
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  const markdownPaths = paths.filter((p) => MARKDOWN.test(p));
  const now = Date.now();
  const states = markdownPaths.map((path) => (memo ? memoState(join(dir, path), now) : 'racy'));
  // In watch mode nearly every file is as it was last read: its text is taken as it is, with
  // no promise, decoding or size check per file (those were a tenth of a rebuild).
  const kept = markdownPaths.map((path, i) => {
    const known = memo?.get(path);
    const state = states[i];
    return known && known.state === state && state !== 'racy' && known.size <= maxSize
      ? known.text
      : undefined;
  });
  type Read = { path: string } & (
    { bytes: Uint8Array; state: string; reason?: undefined } | { bytes?: undefined; reason: string }
  );
  const read = await Promise.all(
    markdownPaths.flatMap((path, i): Promise<Read>[] => {
      if (kept[i] !== undefined) return [];
      const state = states[i] ?? 'racy';
      const read = readFile(join(dir, path)).then(
        (bytes): Read => ({ path, bytes: new Uint8Array(bytes), state }),
        (error: unknown) => {
          const code = (error as NodeJS.ErrnoException).code ?? 'error';
          return { path, reason: `cannot be read (${code})` };
        },
      );
      return [read];
    }),
  );
  const decoded = splitDecoded(
    read.flatMap((r) => (r.bytes ? [{ path: r.path, bytes: r.bytes }] : [])),
    maxSize,
  );
  const unreadable = decoded.unreadable;
  const fresh = new Map(decoded.markdown.map((m) => [m.path, m.text]));
  const markdown: ContentFiles['markdown'] = [];
  for (const [i, path] of markdownPaths.entries()) {
    const text = kept[i] ?? fresh.get(path);
    if (text !== undefined) markdown.push({ path, text });
  }
  if (memo) rememberTexts(memo, read, decoded.markdown, markdown);
  for (const r of read) if (r.reason) unreadable.push({ path: r.path, reason: r.reason });
  const known = new Set(paths);
  return {
    markdown,
    paths,
    unreadable,
    async readAsset(path) {
      if (!known.has(path)) return undefined;
      return new Uint8Array(await readFile(join(dir, path)));
    },
    displayPath: (path) => join(dir, path),
  };
}

export function readContentSources(
  sources: readonly ContentSource[],
  contentDir: string | undefined,
  options: ReadOptions = {},
): ContentFiles {
  const byPath = new Map<string, string | Uint8Array>();
  for (const source of sources) {
    const path = posix.normalize(source.path.replace(/\\/g, '/'));
    if (!(options.ignore ?? []).some((pattern) => pattern.test(path)))
      byPath.set(path, source.content);
  }
  const { markdown, unreadable } = splitDecoded(
    [...byPath]
      .filter(([path]) => MARKDOWN.test(path))
      .map(([path, bytes]) => ({ path, bytes }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    options.maxSize ?? DEFAULT_MAX_SIZE,
  );
  const encoder = new TextEncoder();
  return {
    markdown,
    paths: [...byPath.keys()].sort(),
    unreadable,
    readAsset(path) {
      const content = byPath.get(path);
      return Promise.resolve(typeof content === 'string' ? encoder.encode(content) : content);
    },
    displayPath: (path) => (contentDir ? join(contentDir, path) : path),
  };
}

function rememberTexts(
  memo: ReadMemo,
  read: readonly { path: string; bytes?: Uint8Array | undefined; state?: string }[],
  fresh: ContentFiles['markdown'],
  markdown: ContentFiles['markdown'],
): void {
  const byPath = new Map(read.flatMap((r) => (r.state && r.bytes ? [[r.path, r]] : [])));
  const present = new Set(markdown.map((m) => m.path));
  for (const path of memo.keys()) if (!present.has(path)) memo.delete(path);
  for (const { path, text } of fresh) {
    const entry = byPath.get(path);
    if (!entry?.state) continue;
    if (entry.state === 'racy') memo.delete(path);
    else memo.set(path, { state: entry.state, size: entry.bytes?.length ?? 0, text });
  }
}

/** Files modified this close (ns) before they are looked at do not have trustworthy times. */
const RACY_NS = 2_000_000_000n;

/**
 * A file's state: size, modification and change times (ns), inode and mode; `missing`; or
 * `racy` when it was modified so recently that a write in the same clock tick would not show.
 */
export function fileState(path: string, now = Date.now()): string {
  let stats: BigIntStats;
  try {
    stats = lstatSync(path, { bigint: true });
  } catch {
    return 'missing';
  }
  if (stats.mtimeNs > BigInt(now) * 1_000_000n - RACY_NS) return 'racy';
  return `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}:${stats.mode}`;
}

/**
 * A file's state for the in-memory read memo: as {@link fileState}, from a plain `lstat`
 * (times in fractional milliseconds, ~100 ns apart at worst): it allocates no `BigInt`s and
 * `Date`s, 18 objects per file and 10,000 files per rebuild in `porthole dev`.
 */
function memoState(path: string, now: number): string {
  const stats = lstatSync(path, { throwIfNoEntry: false });
  if (!stats) return 'missing';
  if (stats.mtimeMs > now - Number(RACY_NS / 1_000_000n)) return 'racy';
  return `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}:${stats.mode}`;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * The canonical locale code (`pt-br` → `pt-BR`) if `name` is one: a known language with
 * optional script/region subtags. Folder names like `faq` or `api` are not languages.
 */
export function readLocaleCode(name: string): string | undefined {
  if (!LOCALE_PATTERN.test(name)) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(name);
    if (!canonical || languageNames.of(canonical) === undefined) return undefined;
    return canonical;
  } catch {
    return undefined;
  }
}
