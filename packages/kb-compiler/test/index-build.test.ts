import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_POSTINGS, type PostingChunk } from '@porthole/kb/format';
import { buildSearchIndex, type IndexArticle, type IndexMemos } from '../src/index/build.js';
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

test('builds that lend each other their work give the files of builds that start afresh', () => {
  // As in watch mode: unchanged articles keep their objects, the edited ones are new. Seeded,
  // so a failure is repeatable; each step mixes the edits that touch what a build keeps.
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const words =
    'refund invoice billing account password reset login export report team plan card tax vat receipt email sync syncing synced'.split(
      ' ',
    );
  // Rare words come and go with the articles that have them: the vocabulary changes too.
  const word = () => (random(4) === 0 ? `rare${random(80)}` : words[random(words.length)]);
  const sentence = (length: number) => Array.from({ length }, word).join(' ');
  let serial = 0;
  const makeArticle = (): IndexArticle => {
    const sections = Array.from({ length: random(3) }, (_, i) => ({
      id: `s${i}`,
      title: sentence(2),
      level: 2,
    }));
    const body = sections.map(() => sentence(4 + random(12)));
    return {
      sections,
      file: `articles/${serial++}.json`,
      terms: tokenizeRecords([
        { title: sentence(1 + random(3)), body: sentence(3 + random(20)) },
        ...sections.map((s, i) => ({ heading: s.title, body: body[i] ?? '' })),
      ]),
      snippets: ['', ...body],
    };
  };
  let articles = Array.from({ length: 40 }, makeArticle);
  let synonyms: string[][][] = [];
  const memos: IndexMemos = new Map();
  for (let step = 0; step < 40; step++) {
    const next = [...articles];
    const at = random(next.length);
    const edit = random(6);
    if (edit === 0) next.splice(at, 1);
    else if (edit === 1) next.splice(at, 0, makeArticle());
    else if (edit === 2) next.push(...next.splice(at, 1));
    else if (edit === 3) synonyms = [[['refund'], ['money', 'back']]].slice(0, random(2));
    else next[at] = makeArticle();
    articles = next;
    const input = { locale: 'en', articles, synonyms };
    assert.deepEqual(buildSearchIndex(input, memos), buildSearchIndex(input), `step ${step}`);
  }
});

test('a build that lends its work to the next one with a word swapped for a new one gives the new word', () => {
  const article = (title: string, file: string): IndexArticle => ({
    sections: [],
    file,
    terms: tokenizeRecords([{ title, body: 'refund' }]),
    snippets: [''],
  });
  const memos: IndexMemos = new Map();
  const other = article('refund policy', 'articles/b.json');
  buildSearchIndex({ locale: 'en', articles: [article('alpha', 'articles/a.json'), other] }, memos);
  const input = { locale: 'en', articles: [article('omega', 'articles/a.json'), other] };
  const lent = buildSearchIndex(input, memos);
  assert.deepEqual(lent, buildSearchIndex(input));
  assert.ok(Object.values(lent.files).some((json) => json.includes('"omega"')));
});
