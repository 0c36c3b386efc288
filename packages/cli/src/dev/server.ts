/**
 * The HTTP side of `porthole dev`: the preview page, the compiled knowledge base from memory
 * at /kb/, the widget's script files, and server-sent `build` events for live reload.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join } from 'node:path';
import type { CompileResult } from '@porthole/kb-compiler';
import { PREVIEW_CSS, PREVIEW_SCRIPT, renderPreviewPage } from './page.js';

export interface DevServer {
  url: string;
  /** Tell open pages to reload. */
  reload(): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
};

function typeOf(path: string): string {
  return TYPES[/\.[a-z0-9]+$/i.exec(path)?.[0].toLowerCase() ?? ''] ?? 'application/octet-stream';
}

export async function startDevServer(options: {
  port: number;
  host: string;
  contentDir: string;
  widgetFile: string;
  current: () => CompileResult;
}): Promise<DevServer> {
  const clients = new Set<ServerResponse>();
  const widgetDir = dirname(options.widgetFile);
  const send = (
    response: ServerResponse,
    status: number,
    type: string,
    body: string | Uint8Array,
  ) => {
    response.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'self'",
    });
    response.end(body);
  };
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'text/plain', 'Method not allowed');
    if (path === '/')
      return send(
        response,
        200,
        'text/html; charset=utf-8',
        renderPreviewPage(options.current(), options.contentDir),
      );
    if (path === '/__porthole/preview.js')
      return send(response, 200, TYPES['.js'] ?? '', PREVIEW_SCRIPT);
    if (path === '/__porthole/preview.css')
      return send(response, 200, 'text/css; charset=utf-8', PREVIEW_CSS);
    if (path === '/__porthole/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return undefined;
    }
    if (path.startsWith('/kb/')) {
      const file = options.current().files[path.slice(4)];
      if (file === undefined) return send(response, 404, 'text/plain', 'Not found');
      return send(response, 200, typeOf(path), file);
    }
    const name = basename(path);
    if (
      path === `/${name}` &&
      /^porthole(?:-[a-z0-9]+)*\.js(?:\.map)?$/.test(name) &&
      existsSync(join(widgetDir, name))
    ) {
      response.writeHead(200, { 'content-type': typeOf(name), 'cache-control': 'no-store' });
      createReadStream(join(widgetDir, name)).pipe(response);
      return undefined;
    }
    return send(response, 404, 'text/plain', 'Not found');
  };
  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/`,
    reload() {
      for (const client of clients) client.write('event: build\ndata: {}\n\n');
    },
    async close() {
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
