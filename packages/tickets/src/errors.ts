import type { FieldErrors, TicketErrorCode } from './types.js';

export interface TicketErrorOptions {
  /** Field name → message, when `code` is `invalid`. */
  fieldErrors?: FieldErrors;
  /** The HTTP status of the last answer, when there was one. */
  status?: number;
  /**
   * Whether sending the same ticket again later (with the same idempotency key) may succeed.
   * @default true for `network` and `server`, false otherwise
   */
  retryable?: boolean;
  cause?: unknown;
}

/**
 * Why a ticket was not delivered. `message` is a complete English sentence that can be shown
 * to the visitor as it is; `code` is for programs.
 */
export class TicketError extends Error {
  override readonly name = 'TicketError';
  readonly code: TicketErrorCode;
  readonly fieldErrors?: FieldErrors;
  readonly status?: number;
  readonly retryable: boolean;

  constructor(code: TicketErrorCode, message: string, options: TicketErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.fieldErrors) this.fieldErrors = options.fieldErrors;
    if (options.status !== undefined) this.status = options.status;
    this.retryable = options.retryable ?? (code === 'network' || code === 'server');
  }
}

/** True for a `TicketError`, also one from another copy of this package. */
export function isTicketError(error: unknown): error is TicketError {
  return error instanceof TicketError || (error instanceof Error && error.name === 'TicketError');
}
