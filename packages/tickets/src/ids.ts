/**
 * Identifiers shared by every adapter and the server: human-readable ticket references and
 * idempotency keys. Both draw from `crypto.getRandomValues`, which browsers expose even on
 * plain-http pages (unlike `crypto.randomUUID`, which needs a secure context).
 */

/**
 * Crockford's base32 alphabet: digits and upper-case letters without I, L, O and U, so a
 * reference read aloud or copied by hand cannot be confused (0/O, 1/I/L) or spell words.
 */
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The shape of every reference made by {@link createReference}. */
export const REFERENCE_PATTERN = /^PH-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * Make a short, human-readable ticket reference such as `PH-7K3M-Q9TD`: 40 random bits in
 * Crockford base32. Collisions are rare but possible (about one in a million after 1,500
 * tickets), so whoever stores references must keep them unique and draw again on a clash.
 */
export function createReference(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(5));
  // 5 bytes = 40 bits = exactly 8 base32 digits; BigInt-free so it stays tiny and fast.
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += REFERENCE_ALPHABET[(value >>> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return `PH-${out.slice(0, 4)}-${out.slice(4)}`;
}

/**
 * Make a fresh idempotency key (a random UUID v4). Create one per draft ticket and reuse it for
 * every retry of that draft, so the server can recognise a repeat and never store it twice.
 */
export function createIdempotencyKey(): string {
  return createUuid();
}

/** A random UUID v4, also where `crypto.randomUUID` is missing (plain-http pages). */
export function createUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
