/**
 * Samples of three real docs trees (fixtures/real, with their licences): Docusaurus (Redux),
 * MkDocs Material and Astro Starlight check without errors, and their articles show none of
 * their tool's syntax as text outside code blocks.
 */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { openKnowledgeBase } from '@porthole/kb';
import { JSDOM } from 'jsdom';
import { checkKnowledgeBase, compileKnowledgeBase } from '../src/index.js';

const real = resolve(import.meta.dirname, 'fixtures/real');
const SYNTAX = [':::', '!!!', '???', '[!', '[^', '{#', '===', 'import ', '<Tabs', '<Aside', '{/*'];

/** The article's text outside code blocks and inline code (where syntax is documented). */
function prose(html: string): string {
  const { document } = new JSDOM(`<body>${html}</body>`).window;
  for (const code of document.querySelectorAll('pre, code')) code.remove();
  return document.body.textContent ?? '';
}

describe('real docs trees', () => {
  for (const [tree, folder, articles] of [
    ['Docusaurus (Redux)', 'redux/docs', 2],
    ['MkDocs Material', 'mkdocs-material/docs', 3],
    ['Starlight', 'starlight/docs', 2],
  ] as const) {
    test(`${tree}: no errors, and no dialect syntax shown as text`, async () => {
      const content = resolve(real, folder);
      const errors = (await checkKnowledgeBase(content)).filter((d) => d.severity === 'error');
      assert.deepEqual(errors, []);
      const result = await compileKnowledgeBase({ contentDir: content });
      assert.equal(result.articleCount, articles);
      const kb = await openKnowledgeBase(result);
      for (const locale of kb.locales) {
        for (const summary of kb.articles(locale)) {
          const text = prose((await kb.article(summary.slug, locale)).html);
          for (const syntax of SYNTAX) {
            assert.ok(!text.includes(syntax), `${folder} ${summary.slug} shows "${syntax}"`);
          }
        }
      }
    });
  }

  test('Docusaurus: the imported partial is included and the id front matter sets the slug', async () => {
    const result = await compileKnowledgeBase({ contentDir: resolve(real, 'redux/docs') });
    const kb = await openKnowledgeBase(result);
    const overview = await kb.article('tutorials/fundamentals/part-1-overview');
    assert.match(prose(overview.html), /Redux Essentials/);
  });

  test('Starlight: the German page at the same path is linked as a translation', async () => {
    const result = await compileKnowledgeBase({ contentDir: resolve(real, 'starlight/docs') });
    const kb = await openKnowledgeBase(result);
    assert.deepEqual((await kb.article('getting-started', 'de')).translations, {
      en: 'getting-started',
    });
  });
});
