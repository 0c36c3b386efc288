import type { KnowledgeBaseErrorCode } from './types.js';

/** Thrown (or rejected with) whenever a knowledge base cannot be opened or read. */
export class KnowledgeBaseError extends Error {
  override readonly name = 'KnowledgeBaseError';
  readonly code: KnowledgeBaseErrorCode;

  constructor(code: KnowledgeBaseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
