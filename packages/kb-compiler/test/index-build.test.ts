import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_POSTINGS, type PostingChunk } from '@porthole/kb/format';
import { buildSearchIndex } from '../src/index/build.js';
import { tokenizeRecords } from '../src/index/records.js';

test('a common term keeps its heaviest postings, the first records among equal weights, in record order', () => {
  const count = MAX_POSTINGS + 100;
  const titled = (i: number) => i % 7 === 0;
  const articles = Array.from({ length: count }, (_, i) => ({
    sections: [],
    file: `articles/${i}.json`,
    terms: tokenizeRecords([{ title: titled(i) ? 'refund policy' : 'policy', body: 'refund' }]),
    snippets: [''],
  }));
  const { files } = buildSearchIndex({ locale: 'en', articles });
  const chunk = Object.values(files)
    .map((json) => JSON.parse(json) as Partial<PostingChunk>)
    .find((c) => c.postings?.refund);
  const encoded = chunk?.postings?.refund ?? [];
  const records: number[] = [];
  for (let k = 0, record = 0; k < encoded.length; k += 3) records.push((record += encoded[k] ?? 0));

  const heavy = Array.from({ length: count }, (_, i) => i).filter(titled);
  const light = Array.from({ length: count }, (_, i) => i).filter((i) => !titled(i));
  const expected = [...heavy, ...light.slice(0, MAX_POSTINGS - heavy.length)].sort((a, b) => a - b);
  assert.deepEqual(records, expected);
});
