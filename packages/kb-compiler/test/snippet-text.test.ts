/** Snippet text: prose only, with tables, code and link lists read the way a visitor can use them. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileKnowledgeBase } from '../src/index.js';
import type { FragmentChunk } from '@porthole/kb/format';
import { extractSnippetTexts } from '../src/index/snippet-text.js';

describe('snippet text', () => {
  test('table rows read as "cell — cell." sentences, header rows left out', () => {
    const html =
      '<table><thead><tr><th>Setting</th><th>What</th></tr></thead><tbody><tr><td>Font</td><td>Pick a font</td></tr><tr><td>Size</td><td>Text size.</td></tr></tbody></table>';
    assert.deepEqual(extractSnippetTexts(html, []), ['Font — Pick a font. Size — Text size.']);
  });

  test('short list items (link lists, menus) are left out when there is prose', () => {
    const html =
      '<p>Import your notes from other apps.</p><ul><li><a href="#">Notion</a></li><li>Evernote</li></ul><ul><li>Open the importer and choose a format to start.</li></ul>';
    assert.deepEqual(extractSnippetTexts(html, []), [
      'Import your notes from other apps. Open the importer and choose a format to start.',
    ]);
  });

  test('a record that is only a list of labels reads as a comma list', () => {
    const html = '<h2 id="a">Apps</h2><ul><li>Notion</li><li>Evernote</li><li>Bear</li></ul>';
    assert.deepEqual(extractSnippetTexts(html, ['', 'Notion Evernote Bear']), [
      '',
      'Notion, Evernote, Bear',
    ]);
  });

  test('code is left out, entities decoded, records split at h2/h3', () => {
    const html =
      '<p>Intro &amp; more&nbsp;text</p><pre><code>npm i &lt;x&gt;</code></pre><h3 id="s">S</h3><p>Caf&#233; &#x2014; ok</p>';
    assert.deepEqual(extractSnippetTexts(html, []), ['Intro & more text', 'Café — ok']);
  });

  test('compiled fragments carry it, so hits never show table punctuation', async () => {
    const result = await compileKnowledgeBase({
      sources: [
        {
          path: 'en/t.md',
          content:
            '---\ntitle: T\n---\n\n| Setting | What |\n| --- | --- |\n| Font | Pick a font |\n',
        },
      ],
    });
    const [path] = Object.keys(result.files).filter((p) => /^index\/en\.f\./.test(p));
    const chunk = JSON.parse(String(result.files[path ?? ''])) as FragmentChunk;
    assert.deepEqual(chunk.articles[0]?.text, ['Font — Pick a font.']);
  });
});
