/**
 * Node entry of `@porthole/kb`: everything the browser entry has, plus folder paths (and
 * `file:` URLs) as sources, read with node:fs.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { KnowledgeBaseError } from './errors.js';
import { openKnowledgeBase as openFromUrlOrData } from './index.js';
import { loadKnowledgeBase } from './knowledge-base.js';
import { describe, isKnowledgeBaseData, parseJson, type FileLoader } from './loader.js';
import type { KnowledgeBase, KnowledgeBaseSource, OpenKnowledgeBaseOptions } from './types.js';

export * from './index.js';

/**
 * Open a compiled knowledge base from a folder path, a `file:` URL, an `http(s):` URL or
 * already-loaded data. See the browser `openKnowledgeBase` for what is loaded when.
 *
 * @example
 * const kb = await openKnowledgeBase('./dist/kb');
 * const hits = await kb.search('reset pasword', { locale: 'en', limit: 5 });
 */
export function openKnowledgeBase(
  source: KnowledgeBaseSource,
  options: OpenKnowledgeBaseOptions = {},
): Promise<KnowledgeBase> {
  if (isKnowledgeBaseData(source)) return openFromUrlOrData(source, options);
  const url = typeof source === 'string' ? parseAbsoluteUrl(source) : source;
  if (url && url.protocol !== 'file:') return openFromUrlOrData(url, options);
  const folder = url ? fileURLToPath(url) : resolve(source as string);
  return loadKnowledgeBase(createFolderLoader(folder.replace(/[\\/]manifest\.json$/, '')));
}

/** A URL with a scheme of two letters or more (so `C:\kb` stays a path). */
function parseAbsoluteUrl(source: string): URL | undefined {
  if (!/^[a-z][a-z0-9+.-]+:/i.test(source)) return undefined;
  try {
    return new URL(source);
  } catch {
    return undefined;
  }
}

function createFolderLoader(folder: string): FileLoader {
  return {
    baseUrl: pathToFileURL(folder + '/').href,
    name: folder,
    async readJson(path) {
      const file = join(folder, path);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (cause) {
        const code = (cause as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') {
          const hint = path === 'manifest.json' ? ' Build the folder with `porthole build`.' : '';
          throw new KnowledgeBaseError('not-found', `No ${path} in ${folder}.${hint}`, { cause });
        }
        throw new KnowledgeBaseError('network', `Could not read ${file}: ${describe(cause)}`, {
          cause,
        });
      }
      return parseJson(text, file, null);
    },
  };
}
