/**
 * The bench's conversion of the JSON corpora (headings kept apart from the body) to Markdown:
 * each heading goes before the line that names its topic.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { convertPage, placeHeadings } from '../bench/convert.js';

describe('bench corpus conversion', () => {
  test('a heading goes before the line sharing its words, in order', () => {
    const lines = [
      'Obsidian supports the following file types:',
      'Images: .png, .jpg',
      'PDF: .pdf',
      'You can extend Obsidian with community plugins.',
      'Many file types can be embedded directly into your notes.',
      'On Desktop, drag and drop a file into a note.',
    ];
    assert.deepEqual(placeHeadings(['Embed files'], lines), [4]);
    assert.deepEqual(placeHeadings(['Images', 'Embed files'], lines), [1, 4]);
  });

  test('headings sharing no words with any line are spread evenly', () => {
    assert.deepEqual(
      placeHeadings(['Alpha', 'Beta'], ['one', 'two', 'three', 'four', 'five', 'six']),
      [2, 4],
    );
  });

  test('a page becomes Markdown with its sections where the headings were placed', () => {
    const source = convertPage({
      id: 'file-formats',
      title: 'Accepted file formats',
      headings: ['Embed files'],
      body: 'Supported types:\nPDF: *.pdf*\nFiles can be embedded in notes.',
    });
    assert.equal(source.path, 'en/file-formats.md');
    assert.match(String(source.content), /title: "Accepted file formats"/);
    assert.match(
      String(source.content),
      /PDF: \\\*\.pdf\\\*\n\n## Embed files\n\nFiles can be embedded/,
    );
  });
});
