/**
 * `@porthole/kb` — open a compiled Porthole knowledge base and search it. Browser entry (Node
 * gets `node.ts`, which adds folder paths); nothing here imports a Node built-in.
 */
import { KnowledgeBaseError } from './errors.js';
import { MANIFEST_FILE } from './format.js';
import { loadKnowledgeBase } from './knowledge-base.js';
import { createDataLoader, createFetchLoader, isKnowledgeBaseData } from './loader.js';
import type { KnowledgeBase, KnowledgeBaseSource, OpenKnowledgeBaseOptions } from './types.js';

export { KnowledgeBaseError } from './errors.js';
export type * from './types.js';

/**
 * Open a compiled knowledge base: reads its manifest now; each locale's search index on the
 * first search in that locale; each article body when it is opened.
 *
 * @param source The KB's URL (a string is resolved against `document.baseURI`), the URL of its
 *   `manifest.json`, or already-loaded {@link KnowledgeBaseData}.
 * @throws KnowledgeBaseError `not-found`, `network`, `invalid-format`, `unsupported-version` or
 *   `invalid-argument`.
 *
 * @example
 * const kb = await openKnowledgeBase('/kb/');
 * const [best] = await kb.search('reset pasword', { locale: 'en' });
 */
export function openKnowledgeBase(
  source: KnowledgeBaseSource,
  options: OpenKnowledgeBaseOptions = {},
): Promise<KnowledgeBase> {
  try {
    if (isKnowledgeBaseData(source)) return loadKnowledgeBase(createDataLoader(source));
    const fetchFile = options.fetch ?? globalThis.fetch?.bind(globalThis);
    if (!fetchFile) {
      throw new KnowledgeBaseError('invalid-argument', 'No fetch() here; pass options.fetch.');
    }
    return loadKnowledgeBase(createFetchLoader(resolveBaseUrl(source), fetchFile));
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

/** The KB root URL (ending with `/`) of a URL source; a `…/manifest.json` URL names its folder. */
function resolveBaseUrl(source: string | URL): URL {
  let url: URL;
  try {
    const base =
      typeof document !== 'undefined' ? document.baseURI : (globalThis.location?.href ?? undefined);
    url = new URL(source, base);
  } catch (cause) {
    throw new KnowledgeBaseError(
      'invalid-argument',
      `"${String(source)}" is not a URL, and there is no document to resolve it against.`,
      { cause },
    );
  }
  url.search = '';
  url.hash = '';
  if (url.pathname.endsWith(`/${MANIFEST_FILE}`)) return new URL('./', url);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
