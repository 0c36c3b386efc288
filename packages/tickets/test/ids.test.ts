import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REFERENCE_PATTERN, createIdempotencyKey, createReference } from '@porthole/tickets';

describe('createReference', () => {
  it('makes PH-XXXX-XXXX references from the unambiguous Crockford alphabet', () => {
    const seen = new Set<string>();
    const letters = new Set<string>();
    for (let i = 0; i < 5_000; i++) {
      const reference = createReference();
      assert.match(reference, REFERENCE_PATTERN);
      assert.doesNotMatch(reference, /[ILOU]/);
      seen.add(reference);
      for (const c of reference.slice(3).replace('-', '')) letters.add(c);
    }
    // 40 random bits: 5,000 draws practically never collide, and use all 32 symbols.
    assert.equal(seen.size, 5_000);
    assert.equal(letters.size, 32);
  });
});

describe('createIdempotencyKey', () => {
  it('makes distinct UUID v4 keys', () => {
    const a = createIdempotencyKey();
    assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(a, createIdempotencyKey());
  });

  it('still works where crypto.randomUUID is missing (plain-http pages)', () => {
    const original = Object.getOwnPropertyDescriptor(crypto, 'randomUUID');
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = new Set(Array.from({ length: 100 }, createIdempotencyKey));
      assert.equal(keys.size, 100);
      for (const key of keys) {
        assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }
    } finally {
      if (original) Object.defineProperty(crypto, 'randomUUID', original);
      else delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
  });
});
