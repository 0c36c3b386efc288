/**
 * What the server adds to the shared schema's checks: the site's own allow-list of metadata
 * (custom and hidden fields), the privacy trim of `pageUrl`, the identity check, and the
 * idempotency scope. Pure functions; the routes call them.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { FieldErrors, Ticket } from '@porthole/tickets';
import type { TicketFieldSpec } from './options.js';

const DEFAULT_FIELD_LENGTH = 500;

/** Field errors for metadata that the allow-list does not permit; empty when all is well. */
export function checkFields(
  metadata: Ticket['metadata'],
  fields: readonly TicketFieldSpec[],
): FieldErrors {
  const errors: FieldErrors = {};
  const given = metadata ?? {};
  const byName = new Map(fields.map((f) => [f.name, f]));
  for (const [name, value] of Object.entries(given)) {
    const field = byName.get(name);
    const label = field?.label ?? name;
    if (!field) {
      errors.metadata ??= `"${name}" is not a field of this form`;
      continue;
    }
    if (field.type === 'checkbox') {
      if (typeof value !== 'boolean') errors[`metadata.${name}`] = `${label} must be true or false`;
    } else if (
      typeof value !== 'string' &&
      !(field.type === 'hidden' && typeof value === 'number')
    ) {
      errors[`metadata.${name}`] = `${label} must be text`;
    } else if (field.type === 'select' && !field.options?.includes(String(value))) {
      errors[`metadata.${name}`] = `Choose one of the options for ${label}`;
    } else if (String(value).length > (field.maxLength ?? DEFAULT_FIELD_LENGTH)) {
      errors[`metadata.${name}`] =
        `${label} must be ${field.maxLength ?? DEFAULT_FIELD_LENGTH} characters or fewer`;
    }
  }
  for (const field of fields) {
    const value = given[field.name];
    if (
      field.required &&
      (value === undefined || value === '' || (field.type === 'checkbox' && value !== true))
    ) {
      errors[`metadata.${field.name}`] ??= `${field.label ?? field.name} is required`;
    }
  }
  return errors;
}

/**
 * The page address without its fragment and without query parameters, except the ones the
 * owner listed: `?email=…&token=…` in a URL is common, and none of it belongs in a ticket.
 */
export function cleanPageUrl(
  pageUrl: string | undefined,
  keep: readonly string[],
): string | undefined {
  if (pageUrl === undefined) return undefined;
  const url = new URL(pageUrl);
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams].filter(([name]) => keep.includes(name));
  url.search = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : '';
  return url.href;
}

/** Whether `userHash` is HMAC-SHA256(email, secret) in hex, compared in constant time. */
export function isVerified(
  email: string,
  userHash: string | undefined,
  secret: string | undefined,
): boolean {
  if (!secret || !userHash || userHash.length !== 64) return false;
  const expected = createHmac('sha256', secret).update(email).digest();
  return timingSafeEqual(expected, Buffer.from(userHash.toLowerCase(), 'hex'));
}

/**
 * The stored form of an `Idempotency-Key`: hashed together with the sender's email, so a key
 * seen (or guessed) by someone else names nothing of theirs. A key never leaves the
 * database readable.
 */
export function scopeIdempotencyKey(key: string, email: string): string {
  return createHash('sha256').update(`${email.toLowerCase()}\n${key}`).digest('hex');
}

/** SHA-256 of the ticket as stored, to tell a repeat from a different ticket under one key. */
export function hashRequest(serialized: string): string {
  return createHash('sha256').update(serialized).digest('hex');
}
