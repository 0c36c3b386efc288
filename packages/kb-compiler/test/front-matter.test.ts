/**
 * Front matter: unsafe YAML is refused (never coerced) with the file:line:col of the culprit;
 * malformed front matter and wrong field types get clear messages at the right line.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileKnowledgeBase, CompileError, type Diagnostic } from '../src/index.js';
import { checkSources } from './helpers.js';

async function diagnose(text: string): Promise<Diagnostic[]> {
  return checkSources({ 'en/article.md': text });
}

function only(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

describe('unsafe YAML is refused with its position', () => {
  test('!!js/function', async () => {
    const [error, ...rest] = await diagnose(
      "---\ntitle: ok\nrun: !!js/function 'function () {}'\n---\nBody\n",
    );
    assert.equal(rest.length, 0);
    assert.equal(error?.severity, 'error');
    assert.equal(error?.code, 'unsafe-yaml');
    assert.equal(error?.file, 'content/en/article.md');
    assert.deepEqual([error?.line, error?.column], [3, 6]);
    assert.match(error.message, /!!js\/function/);
  });

  test('!!python/object and any custom !tag', async () => {
    const python = await diagnose('---\ntitle: !!python/object/apply:os.system ["ls"]\n---\n');
    assert.deepEqual(
      only(python, 'unsafe-yaml').map((d) => [d.line, d.column]),
      [[2, 8]],
    );
    const custom = await diagnose('---\ntitle: Fine\nsecret: !vault abc\n---\n');
    assert.deepEqual(
      only(custom, 'unsafe-yaml').map((d) => [d.line, d.column]),
      [[3, 9]],
    );
    assert.match(only(custom, 'unsafe-yaml')[0]?.message ?? '', /!vault/);
    const standard = await diagnose('---\ntitle: !!str 12\n---\n');
    assert.equal(only(standard, 'unsafe-yaml').length, 1, 'even standard tags: write plain values');
  });

  test('a tag hidden in a complex key', async () => {
    const text =
      "---\n? { toString: !<tag:yaml.org,2002:js/function> 'function (){return Date.now()}' }\n: 1\n---\nBody";
    const errors = only(await diagnose(text), 'unsafe-yaml');
    assert.ok(errors.length >= 1);
    assert.equal(errors[0]?.line, 2);
  });

  test('anchors and aliases (the billion laughs) are refused before anything expands', async () => {
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [name, previous] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
    ]) {
      rows.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const started = performance.now();
    const errors = only(
      await diagnose(`---\ntitle: Bomb\n${rows.join('\n')}\n---\nBody`),
      'unsafe-yaml',
    );
    assert.ok(performance.now() - started < 2000, 'no expansion happened');
    assert.deepEqual([errors[0]?.line, errors[0]?.column], [3, 4]);
    assert.match(errors[0]?.message ?? '', /anchors/);
    assert.ok(errors.some((d) => /aliases/.test(d.message) && d.line === 4));
  });

  test('merge keys', async () => {
    const errors = only(
      await diagnose('---\ntitle: x\nbase: {a: 1}\nother:\n  <<: {a: 2}\n---\n'),
      'unsafe-yaml',
    );
    assert.deepEqual(
      errors.map((d) => [d.line, d.column]),
      [[5, 3]],
    );
    assert.match(errors[0]?.message ?? '', /merge keys/);
  });

  test('__proto__ and constructor keys', async () => {
    const text =
      '---\n__proto__:\n  polluted: true\nconstructor:\n  prototype:\n    polluted: true\n---\nBody';
    const errors = only(await diagnose(text), 'unsafe-yaml');
    assert.deepEqual(
      errors.map((d) => d.line),
      [2, 4, 5],
    );
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  test('a build with unsafe YAML throws CompileError and writes nothing', async () => {
    await assert.rejects(
      compileKnowledgeBase({
        sources: [{ path: 'en/a.md', content: "---\ntitle: !!js/function 'f'\n---\n" }],
      }),
      (error: unknown) =>
        error instanceof CompileError && error.diagnostics[0]?.code === 'unsafe-yaml',
    );
  });
});

describe('malformed front matter', () => {
  test('an unterminated block points at its opening line', async () => {
    const [error] = await diagnose('---\ntitle: Never closed\n\nBody text\n');
    assert.equal(error?.code, 'invalid-front-matter');
    assert.deepEqual([error?.line, error?.column], [1, 1]);
    assert.match(error.message, /never ends/);
  });

  test('tabs used for indentation', async () => {
    const [error] = await diagnose('---\ntitle: Tabs\ntags:\n\t- a\n---\n');
    assert.equal(error?.code, 'invalid-front-matter');
    assert.equal(error?.line, 4);
    assert.match(error.message, /tabs/i);
  });

  test('a list or a bare value instead of key: value lines', async () => {
    const [error] = await diagnose('---\n- a\n- b\n---\nBody\n');
    assert.equal(error?.code, 'invalid-front-matter');
    assert.equal(error?.line, 2);
    assert.match(error.message, /key: value/);
  });

  test('the same key twice, an unclosed quote', async () => {
    const [duplicate] = await diagnose('---\ntitle: A\ntitle: B\n---\n');
    assert.equal(duplicate?.line, 3);
    assert.match(duplicate.message, /twice/);
    const [quote] = await diagnose('---\ntitle: "Unclosed\n---\nBody\n');
    assert.equal(quote?.code, 'invalid-front-matter');
    assert.equal(quote?.line, 2);
  });

  test('wrong types are errors at the key, never coerced', async () => {
    const text = [
      '---',
      'title: 404',
      'draft: yes',
      'tags: {a: 1}',
      'order: first',
      'updated: yesterday',
      'locale: english!',
      'slug: ../escape',
      '---',
      'Body',
    ].join('\n');
    const errors = only(await diagnose(text), 'invalid-front-matter');
    assert.deepEqual(
      errors.map((d) => d.line),
      [2, 3, 4, 5, 6, 7, 8],
    );
    assert.match(errors[0]?.message ?? '', /`title` must be text/);
    assert.match(errors[1]?.message ?? '', /`draft` must be true or false/);
    assert.match(errors[2]?.message ?? '', /`tags` must be a list/);
    assert.match(errors[4]?.message ?? '', /date like 2024-05-31/);
  });

  test('CRLF line endings and a byte-order mark keep positions right', async () => {
    const text = '\uFEFF---\r\ntitle: ok\r\nrun: !!js/function x\r\n---\r\nBody\r\n';
    const [error] = await diagnose(text);
    assert.deepEqual([error?.line, error?.column], [3, 6]);
  });

  test('unknown keys are warnings with a suggestion; good front matter has no diagnostics', async () => {
    const [warning] = await diagnose('---\ntitle: Fine\nkeyword: [refund]\n---\nBody\n');
    assert.equal(warning?.severity, 'warning');
    assert.equal(warning?.code, 'unknown-front-matter-key');
    assert.match(warning.message, /did you mean "keywords"/);
    const clean = await diagnose(
      '---\ntitle: "123"\ndescription: Short\ntags: billing\nkeywords: [money back, chargeback]\norder: 2\ndraft: false\nupdated: 2024-05-31\npages: ["/pricing/*"]\n---\nBody\n',
    );
    assert.deepEqual(clean, []);
  });
});
