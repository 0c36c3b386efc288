/**
 * What the chunked index adds to ranking and to the answer a caller gets: typos in the first
 * letters, stem classes, synonyms files, an honest "no good match", and match ranges for
 * highlighting.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { compileKnowledgeBase, type ContentSource } from '@porthole/kb-compiler';
import { normalizeText } from '../src/format.js';
import { openKnowledgeBase, type KnowledgeBase } from '../src/node.js';

const fixtures = join(import.meta.dirname, 'fixtures/help');
let kb: KnowledgeBase;

before(async () => {
  kb = await openKnowledgeBase(await compileKnowledgeBase({ contentDir: fixtures }));
});

function article(path: string, title: string, body: string): ContentSource {
  return { path, content: `---\ntitle: ${title}\n---\n\n${body}\n` };
}

describe('typos in the first letters', () => {
  for (const [query, slug] of [
    ['apssword', 'account/reset-password'],
    ['erfund', 'billing/refunds'],
    ['rfeund', 'billing/refunds'],
    ['oassword', 'account/reset-password'],
    ['nvoices', 'billing/invoices'],
  ] as const) {
    test(`"${query}" → ${slug} first`, async () => {
      const [hit] = await kb.search(query, { locale: 'en' });
      assert.equal(hit?.slug, slug);
    });
  }
});

describe('stem classes', () => {
  test('a word finds other forms of it that neither prefix nor typo tolerance reach', async () => {
    const local = await openKnowledgeBase(
      await compileKnowledgeBase({
        sources: [
          article('en/a.md', 'Team mood', 'Our happiness survey runs every spring.'),
          article('en/b.md', 'Other', 'Nothing related, but happy to help.'),
        ],
      }),
    );
    const hits = await local.search('happiness ', { minScore: 0 });
    assert.deepEqual(hits.map((h) => h.slug).sort(), ['a', 'b']);
    assert.equal(hits[0]?.slug, 'a', 'the form typed ranks first');
  });
});

describe('synonyms file', () => {
  const sources = [
    article('en/refunds.md', 'Refunds', 'Ask for a refund within 14 days.'),
    article('en/other.md', 'Invoices', 'Download invoices as PDF.'),
  ];

  test('content/<locale>/synonyms.yml makes a member find articles that use another', async () => {
    const without = await openKnowledgeBase(await compileKnowledgeBase({ sources }));
    assert.equal((await without.search('reimbursement')).length, 0);
    const result = await compileKnowledgeBase({
      sources: [...sources, { path: 'en/synonyms.yml', content: '- [refund, reimbursement]\n' }],
    });
    assert.deepEqual(result.diagnostics, []);
    const local = await openKnowledgeBase(result);
    assert.equal((await local.search('reimbursement'))[0]?.slug, 'refunds');
    assert.equal((await local.search('refund'))[0]?.slug, 'refunds');
  });

  test('a malformed group is a located warning; the other groups still apply', async () => {
    const result = await compileKnowledgeBase({
      sources: [
        ...sources,
        {
          path: 'en/synonyms.yml',
          content: '- [refund, reimbursement]\n- just-one\n- { a: b }\n',
        },
      ],
    });
    const warnings = result.diagnostics.map((d) => [d.file, d.line, d.code]);
    assert.deepEqual(warnings, [
      ['en/synonyms.yml', 2, 'invalid-synonyms'],
      ['en/synonyms.yml', 3, 'invalid-synonyms'],
    ]);
    const local = await openKnowledgeBase(result);
    assert.equal((await local.search('reimbursement'))[0]?.slug, 'refunds');
  });
});

describe('no good match', () => {
  test('a question the knowledge base does not answer gives no hits and confident: false', async () => {
    const results = await kb.search('how do I bake sourdough bread', { locale: 'en' });
    assert.equal(results.length, 0);
    assert.equal(results.confident, false);
  });

  test('minScore: 0 still returns the weak hits, and says they are not confident', async () => {
    const results = await kb.search('change my password at the bakery', {
      locale: 'en',
      minScore: 0,
    });
    assert.ok(results.length > 0);
    assert.equal(results.confident, false);
  });

  test('an answerable query is confident and keeps its hits', async () => {
    const results = await kb.search('reset pasword', { locale: 'en' });
    assert.equal(results.confident, true);
    assert.equal(results[0]?.slug, 'account/reset-password');
  });

  test('a numeric minScore drops the hits below it', async () => {
    const all = await kb.search('account password refund', { locale: 'en', minScore: 0 });
    const cut = (all[0]?.score ?? 0) - 1e-9;
    const strong = await kb.search('account password refund', { locale: 'en', minScore: cut });
    assert.ok(all.length > strong.length, `${all.length} > ${strong.length}`);
    assert.ok(strong.every((h) => h.score >= cut));
  });
});

describe('match ranges', () => {
  test('title, section and snippet ranges point at the words that matched, in order', async () => {
    const [hit] = await kb.search('how long does a refund take', { locale: 'en' });
    assert.ok(hit?.matches && hit.section);
    const words = (text: string, ranges: [number, number][]) =>
      ranges.map(([start, end]) => normalizeText(text.slice(start, end)));
    assert.ok(words(hit.title, hit.matches.title).includes('refunds'), hit.title);
    assert.deepEqual(words(hit.section.title, hit.matches.section ?? []), [
      'how',
      'long',
      'a',
      'refund',
      'takes',
    ]);
    const inSnippet = words(hit.snippet, hit.matches.snippet);
    assert.ok(
      inSnippet.length > 0 && inSnippet.every((w) => /^(refund|take|long|how|a)/.test(w)),
      inSnippet.join(),
    );
    for (const ranges of [hit.matches.title, hit.matches.snippet]) {
      for (let i = 1; i < ranges.length; i++) {
        assert.ok((ranges[i]?.[0] ?? 0) >= (ranges[i - 1]?.[1] ?? 0), 'sorted, not overlapping');
      }
    }
  });

  test('ranges are offsets into the strings as shown, accents and all', async () => {
    const [hit] = await kb.search('zaboravljena lozinka', { locale: 'hr' });
    assert.ok(hit?.matches);
    for (const [start, end] of hit.matches.snippet) {
      assert.match(normalizeText(hit.snippet.slice(start, end)), /^(zaboravljen|lozink)/);
    }
  });
});
