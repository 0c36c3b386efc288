import { TicketError } from './errors.js';
import { MESSAGES, parseRetryAfter } from './http-common.js';
import { createIdempotencyKey } from './ids.js';
import { parseTicket, type TicketInput } from './schema.js';
import type { FieldErrors, SubmitOptions, TicketAdapter, TicketReceipt } from './types.js';

export interface HttpAdapterOptions {
  /**
   * The ticket endpoint, e.g. `/v1/tickets` on the reference server. Relative URLs resolve
   * against the page in a browser; in Node pass an absolute URL.
   */
  endpoint: string | URL;
  /**
   * The `fetch` to use (a test double, or one with a proxy agent).
   * @default globalThis.fetch
   */
  fetch?: typeof fetch;
  /**
   * How many times to try again after the first attempt fails with a network error, a
   * timeout, a 5xx, 408, 409 or 429.
   * @default 3
   */
  retries?: number;
  /**
   * Milliseconds each attempt may take before it counts as a network failure.
   * @default 15000
   */
  timeout?: number;
  /**
   * Extra request headers (e.g. a site key). `Content-Type` and `Idempotency-Key` are set by
   * the adapter.
   * @default {}
   */
  headers?: Record<string, string>;
  /**
   * Base delay of the exponential backoff in milliseconds: attempt n waits between half and all
   * of `retryDelay * 2^n`.
   * @default 500
   */
  retryDelay?: number;
  /**
   * The longest wait between two attempts, in milliseconds. A `Retry-After` longer than this
   * ends the retries (the error is `retryable`, so an outbox can try again later).
   * @default 30000
   */
  maxRetryDelay?: number;
  /**
   * Where `upload()` sends files (`multipart/form-data`, one part named `file`).
   * @default the endpoint with its last segment `tickets` replaced by `uploads` (`/v1/uploads`)
   */
  uploadEndpoint?: string | URL;
}

/** Statuses worth another attempt with the same idempotency key. */
function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 409 || status === 429;
}

function isReceipt(value: unknown): value is TicketReceipt {
  if (typeof value !== 'object' || value === null) return false;
  const { id, reference, createdAt } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof reference === 'string' && typeof createdAt === 'string';
}

