/**
 * The http adapter's `upload()`: loaded by the adapter with the first file, so that sending a
 * ticket without attachments (most visits) does not download it.
 */
import { TicketError } from './errors.js';
import { MESSAGES, parseRetryAfter } from './http-common.js';
import type { UploadOptions, UploadedAttachment } from './types.js';

function isUploaded(value: unknown): value is UploadedAttachment {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name, size, type } = value as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    typeof name === 'string' &&
    typeof size === 'number' &&
    typeof type === 'string'
  );
}

/** Turn an upload's answer into the attachment or the `TicketError` the widget shows. */
function readUploadAnswer(status: number, text: string, retryAfter: string | null) {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: the status alone decides.
  }
  if (status === 201 && isUploaded(body)) {
    const { id, name, size, type } = body;
    return { id, name, size, type };
  }
  const message = typeof body.message === 'string' ? body.message : undefined;
  if (status >= 500) throw new TicketError('server', MESSAGES.server, { status });
  if (status === 429) {
    const wait = parseRetryAfter(retryAfter);
    throw new TicketError('rejected', message ?? MESSAGES.busy, {
      status,
      retryable: true,
      ...(wait === undefined ? {} : { cause: { retryAfter: wait } }),
    });
  }
  throw new TicketError('rejected', message ?? `The help desk refused the file (HTTP ${status}).`, {
    status,
  });
}

/** `fetch` has no upload progress in browsers; XMLHttpRequest does. */
function uploadWithXhr(
  url: string,
  form: FormData,
  headers: Record<string, string>,
  { signal, onProgress }: UploadOptions,
): Promise<UploadedAttachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => onProgress?.(event.loaded, event.total);
    xhr.onload = () => {
      try {
        resolve(
          readUploadAnswer(xhr.status, xhr.responseText, xhr.getResponseHeader('Retry-After')),
        );
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => reject(new TicketError('network', MESSAGES.network));
    xhr.onabort = () => reject(new TicketError('aborted', MESSAGES.aborted));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** Where and how the adapter sends files. */
export interface UploadTarget {
  url: string;
  headers: Record<string, string>;
  /** The adapter's own `fetch`, when it was given one (then XMLHttpRequest is not used). */
  fetch: typeof fetch | undefined;
}

/** Store one file with `POST <url>` (`multipart/form-data`, one part named `file`). */
export async function uploadFile(
  file: Blob,
  uploadOptions: UploadOptions = {},
  { url, headers, fetch: ownFetch }: UploadTarget,
): Promise<UploadedAttachment> {
  const { signal, onProgress } = uploadOptions;
  if (signal?.aborted) {
    throw new TicketError('aborted', MESSAGES.aborted, { cause: signal.reason });
  }
  const name =
    uploadOptions.name ?? (typeof File !== 'undefined' && file instanceof File ? file.name : '');
  const form = new FormData();
  form.append('file', file, name || 'attachment');
  if (typeof XMLHttpRequest !== 'undefined' && ownFetch === undefined) {
    return uploadWithXhr(url, form, headers, uploadOptions);
  }
  const fetchImpl = ownFetch ?? globalThis.fetch;
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { ...headers, Accept: 'application/json' },
      body: form,
      ...(signal ? { signal } : {}),
    });
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw new TicketError('aborted', MESSAGES.aborted, { cause: error });
    throw new TicketError('network', MESSAGES.network, { cause: error });
  }
  const uploaded = readUploadAnswer(response.status, text, response.headers.get('Retry-After'));
  onProgress?.(file.size, file.size);
  return uploaded;
}
