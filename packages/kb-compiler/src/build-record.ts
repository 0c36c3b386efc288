/**
 * What the last `porthole build` read and wrote, so that a build whose inputs have not changed
 * is answered from the output folder without reading a single article (the unchanged rebuild of
 * 9,739 articles spent seconds reading and deserializing caches to produce the same files).
 *
 * An input is unchanged when its size, modification and change times (nanoseconds) and inode
 * are those recorded, as git's index decides it. A file modified in the two seconds before the
 * build looked at it is "racy": its times are not trusted (a write in the same clock tick as the
 * build's look would not move them), so an article's record is the hash of the text the build
 * used, compared with the file's text by the next build; any other racy file is never trusted
 * (the next build is a full one, which records it again). The record is keyed by everything
 * else a build depends on (compiler and Node versions, options, configuration, output folder),
 * and checked against the output folder: the manifest must be the one written and the output
 * folders must hold exactly the files written (or at least them, without `clean`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, rename, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { MANIFEST_FILE, type ManifestFile } from '@porthole/kb/format';
import type { StoredCatalog } from './catalog.js';
import type { Diagnostic } from './diagnostics.js';
import { decodeText, fileState, listContentPaths } from './sources.js';

const RECORD_FILE = 'build-v1.json';

/** An input file's {@link fileState}, or the hash of an article's text ({@link textState}). */
type FileState = string;

export interface InputSnapshot {
  /** Path (`content:…` or `static:…`) → state, as the build found them before reading. */
  files: Map<string, FileState>;
}

export interface BuildRecord {
  key: string;
  inputs: [path: string, state: FileState][];
  /** Every file written but the manifest, sorted. */
  outputs: string[];
  manifestHash: string;
  diagnostics: Diagnostic[];
  articleCount: number;
  rendered: number;
}

/** The state of every file of the content folder (before any of them is read). */
export async function snapshotContent(contentDir: string): Promise<InputSnapshot> {
  const now = Date.now();
  const files = new Map<string, FileState>();
  for (const path of await listContentPaths(contentDir))
    files.set(`content:${path}`, fileState(join(contentDir, path), now));
  return { files };
}

/**
 * The state of an article that was racy when read: the hash of the text the build used, so
 * the next build trusts its content, not its times.
 */
export function textState(text: string): FileState {
  return `text:${hashText(text)}`;
}

async function hasText(path: string, state: FileState): Promise<boolean> {
  const bytes = await readFile(path).catch(() => undefined);
  const decoded = bytes && decodeText(new Uint8Array(bytes));
  return decoded !== undefined && 'text' in decoded && textState(decoded.text) === state;
}

export function recordKey(parts: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([process.versions.node, process.versions.icu, parts]))
    .digest('base64url');
}

/**
 * The recorded build if it still holds: same key, every input unchanged (the content folder
 * has the same files, each static file it used is unchanged) and the output folder as written.
 * A record that cannot be read is reported through `warn` and ignored.
 */
export async function findValidRecord(
  cacheDir: string,
  contentDir: string,
  key: string,
  snapshot: InputSnapshot,
  outDir: string,
  clean: boolean,
  warn: (message: string) => void,
): Promise<{ record: BuildRecord; manifest: ManifestFile; manifestText: string } | undefined> {
  const record = await readRecord(cacheDir, warn);
  if (!record || record.key !== key) return undefined;
  let contentFiles = 0;
  for (const [path, state] of record.inputs) {
    if (state === 'racy') return undefined;
    if (path.startsWith('content:')) {
      contentFiles++;
      const now = snapshot.files.get(path);
      if (now === undefined) return undefined;
      if (state.startsWith('text:')) {
        if (!(await hasText(join(contentDir, path.slice('content:'.length)), state)))
          return undefined;
      } else if (now !== state) return undefined;
    } else if (fileState(path.slice('static:'.length)) !== state) return undefined;
  }
  // A file added to the content folder.
  if (contentFiles !== snapshot.files.size) return undefined;

  const manifestText = await readFile(join(outDir, MANIFEST_FILE), 'utf8').catch(() => undefined);
  if (manifestText === undefined || hashText(manifestText) !== record.manifestHash)
    return undefined;
  const present = await listOutputs(outDir, record.outputs);
  const written = new Set(record.outputs);
  if (record.outputs.some((path) => !present.has(path))) return undefined;
  if (clean && [...present].some((path) => !written.has(path))) return undefined;
  return { record, manifest: JSON.parse(manifestText) as ManifestFile, manifestText };
}

