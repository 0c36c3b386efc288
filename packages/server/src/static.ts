import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { Readable } from 'node:stream';

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

export interface ServeFileOptions {
  cacheControl: string;
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

/** Answer a GET/HEAD for one file with a weak ETag and conditional 304s. */
export async function serveFile(
  file: string,
  request: Request,
  options: ServeFileOptions,
): Promise<Response | undefined> {
  let info;
  try {
    info = await stat(file);
  } catch {
    return undefined;
  }
  if (!info.isFile()) return undefined;
  const type = contentTypeOf(file);
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Cache-Control': options.cacheControl,
    ETag: etag,
    'Last-Modified': info.mtime.toUTCString(),
    ...(type.startsWith('text/html') ? options.htmlHeaders : {}),
    ...(options.crossOrigin ? { 'Access-Control-Allow-Origin': '*' } : {}),
  };
  if (request.headers.get('If-None-Match') === etag) {
    return new Response(null, { status: 304, headers });
  }
  headers['Content-Length'] = String(info.size);
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}

/**
 * Serve `urlPath` (already stripped of the mount prefix) from `root`: folders answer with their
 * `index.html`, and a folder asked for without its trailing slash is redirected to it so
 * relative links inside the page keep working.
 */
export async function serveFromFolder(
  root: string,
  urlPath: string,
  request: Request,
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
    const response = index && (await serveFile(index, request, options));
    return response ? { kind: 'file', response } : { kind: 'not-found' };
  }
  const response = await serveFile(file, request, options);
  return response ? { kind: 'file', response } : { kind: 'not-found' };
}
