import { KnowledgeBaseError } from './errors.js';
import type { KnowledgeBaseData } from './types.js';

/** Reads the JSON files of one compiled knowledge base, wherever it lives. */
export interface FileLoader {
  /** Parsed JSON of a file, by path relative to the KB root; rejects with a `KnowledgeBaseError`. */
  readJson(path: string): Promise<unknown>;
  /** Absolute URL of the KB root (ends with `/`) when known; asset URLs are resolved against it. */
  readonly baseUrl?: string;
  /** How to name the KB in messages. */
  readonly name: string;
}

/** A loader over HTTP(S) (or any URL `fetch` understands). `base` must end with `/`. */
export function createFetchLoader(base: URL, fetchFile: typeof fetch): FileLoader {
  return {
    baseUrl: base.href,
    name: base.href,
    async readJson(path) {
      const url = new URL(path, base).href;
      let response: Response;
      try {
        response = await fetchFile(url, { headers: { accept: 'application/json' } });
      } catch (cause) {
        throw new KnowledgeBaseError('network', `Could not fetch ${url}: ${describe(cause)}`, {
          cause,
        });
      }
      if (response.status === 404 || response.status === 410) {
        throw new KnowledgeBaseError(
          'not-found',
          `${url} was not found (HTTP ${response.status}).`,
        );
      }
      if (!response.ok) {
        throw new KnowledgeBaseError(
          'network',
          `Fetching ${url} failed with HTTP ${response.status}.`,
        );
      }
      const text = await response.text().catch((cause: unknown) => {
        throw new KnowledgeBaseError('network', `Reading ${url} failed: ${describe(cause)}`, {
          cause,
        });
      });
      return parseJson(text, url, response.headers.get('content-type'));
    },
  };
}

/** A loader over files already in memory (e.g. `compileKnowledgeBase()`'s `result.files`). */
export function createDataLoader(data: KnowledgeBaseData): FileLoader {
  return {
    name: 'the knowledge base data',
    readJson(path) {
      if (!Object.hasOwn(data.files, path)) {
        return Promise.reject(
          new KnowledgeBaseError('not-found', `The knowledge base data has no file "${path}".`),
        );
      }
      const value = data.files[path];
      try {
        if (typeof value === 'string') return Promise.resolve(parseJson(value, path, null));
        if (value instanceof Uint8Array) {
          return Promise.resolve(parseJson(new TextDecoder().decode(value), path, null));
        }
      } catch (error) {
        return Promise.reject(error as Error);
      }
      return Promise.resolve(value);
    },
  };
}

export function parseJson(text: string, where: string, contentType: string | null): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const got = contentType ? ` (the server sent ${contentType.split(';')[0]})` : '';
    throw new KnowledgeBaseError('invalid-format', `${where} is not valid JSON${got}.`, { cause });
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isKnowledgeBaseData(source: unknown): source is KnowledgeBaseData {
  if (typeof source !== 'object' || source === null || source instanceof URL) return false;
  const files = (source as Partial<KnowledgeBaseData>).files;
  return typeof files === 'object' && files !== null;
}
