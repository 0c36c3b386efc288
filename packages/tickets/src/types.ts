/**
 * Public types of the ticket contract shared by the widget, the adapters and the server.
 * The runtime schema lives in `schema.ts`; `TicketInput` is inferred from it there and
 * re-exported, so the two cannot drift.
 */
import type { TicketInput } from './schema.js';

/** What the server (or help desk) answers once a ticket is committed. */
export interface TicketReceipt {
  /** Opaque unique id (UUID). */
  id: string;
  /** Short human-readable reference a visitor can quote, e.g. `PH-7K3M-Q9TD`. */
  reference: string;
  /** ISO 8601 timestamp of when the ticket was committed. */
  createdAt: string;
}

/** Field name → human-readable message, for showing next to form fields. */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * Why the ticket schema refused a field: `required` (empty), `too-long` (over `limit`
 * characters), `one-line` (a line break in a one-line field), `control-character`,
 * `broken-character` (half of a surrogate pair), `invalid-email`, `unknown` (not a ticket
 * field) or `invalid` (anything else; the English `fieldErrors` sentence says what).
 */
export type FieldIssueCode =
  | 'required'
  | 'too-long'
  | 'one-line'
  | 'control-character'
  | 'broken-character'
  | 'invalid-email'
  | 'unknown'
  | 'invalid';

/** A refused field's {@link FieldIssueCode}, with the limit a `too-long` field went over. */
export interface FieldIssue {
  code: FieldIssueCode;
  limit?: number;
}

export interface SubmitOptions {
  /**
   * Makes the submission safe to repeat: the same key never creates a second ticket.
   * Adapters generate one when it is missing; the widget passes one per draft so a double
   * click or a retry after a lost response cannot duplicate the ticket.
   */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** A file stored by `POST /v1/uploads`, ready to be listed in a ticket's `attachments`. */
export interface UploadedAttachment {
  /** Put this in `TicketInput.attachments`. */
  id: string;
  name: string;
  /** Bytes. */
  size: number;
  /** The media type the server found in the file's content (not its name). */
  type: string;
}

export interface UploadOptions {
  /**
   * The file name to store.
   * @default the `File`'s own name, else `attachment`
   */
  name?: string;
  signal?: AbortSignal;
  /** Called as bytes leave the browser (and once at the end elsewhere). */
  onProgress?: (loaded: number, total: number) => void;
}

/** The seam between the widget and wherever tickets go. */
export interface TicketAdapter {
  /** Short identifier for logs and errors, e.g. `http`, `memory`. */
  readonly name: string;
  /**
   * Validate and deliver a ticket. Resolves only when the ticket is stored; rejects with a
   * `TicketError`.
   */
  submit(ticket: TicketInput, options?: SubmitOptions): Promise<TicketReceipt>;
  /**
   * Store one file for a ticket that is still being written; the ticket lists the returned
   * `id` in `attachments`. Adapters without attachments leave this out.
   */
  upload?(file: Blob, options?: UploadOptions): Promise<UploadedAttachment>;
}

/**
 * Why a submission failed:
 * - `invalid`: the ticket failed validation (see `fieldErrors`); retrying won't help.
 * - `network`: no answer (offline, DNS, connection reset, timeout) after all retries.
 * - `server`: 5xx after all retries.
 * - `rejected`: any other refusal (4xx other than validation, e.g. 413, 429 after retries).
 * - `aborted`: the caller's `AbortSignal` fired.
 */
export type TicketErrorCode = 'invalid' | 'network' | 'server' | 'rejected' | 'aborted';
