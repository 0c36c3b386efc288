import { createReadStream } from 'node:fs';
import { realpath, readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { extname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { Context } from 'hono';
import { accepts } from 'hono/accepts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** Headers every static page gets; HTML also gets {@link HTML_HEADERS}. */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
} as const;

/** The widget is built to work under this: no inline script or style, no eval, one origin. */
export const HTML_HEADERS = {
  'Content-Security-Policy': "default-src 'self'",
} as const;

/** For files whose name changes whenever their content does: cache them for a year, unasked. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

export interface ServeFileOptions {
  /** `Cache-Control`, or a function of the file's name (hashed names can be cached forever). */
  cacheControl: string | ((file: string) => string);
  /** Extra headers for HTML responses. */
  htmlHeaders?: Record<string, string>;
  /** Let pages on any origin read the file (`Access-Control-Allow-Origin: *`). */
  crossOrigin?: boolean;
}

export type StaticResult =
  | { kind: 'file'; response: Response }
  | { kind: 'redirect'; location: string }
  | { kind: 'not-found' };

/**
 * Map a URL path below a mount point to a file inside `root`, or undefined when the path tries
 * to leave it: `..`, encoded separators, NUL, backslashes, and dot-files (`.env`, `.git`) are
 * all refused. Symlinks are followed only when their target is still inside `root`.
 */
export async function resolveInside(root: string, urlPath: string): Promise<string | undefined> {
  const segments: string[] = [];
  for (const raw of urlPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment.startsWith('.') || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  const base = resolve(root);
  const candidate = join(base, ...segments);
  const rel = relative(base, candidate);
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  try {
    const [realBase, realCandidate] = await Promise.all([realpath(base), realpath(candidate)]);
    if (realCandidate !== realBase && !realCandidate.startsWith(realBase + sep)) return undefined;
    return realCandidate;
  } catch {
    return undefined;
  }
}

function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

// ── Compression ────────────────────────────────────────────────────────────────────────────

type Encoding = 'br' | 'gzip';

/** Types worth compressing: text of every kind. Images, fonts and wasm are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/;
/** Below this a compressed answer is barely smaller and costs more than it saves. */
const MIN_COMPRESS_BYTES = 1024;
/** Larger files go out as they are rather than being compressed in memory. */
const MAX_COMPRESS_BYTES = 16 * 1024 * 1024;

const compressors: Record<Encoding, (input: Buffer) => Promise<Buffer>> = {
  // Quality 6: about as small as gzip -9 halves again, at a few ms per 100 kB. The widget's
  // own files come precompressed at quality 11 from its build.
  br: (input) =>
    promisify(brotliCompress)(input, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: 6,
        [zlib.BROTLI_PARAM_SIZE_HINT]: input.length,
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
      },
    }),
  gzip: (input) => promisify(gzip)(input, { level: 9 }),
};

/**
 * Compressed bodies by file, size, mtime and encoding, so each file is compressed once per
 * change. Bounded: the oldest entries go first once {@link CACHE_LIMIT_BYTES} is passed.
 */
const compressedCache = new Map<string, Buffer>();
const CACHE_LIMIT_BYTES = 64 * 1024 * 1024;
let compressedCacheBytes = 0;

async function compressedBody(file: string, info: Stats, encoding: Encoding): Promise<Buffer> {
  const key = `${encoding}:${info.size}:${info.mtimeMs}:${file}`;
  const cached = compressedCache.get(key);
  if (cached) {
    // Refresh its place: a Map iterates in insertion order, so this keeps recent ones last.
    compressedCache.delete(key);
    compressedCache.set(key, cached);
    return cached;
  }
  const body = await compressors[encoding](await readFile(file));
  compressedCache.set(key, body);
  compressedCacheBytes += body.length;
  for (const [oldKey, old] of compressedCache) {
    if (compressedCacheBytes <= CACHE_LIMIT_BYTES) break;
    compressedCache.delete(oldKey);
    compressedCacheBytes -= old.length;
  }
  return body;
}

/**
 * The encoding to answer with: brotli when the client takes it at least as gladly as gzip
 * (browsers list `gzip, deflate, br`, all at q=1, and brotli is smaller), else gzip, else none.
 */
