/**
 * Snippets: the ASCII fast path (words skipped by their first two letters) cuts the same
 * snippet and ranges as the general one, and text that is not collapsed yet is collapsed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildSnippet, findRanges, headOf, type MatchWeight } from '../src/snippet.js';

const weights = new Map([
  ['sync', 1],
  ['syncing', 0.7],
  ['vault', 0.9],
]);
const plain: MatchWeight = (folded) => weights.get(folded) ?? 0;
const withHeads: MatchWeight = (folded) => weights.get(folded) ?? 0;
withHeads.heads = new Set([...weights.keys()].map(headOf));

const text =
  'Obsidian Sync keeps your notes private. Syncing a Vault takes a minute; SYNC again ' +
  'whenever you like. Other words, numbers like 42 and a sync-able vault name: sync2vault. ' +
  'A long tail of text that goes on for a while so that the snippet has to be cut somewhere '.repeat(
    3,
  ) +
  'and one last vault with sync at the end.';

describe('snippets', () => {
  test('the ASCII path with heads gives the snippet and ranges of the general path', () => {
    assert.deepEqual(buildSnippet(text, withHeads), buildSnippet(text, plain));
    assert.deepEqual(findRanges('Sync a vault', withHeads), [
      [0, 4],
      [7, 12],
    ]);
  });

  test('text with runs of spaces and line breaks is collapsed before cutting', () => {
    const snippet = buildSnippet('  Keep   your\nvault\tin  sync.  ', withHeads);
    assert.equal(snippet.text, 'Keep your vault in sync.');
    assert.deepEqual(snippet.ranges, [
      [10, 15],
      [19, 23],
    ]);
  });
});
