/**
 * The example help center answers what real visitors type: queries in six languages with a
 * typo each and no diacritics, through `porthole search --json`, as an author would try them.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli, type CliIo } from '../src/index.js';

const content = resolve(import.meta.dirname, '../../../examples/quayside/content');

const cases: [locale: string, query: string, slug: string][] = [
  ['en', 'reset pasword', 'account/reset-password'],
  ['en', 'refnd', 'billing/refunds'],
  ['en', 'two factor', 'account/two-factor-authentication'],
  ['en', 'difference between help desk and service desk', 'help-desk/help-desk-vs-service-desk'],
  ['en', 'invoce', 'billing/invoices-and-receipts'],
  ['en', 'slack notificatons', 'integrations/slack'],
  ['hr', 'zaboravio sam lozniku', 'account/reset-password'],
  ['hr', 'povrat nvoca', 'billing/refunds'],
  ['hr', 'dvofaktorska autentifikacja', 'account/two-factor-authentication'],
  ['pl', 'zapomnialem hsla', 'account/reset-password'],
  ['pl', 'zwrot pienidzy', 'billing/refunds'],
  ['pl', 'jak dodac zalacnzik do zgloszenia', 'tickets/create-a-ticket'],
  ['lv', 'aizmirsu paroel', 'account/reset-password'],
  ['lv', 'naudas atmaska', 'billing/refunds'],
  ['lv', 'divfaktoru autentifikacia', 'account/two-factor-authentication'],
  ['ru', 'забыл паорль', 'account/reset-password'],
  ['ru', 'переход на дешевый тарфи', 'billing/refunds'],
  ['ru', 'разница хелпдекс и сервис деск', 'help-desk/help-desk-vs-service-desk'],
  ['el', 'ξεχασα τον κωδκο', 'account/reset-password'],
  ['el', 'επιστροφη χρηματον', 'billing/refunds'],
  ['el', 'ελενχος ταυτοτητας δυο παραγοντων', 'account/two-factor-authentication'],
];

let dir: string;
const silent = (): CliIo => ({
  out: () => {},
  err: () => {},
  cwd: process.cwd(),
  env: {},
  waitForStop: () => Promise.resolve(),
});

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'porthole-examples-'));
  const code = await runCli(['build', content, '--out', join(dir, 'kb')], silent());
  assert.equal(code, 0, 'the example help center builds');
});

after(() => rm(dir, { recursive: true, force: true }));

for (const [locale, query, slug] of cases) {
  test(`${locale}: "${query}" finds ${slug} in the top 3`, async () => {
    let out = '';
    const io = { ...silent(), out: (text: string) => void (out += text) };
    const code = await runCli(
      ['search', '--kb', join(dir, 'kb'), '--locale', locale, '--limit', '3', '--json', query],
      io,
    );
    assert.equal(code, 0);
    const hits = JSON.parse(out) as { slug: string; locale: string }[];
    assert.ok(
      hits.some((hit) => hit.slug === slug && hit.locale === locale),
      `got ${hits.map((h) => `${h.locale}/${h.slug}`).join(', ')}`,
    );
  });
}

test('the example help center has no errors and no broken links', async () => {
  let out = '';
  const code = await runCli(['check', content], { ...silent(), out: (t) => void (out += t) });
  assert.equal(code, 0, out);
  assert.doesNotMatch(out, / error /);
});
