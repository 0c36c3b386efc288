/**
 * A static file server that gzips like a production one (level 6, for JSON, JS, and
 * Pagefind's own pre-compressed files as they are) and counts the bytes it sends, so the
 * bench can say what a visitor downloads.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface CountingServer {
  url: string;
  /** Bytes sent (as on the wire, after gzip) since the last reset, and the paths asked for. */
  sent: { bytes: number; paths: string[] };
  reset(): void;
  close(): Promise<void>;
}

export async function serveFolder(root: string): Promise<CountingServer> {
  const sent = { bytes: 0, paths: [] as string[] };
  const cache = new Map<string, Buffer>();
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path));
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    readFile(file).then(
      (raw) => {
        // Pagefind's index files are gzip already and served as they are (their loader
        // inflates them itself).
        const compress = gzip && !/\.pf_|\.pagefind$/.test(file);
        let body: Buffer = raw;
        if (compress) {
          body = cache.get(file) ?? gzipSync(raw, { level: 6 });
          cache.set(file, body);
        }
        sent.bytes += body.length;
        sent.paths.push(path);
        response.writeHead(200, {
          'content-type': file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream',
          ...(compress && { 'content-encoding': 'gzip' }),
        });
        response.end(body);
      },
      () => {
        response.writeHead(404);
        response.end();
      },
    );
  });
  // Clients reuse idle connections for up to 4 s; a server closing them at 5 s races with that
  // on a busy machine ("fetch failed" in the middle of a run).
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    sent,
    reset() {
      sent.bytes = 0;
      sent.paths = [];
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
