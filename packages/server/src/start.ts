import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createServer } from './app.js';
import type { StartServerOptions } from './options.js';

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  url: string;
  /** The port actually bound (useful with `port: 0`). */
  port: number;
  /** Stop accepting connections, finish the ones in flight, then close the database. */
  close(): Promise<void>;
}

/**
 * Start the Porthole server on a TCP port.
 *
 * ```ts
 * const server = await startServer({ port: 8787, kbDir: './dist/kb', staticDir: './site' });
 * console.log(`Porthole on ${server.url}`);
 * ```
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const { port = 8787, host = '127.0.0.1', requestTimeoutMs = 30_000, ...serverOptions } = options;
  const porthole = await createServer(serverOptions);
  let httpServer: ReturnType<typeof serve> | undefined;
  try {
    const address = await new Promise<AddressInfo>((resolve, reject) => {
      httpServer = serve(
        {
          fetch: porthole.app.fetch,
          port,
          hostname: host,
          // Keep the process's own Request/Response: the server may share it (CLI, tests).
          overrideGlobalObjects: false,
          serverOptions: {
            // A client that trickles its headers or body is cut off (408) instead of holding
            // a connection for minutes.
            requestTimeout: requestTimeoutMs,
            headersTimeout: Math.min(requestTimeoutMs, 10_000),
            connectionsCheckingInterval: Math.min(1_000, requestTimeoutMs),
          },
        },
        resolve,
      );
      httpServer.once('error', reject);
    });
    const server = httpServer;
    if (!server) throw new Error('The HTTP server did not start.');
    // Node answers more than 2,000 header lines with a bare 400; let them through to the
    // app, which refuses too many headers with 431 (and Node refuses > 16 KiB with 431).
    if ('maxHeadersCount' in server) server.maxHeadersCount = 0;
    server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
      if (!socket.writable) return socket.destroy();
      const status =
        error.code === 'HPE_HEADER_OVERFLOW'
          ? '431 Request Header Fields Too Large'
          : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? '408 Request Timeout'
            : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    });
    const urlHost = host.includes(':') ? `[${host}]` : host;
    return {
      url: `http://${urlHost}:${address.port}`,
      port: address.port,
      close: async () => {
        await new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
        await porthole.close();
      },
    };
  } catch (error) {
    httpServer?.close();
    await porthole.close();
    throw error;
  }
}