export async function writeRecord(cacheDir: string, record: BuildRecord): Promise<void> {
  const body = JSON.stringify(record);
  await mkdir(cacheDir, { recursive: true });
  const path = join(cacheDir, RECORD_FILE);
  const temporary = `${path}.${process.pid}.tmp`;
  // The hash first: a truncated or edited record is detected, never half-trusted.
  await writeFile(temporary, `${hashText(body)}\n${body}`);
  await rename(temporary, path);
}

async function readRecord(
  cacheDir: string,
  warn: (message: string) => void,
): Promise<BuildRecord | undefined> {
  const path = join(cacheDir, RECORD_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  try {
    if (newline < 0 || text.slice(0, newline) !== hashText(body)) throw new Error('checksum');
    const record = JSON.parse(body) as BuildRecord;
    if (!Array.isArray(record.inputs) || !Array.isArray(record.outputs)) throw new Error('shape');
    return record;
  } catch {
    warn(`ignoring the build record ${path}: it is damaged (the build runs in full)`);
    return undefined;
  }
}

/** The files of the output folders that a build writes to (`index/`, `articles/`, `assets/`). */
async function listOutputs(outDir: string, outputs: readonly string[]): Promise<Set<string>> {
  const folders = new Set(['index', 'articles', 'assets']);
  for (const path of outputs) folders.add(path.slice(0, path.indexOf('/')));
  const present = new Set<string>();
  for (const folder of folders) {
    for (const name of await readdir(join(outDir, folder)).catch(() => [] as string[]))
      present.add(`${folder}/${name}`);
  }
  return present;
}

/**
 * The output files as `CompileResult.files` for a build answered from its record: each read
 * from the output folder when first asked for (an unchanged rebuild reads none of them).
 */
export function lazyOutputFiles(
  outDir: string,
  outputs: readonly string[],
  manifestText: string,
): Record<string, string | Uint8Array> {
  const files = readLazily(outDir, outputs, (path) => !path.startsWith('assets/'));
  files[MANIFEST_FILE] = manifestText;
  return files;
}

/** Files of `dir` by path, read (as text, or bytes) when a property is first read. */
export function readLazily(
  dir: string,
  paths: readonly string[],
  isText: (path: string) => boolean,
): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {};
  for (const path of paths) {
    Object.defineProperty(files, path, {
      enumerable: true,
      configurable: true,
      // On `this`: the property may have been copied to another object (`defineProperties`).
      get(this: Record<string, string | Uint8Array>) {
        const bytes = readFileSync(join(dir, path));
        const value = isText(path) ? bytes.toString('utf8') : new Uint8Array(bytes);
        Object.defineProperty(this, path, { value, enumerable: true, writable: true });
        return value;
      },
    });
  }
  return files;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

const CATALOG_FILE = 'catalog-v1.bin';

/**
 * The front matter of every file as the last build read it, for the files the next build finds
 * unchanged (parsing it was a tenth of a rebuild after one edit at 9,739 articles).
 */
export async function readStoredCatalog(
  cacheDir: string,
  version: string,
  warn: (message: string) => void,
): Promise<StoredCatalog | undefined> {
  const path = join(cacheDir, CATALOG_FILE);
  const bytes = await readFile(path).catch(() => undefined);
  if (!bytes) return undefined;
  try {
    const stored = deserialize(bytes) as Partial<StoredCatalog> | null;
    if (typeof stored?.options === 'string' && stored.files instanceof Map)
      return stored.version === version ? (stored as StoredCatalog) : undefined;
  } catch {
    // Reported below.
  }
  warn(`ignoring the damaged cache file ${path}: front matter is read again`);
  return undefined;
}

export async function writeStoredCatalog(cacheDir: string, stored: StoredCatalog): Promise<void> {
  const path = join(cacheDir, CATALOG_FILE);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, serialize(stored));
  await rename(temporary, path);
}
