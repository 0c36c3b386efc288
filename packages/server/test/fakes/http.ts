/**
 * A throwaway HTTP server for destination tests, with optional chaos: a fault chosen per
 * request (503, 429 with Retry-After, a stall, a dropped connection, or the work done and the
 * answer dropped — the case idempotency keys exist for).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface FakeAnswer {
  status: number;
  json?: unknown;
  headers?: Record<string, string>;
}

export type Fault = 'none' | '503' | '429' | 'stall' | 'drop' | 'drop-after';

export interface FakeServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  requests: FakeRequest[];
  /** Decides the fault for each request; `none` by default. */
  chaos: (request: FakeRequest) => Fault;
  close(): Promise<void>;
}

function write(res: ServerResponse, answer: FakeAnswer): void {
  res.writeHead(answer.status, {
    ...(answer.json === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...answer.headers,
  });
  res.end(answer.json === undefined ? undefined : JSON.stringify(answer.json));
}

export async function startFake(
  handle: (request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>,
): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const fake: FakeServer = {
    origin: '',
    requests,
    chaos: () => 'none',
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const request: FakeRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(request);
      const fault = fake.chaos(request);
      if (fault === '503') return write(res, { status: 503, json: { error: 'unavailable' } });
      if (fault === '429')
        return write(res, {
          status: 429,
          json: { error: 'slow down' },
          headers: { 'Retry-After': '1' },
        });
      if (fault === 'stall') return; // never answered: the relay's timeout ends it
      if (fault === 'drop') return req.socket.destroy();
      void Promise.resolve(handle(request)).then(
        (answer) => (fault === 'drop-after' ? req.socket.destroy() : write(res, answer)),
        (error: unknown) => write(res, { status: 500, json: { error: String(error) } }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

export function basicUser(request: FakeRequest): string | undefined {
  const match = /^Basic (.+)$/.exec(request.headers.authorization ?? '');
  return match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : undefined;
}

/** Parse a multipart body with the platform's own parser. */
export function formData(request: FakeRequest): Promise<FormData> {
  return new Response(new Uint8Array(request.body), {
    headers: { 'Content-Type': request.headers['content-type'] ?? '' },
  }).formData();
}
