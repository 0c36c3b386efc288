import { createIdempotencyKey } from '@porthole/tickets';
import type { DraftField } from '../core/options.js';
import { DRAFT_PREFIX } from '../core/storage.js';

/** What a visitor has typed into the contact form, plus the key that makes sending it safe. */
export interface Draft {
  name: string;
  email: string;
  subject: string;
  message: string;
  /** Values of the site's own fields (`fields` option), by name. */
  fields: Record<string, string | boolean>;
  /**
   * One idempotency key per draft: made when the draft starts, sent with every attempt (double
   * clicks, retries, a retry after a reload), replaced only after the ticket is created.
   */
  idempotencyKey: string;
}

export type { DraftField };
export const draftFields: readonly DraftField[] = ['name', 'email', 'subject', 'message'];

/** Bump when the stored shape changes; old drafts are then ignored, never misread. */
const STORAGE_VERSION = 1;

function storageKey(endpoint: string): string {
  return `${DRAFT_PREFIX}v${STORAGE_VERSION}:${endpoint}`;
}

export function createDraft(): Draft {
  return {
    name: '',
    email: '',
    subject: '',
    message: '',
    fields: {},
    idempotencyKey: createIdempotencyKey(),
  };
}

/** True when the visitor has typed nothing worth keeping. */
export function isDraftEmpty(draft: Draft): boolean {
  return (
    draftFields.every((field) => draft[field].trim() === '') &&
    Object.values(draft.fields).every((value) => value === '' || value === false)
  );
}

/**
 * The draft saved in this tab for this ticket endpoint, or undefined. Drafts live in
 * `sessionStorage`: a reload keeps them, closing the tab forgets them (what 0.1.0 left in
 * `localStorage` is moved over when the widget starts: `core/storage.ts`). Storage can be
 * missing, full, disabled or hold anything at all (another version, another script): all of
 * that reads as "no draft".
 */
export function loadDraft(endpoint: string): Draft | undefined {
  try {
    const raw = sessionStorage.getItem(storageKey(endpoint));
    if (!raw) return undefined;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as Record<string, unknown>;
    const draft = createDraft();
    for (const field of [...draftFields, 'idempotencyKey'] as const) {
      const stored = record[field];
      if (typeof stored === 'string' && stored.length <= 20_000) draft[field] = stored;
    }
    // Checked where they are used (the `fields` chunk): only text and true/false count.
    const fields = record['fields'];
    if (typeof fields === 'object' && fields !== null) draft.fields = fields as Draft['fields'];
    // A stored draft without a usable key gets a fresh one.
    if (!draft.idempotencyKey) draft.idempotencyKey = createIdempotencyKey();
    return draft;
  } catch {
    return undefined;
  }
}

export function saveDraft(endpoint: string, draft: Draft): void {
  try {
    if (isDraftEmpty(draft)) sessionStorage.removeItem(storageKey(endpoint));
    else sessionStorage.setItem(storageKey(endpoint), JSON.stringify(draft));
  } catch {
    // Private mode, quota, disabled storage: the draft then lives only as long as the page.
  }
}

export function clearDraft(endpoint: string): void {
  try {
    sessionStorage.removeItem(storageKey(endpoint));
  } catch {
    // See saveDraft.
  }
}
