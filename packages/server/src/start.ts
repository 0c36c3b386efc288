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
          },
        },
        resolve,
      );
      httpServer.once('error', reject);
    });
    const server = httpServer;
    if (!server) throw new Error('The HTTP server did not start.');
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
