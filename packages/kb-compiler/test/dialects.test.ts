/**
 * The dialects real help centers are written in (GitHub, Obsidian, Docusaurus, MkDocs, MDX),
 * from the fixture tree in fixtures/dialects: it checks without errors, and no article shows
 * any of that syntax as text.
 */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { openKnowledgeBase, type KnowledgeBase } from '@porthole/kb';
import { JSDOM } from 'jsdom';
import { checkKnowledgeBase, compileKnowledgeBase, type CompileResult } from '../src/index.js';

const fixtures = resolve(import.meta.dirname, 'fixtures/dialects');
const SYNTAX = [
  ':::',
  '!!!',
  '???',
  '[!',
  '[^',
  '{#',
  '[[',
  ']]',
  '===',
  'import ',
  '<Tabs',
  '</',
  '{/*',
  '{{',
];

function dom(html: string): Document {
  return new JSDOM(`<body>${html}</body>`).window.document;
}

describe('dialects fixture tree', () => {
  let result: CompileResult;
  let kb: KnowledgeBase;
  before(async () => {
    result = await compileKnowledgeBase({ contentDir: fixtures });
    kb = await openKnowledgeBase(result);
  });

  test('porthole check finds no errors and no warnings', async () => {
    const diagnostics = await checkKnowledgeBase(fixtures);
    assert.deepEqual(
      diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`),
      [],
    );
  });

  test('no article shows dialect syntax as text', async () => {
    const slugs = kb.articles('en').map((a) => a.slug);
    assert.deepEqual(slugs.sort(), [
      'Obsidian note',
      'admonitions',
      'alerts',
      'custom-headings',
      'footnotes',
      'guides',
      'index',
      'tabs',
    ]);
    for (const slug of slugs) {
      const text = dom((await kb.article(slug)).html).body.textContent ?? '';
      for (const syntax of SYNTAX)
        assert.ok(!text.includes(syntax), `${slug} shows "${syntax}": ${text}`);
    }
  });

  test('partials are not articles; folder pages take the folder slug and their heading as title', () => {
    const titles = Object.fromEntries(kb.articles('en').map((a) => [a.slug, a.title]));
    assert.equal(titles.index, 'Welcome to the help center');
    assert.equal(titles.guides, 'Guides');
    assert.equal(titles['Obsidian note'], 'Obsidian note');
    assert.equal(result.articleCount, 8);
  });

  test('callouts: GitHub alerts, Obsidian callouts, Docusaurus and MkDocs admonitions', async () => {
    const alerts = dom((await kb.article('alerts')).html);
    const kinds = [...alerts.querySelectorAll('.porthole-callout')].map((c) => c.className);
    assert.deepEqual(kinds, [
      'porthole-callout porthole-callout-note',
      'porthole-callout porthole-callout-warning',
      'porthole-callout porthole-callout-tip',
      'porthole-callout porthole-callout-tip',
    ]);
    assert.equal(alerts.querySelector('[role=note] .porthole-callout-title')?.textContent, 'Note');
    const folded = alerts.querySelector('details.porthole-callout');
    assert.equal(folded?.querySelector('summary')?.textContent, 'Folded by default');
    assert.equal(folded?.hasAttribute('open'), false);

    const admonitions = dom((await kb.article('admonitions')).html);
    const titles = [...admonitions.querySelectorAll('.porthole-callout-title')].map(
      (t) => t.textContent,
    );
    assert.deepEqual(titles, ['Docusaurus title', 'Note', 'MkDocs danger', 'Collapsed', 'Info']);
    const collapsible = [...admonitions.querySelectorAll('details')].map((d) =>
      d.hasAttribute('open'),
    );
    assert.deepEqual(collapsible, [false, true]);
    assert.equal(admonitions.querySelector('a')?.getAttribute('data-porthole-article'), 'alerts');
  });

  test('footnotes are numbered in order, with and without a space after the colon', async () => {
    const page = dom((await kb.article('footnotes')).html);
    assert.deepEqual(
      [...page.querySelectorAll('sup a')].map((a) => `${a.textContent}→${a.getAttribute('href')}`),
      ['1→#porthole-fn-1', '2→#porthole-fn-2'],
    );
    const notes = [...page.querySelectorAll('.porthole-footnotes li')].map((li) =>
      li.textContent?.replace('↩', '').trim(),
    );
    assert.deepEqual(notes, ['The source, with a space.', 'No space after the colon.']);
  });

  test('{#id} headings keep their id; definition lists; wikilinks find headings by text', async () => {
    const page = dom((await kb.article('custom-headings')).html);
    assert.equal(page.querySelector('h2')?.id, 'install');
    assert.deepEqual(
      [...page.querySelectorAll('dt, dd')].map((e) => `${e.tagName}:${e.textContent}`),
      [
        'DT:Workspace',
        'DD:The place where your team works.',
        'DT:Agent',
        'DD:A person who answers tickets.',
        'DD:Also called an operator.',
      ],
    );
    const note = dom((await kb.article('Obsidian note')).html);
    const links = [...note.querySelectorAll('a')].map((a) =>
      [
        a.textContent,
        a.getAttribute('data-porthole-article'),
        a.getAttribute('data-porthole-section') ?? a.getAttribute('href'),
      ].join(' '),
    );
    assert.deepEqual(links, [
      'alerts alerts #porthole-article=alerts',
      'installing custom-headings install',
      'Details  #details',
      'Admonitions admonitions #porthole-article=admonitions',
    ]);
    assert.match(
      note.querySelector('img')?.getAttribute('src') ?? '',
      /^assets\/[0-9a-f]{16}\.png$/,
    );
    assert.equal(note.querySelectorAll('ol li').length, 2, 'the embedded note is included');
  });

  test('tabs become details/summary, the first open; MDX components become the same', async () => {
    for (const slug of ['tabs', 'guides']) {
      const page = dom((await kb.article(slug)).html);
      const tabs = [...page.querySelectorAll('.porthole-tabs > details')];
      assert.equal(tabs.length, 2, slug);
      assert.deepEqual(
        tabs.map((t) => t.hasAttribute('open')),
        [true, false],
        slug,
      );
    }
    const guides = dom((await kb.article('guides')).html);
    assert.deepEqual(
      [...guides.querySelectorAll('.porthole-tabs summary')].map((s) => s.textContent),
      ['npm', 'yarn'],
    );
    assert.equal(
      guides.querySelector('.porthole-callout-warning .porthole-callout-title')?.textContent,
      'Careful',
    );
    assert.match(guides.body.textContent ?? '', /Shared text from a partial/);
    assert.equal(
      guides.querySelector('a')?.getAttribute('data-porthole-article'),
      'custom-headings',
    );
  });

  test('code blocks are highlighted at compile time with static spans', async () => {
    const guides = dom((await kb.article('guides')).html);
    const code = guides.querySelector('pre code.hljs.language-bash');
    assert.ok(code);
    assert.ok(code.querySelector('span[class^="hljs-"]'), code.innerHTML);
  });

  test('front matter of other tools: sidebar_position/weight → order, intro → description, id → slug', () => {
    const summaries = Object.fromEntries(kb.articles('en').map((a) => [a.slug, a]));
    assert.equal(summaries.alerts?.order, 2);
    assert.equal(summaries.tabs?.order, 5);
    assert.equal(summaries.admonitions?.description, 'Docusaurus and MkDocs admonitions.');
    assert.ok(summaries['custom-headings']);
  });
});
