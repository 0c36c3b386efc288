import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uuid7 } from '../src/uuid7.js';

describe('uuid7', () => {
  it('writes the time in the first 48 bits, then version 7 and the RFC 9562 variant', () => {
    const id = uuid7(Date.UTC(2026, 11, 1, 12, 0, 0, 345));
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(Number.parseInt(id.replace('-', '').slice(0, 12), 16), 1796126400345);
  });

  it('sorts ids of later milliseconds after earlier ones', () => {
    const ids = Array.from({ length: 100 }, (_, i) => uuid7(1_800_000_000_000 + i * 7));
    assert.deepEqual([...ids].sort(), ids);
  });

  it('gives ids of the same millisecond distinct random bits', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => uuid7(1_800_000_000_000)));
    assert.equal(ids.size, 1000);
  });
});