function chooseEncoding(c: Context): Encoding | undefined {
  const chosen = accepts(c, {
    header: 'Accept-Encoding',
    supports: ['br', 'gzip'],
    default: 'identity',
    match: (offered) => {
      const q = (name: string) =>
        offered.find((entry) => entry.type.toLowerCase() === name)?.q ??
        offered.find((entry) => entry.type === '*')?.q ??
        0;
      const [br, gz] = [q('br'), q('gzip')];
      if (br > 0 && br >= gz) return 'br';
      return gz > 0 ? 'gzip' : 'identity';
    },
  });
  return chosen === 'br' || chosen === 'gzip' ? chosen : undefined;
}

/** A `.br` / `.gz` written beside the file at build time, if it is as new as the file. */
async function precompressed(file: string, info: Stats, encoding: Encoding) {
  const path = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
  const found = await stat(path).catch(() => undefined);
  return found?.isFile() && found.mtimeMs >= info.mtimeMs ? { path, info: found } : undefined;
}

/** True when a `If-None-Match` list names `etag` (weak comparison, as RFC 9110 asks). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

// ── Serving ────────────────────────────────────────────────────────────────────────────────

/**
 * Answer a GET/HEAD for one file: compressed when the client accepts it (a precompressed
 * `.br`/`.gz` beside the file when there is one, else compressed here once and remembered),
 * with an `ETag` per representation and `304 Not Modified` for a matching `If-None-Match`.
 */
export async function serveFile(
  file: string,
  c: Context,
  options: ServeFileOptions,
): Promise<Response | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const type = contentTypeOf(file);
  const compressible = COMPRESSIBLE.test(type);
  const wanted = compressible ? chooseEncoding(c) : undefined;
  // A precompressed copy is always worth sending; compressing here only pays for mid sizes.
  const ready = wanted && (await precompressed(file, info, wanted));
  const worthIt = info.size >= MIN_COMPRESS_BYTES && info.size <= MAX_COMPRESS_BYTES;
  const encoding = ready || worthIt ? wanted : undefined;
  const version = `${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}`;
  const etag = `W/"${version}${encoding ? `-${encoding}` : ''}"`;
  const cacheControl =
    typeof options.cacheControl === 'function' ? options.cacheControl(file) : options.cacheControl;
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Cache-Control': cacheControl,
    ETag: etag,
    'Last-Modified': info.mtime.toUTCString(),
    ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
    ...(type.startsWith('text/html') ? options.htmlHeaders : {}),
    ...(options.crossOrigin ? { 'Access-Control-Allow-Origin': '*' } : {}),
  };
  if (matchesEtag(c.req.header('If-None-Match'), etag)) {
    return new Response(null, { status: 304, headers });
  }
  let body: ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer> | null = null;
  if (ready) {
    headers['Content-Length'] = String(ready.info.size);
    if (c.req.method !== 'HEAD') body = streamOf(ready.path);
  } else if (encoding) {
    const compressed = await compressedBody(file, info, encoding);
    headers['Content-Length'] = String(compressed.length);
    // zlib's results own a plain (never shared) ArrayBuffer.
    body = compressed as Uint8Array<ArrayBuffer>;
  } else {
    headers['Content-Length'] = String(info.size);
    if (c.req.method !== 'HEAD') body = streamOf(file);
  }
  return new Response(c.req.method === 'HEAD' ? null : body, { status: 200, headers });
}

function streamOf(file: string): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
}

/**
 * Serve `urlPath` (already stripped of the mount prefix) from `root`: folders answer with their
 * `index.html`, and a folder asked for without its trailing slash is redirected to it so
 * relative links inside the page keep working.
 */
export async function serveFromFolder(
  root: string,
  urlPath: string,
  c: Context,
  options: ServeFileOptions,
): Promise<StaticResult> {
  const file = await resolveInside(root, urlPath);
  if (file === undefined) return { kind: 'not-found' };
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    if (!urlPath.endsWith('/')) {
      // Relative, from the raw last segment: never a `//host` open redirect.
      const last = urlPath.split('/').filter(Boolean).at(-1) ?? '';
      return { kind: 'redirect', location: `./${last}/` };
    }
    const index = await resolveInside(root, `${urlPath}index.html`);
    const response = index && (await serveFile(index, c, options));
    return response ? { kind: 'file', response } : { kind: 'not-found' };
  }
  const response = await serveFile(file, c, options);
  return response ? { kind: 'file', response } : { kind: 'not-found' };
}