function readFieldErrors(body: Record<string, unknown>): FieldErrors | undefined {
  const { fieldErrors } = body;
  if (typeof fieldErrors !== 'object' || fieldErrors === null) return undefined;
  const entries = Object.entries(fieldErrors).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

async function readJsonObject(response: Response): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Wait `ms`, or reject as soon as `signal` fires. */
function waitFor(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new TicketError('aborted', MESSAGES.aborted, { cause: signal.reason }));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new TicketError('aborted', MESSAGES.aborted, { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** One attempt's outcome: a receipt, a final error, or a reason to try again. */
type AttemptResult =
  | { kind: 'done'; receipt: TicketReceipt }
  | { kind: 'retry'; error: TicketError; retryAfter?: number };

async function classifyResponse(response: Response): Promise<AttemptResult> {
  const { status } = response;
  if (status >= 200 && status < 300) {
    // A body cut off mid-way throws here and counts as a network failure: the retry carries
    // the same key, so the server replays the receipt instead of storing the ticket twice.
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (isReceipt(body)) {
      return {
        kind: 'done',
        receipt: { id: body.id, reference: body.reference, createdAt: body.createdAt },
      };
    }
    throw new TicketError('server', MESSAGES.server, { status, retryable: false });
  }
  const body = await readJsonObject(response);
  const serverMessage = typeof body.message === 'string' ? body.message : undefined;
  if (isRetryableStatus(status)) {
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
    // As for uploads: the wait the server asked for travels with the error, so a caller that
    // tries again later (the widget's outbox, its "send again in 2 minutes") can honour it.
    const options = {
      status,
      ...(retryAfter === undefined ? {} : { cause: { retryAfter } }),
    };
    const error =
      status === 429
        ? new TicketError('rejected', MESSAGES.busy, { ...options, retryable: true })
        : status >= 500
          ? new TicketError('server', MESSAGES.server, options)
          : new TicketError('rejected', serverMessage ?? MESSAGES.busy, {
              ...options,
              retryable: true,
            });
    return retryAfter === undefined
      ? { kind: 'retry', error }
      : { kind: 'retry', error, retryAfter };
  }
  const fieldErrors = status === 400 ? readFieldErrors(body) : undefined;
  if (fieldErrors) {
    throw new TicketError('invalid', serverMessage ?? 'Check the highlighted fields.', {
      status,
      fieldErrors,
    });
  }
  if (status === 413) throw new TicketError('rejected', MESSAGES.tooLarge, { status });
  throw new TicketError(
    'rejected',
    serverMessage ?? `The help desk refused the ticket (HTTP ${status}).`,
    { status },
  );
}

/**
 * Send tickets to an HTTP endpoint that speaks the Porthole ticket API (`POST` JSON, answer
 * `201 { id, reference, createdAt }`), such as `@porthole/server`.
 *
 * The ticket is validated locally first. Every attempt carries the same `Idempotency-Key`, so
 * retries after a lost answer never create a second ticket.
 */
export function createHttpAdapter(options: HttpAdapterOptions): TicketAdapter {
  const {
    endpoint,
    retries = 3,
    timeout = 15_000,
    headers = {},
    retryDelay = 500,
    maxRetryDelay = 30_000,
  } = options;

  async function attempt(
    body: string,
    key: string,
    signal: AbortSignal | undefined,
  ): Promise<AttemptResult> {
    // One controller per attempt: the caller's signal and this attempt's timeout both end it.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const fetchImpl = options.fetch ?? globalThis.fetch;
      const response = await fetchImpl(endpoint, {
        method: 'POST',
        headers: {
          ...headers,
          Accept: 'application/json',
          'Content-Type': 'application/json',
          'Idempotency-Key': key,
        },
        body,
        signal: controller.signal,
      });
      return await classifyResponse(response);
    } catch (error) {
      if (error instanceof TicketError) throw error;
      if (signal?.aborted) throw new TicketError('aborted', MESSAGES.aborted, { cause: error });
      const message = timedOut
        ? `The help desk did not answer within ${Math.max(1, Math.round(timeout / 1000))} seconds. Check your connection and try again.`
        : MESSAGES.network;
      return { kind: 'retry', error: new TicketError('network', message, { cause: error }) };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  const uploadEndpoint = String(
    options.uploadEndpoint ?? String(endpoint).replace(/tickets\/?$/, 'uploads'),
  );

  return {
    name: 'http',
    // Most tickets carry no file: the upload code loads with the first one.
    upload: async (file, uploadOptions) =>
      (await import('./http-upload.js')).uploadFile(file, uploadOptions, {
        url: uploadEndpoint,
        headers,
        fetch: options.fetch,
      }),

    async submit(input: TicketInput, submitOptions: SubmitOptions = {}): Promise<TicketReceipt> {
      const { signal } = submitOptions;
      if (signal?.aborted) {
        throw new TicketError('aborted', MESSAGES.aborted, { cause: signal.reason });
      }
      const parsed = parseTicket(input);
      if (!parsed.success) {
        throw new TicketError('invalid', parsed.message, { fieldErrors: parsed.fieldErrors });
      }
      const key = submitOptions.idempotencyKey ?? createIdempotencyKey();
      const body = JSON.stringify(parsed.ticket);

      for (let attemptIndex = 0; ; attemptIndex++) {
        const result = await attempt(body, key, signal);
        if (result.kind === 'done') return result.receipt;
        if (attemptIndex >= retries) throw result.error;
        const backoff = Math.min(maxRetryDelay, retryDelay * 2 ** attemptIndex);
        const jittered = backoff / 2 + (Math.random() * backoff) / 2;
        if (result.retryAfter !== undefined && result.retryAfter > maxRetryDelay) {
          throw result.error;
        }
        await waitFor(Math.max(jittered, result.retryAfter ?? 0), signal);
      }
    },
  };
}
