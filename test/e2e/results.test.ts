/**
 * What a visitor sees for a search, end to end in Chromium with the example help center: the
 * matched words marked in the results, and — for a question the help center does not cover —
 * a plain "no good match" with Contact us instead of a list of weak hits.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import en from '../../packages/widget/src/i18n/locales/en.js';
import pl from '../../packages/widget/src/i18n/locales/pl.js';
import { searchAndSettle, startSite, watchForProblems, widgetPage, type Site } from './harness.js';

let site: Site;

before(async () => {
  site = await startSite('results', {
    'index.html': widgetPage(),
    'pl.html': widgetPage().replace('lang="en"', 'lang="pl"'),
  });
});

after(() => site?.close());

async function openHelp(tab: Page, path: string, launcher: string) {
  await tab.goto(`${site.server.url}${path}`);
  await tab.getByRole('button', { name: launcher, exact: true }).click();
}

test('results mark the matched words, a typo’s correction too, as text in <mark>', async () => {
  const tab = await site.browser.newPage();
  const problems = watchForProblems(tab);
  await openHelp(tab, '/', en.launcher);
  await searchAndSettle(tab, 'reset pasword');
  const first = tab.getByRole('option').first();
  const title = first.locator('[part=option-title]');
  assert.equal(await title.innerText(), 'Reset your password', 'the title reads as it is');
  assert.deepEqual(await title.locator('mark').allInnerTexts(), ['Reset', 'password']);
  const snippetMarks = await first.locator('[part=option-snippet] mark').allInnerTexts();
  assert.ok(
    snippetMarks.some((text) => /^password/i.test(text)),
    `the snippet marks "password": ${JSON.stringify(snippetMarks)}`,
  );
  const elements = await first
    .locator('mark')
    .evaluateAll((marks) => marks.flatMap((mark) => [...mark.children].map((c) => c.localName)));
  assert.deepEqual(elements, [], 'a mark holds text only');
  assert.deepEqual(problems, []);
  await tab.close();
});

const UNANSWERABLE = [
  'how do I bake sourdough bread',
  'what is the capital of mongolia',
  'can I bring my dog to the office',
  'train timetable to Vienna',
  '<img src=x onerror="window.__pwned=1">',
];

test('questions the help center does not cover get “No good match” and Contact us, no list', async () => {
  const tab = await site.browser.newPage();
  const problems = watchForProblems(tab);
  await openHelp(tab, '/', en.launcher);
  const dialog = tab.getByRole('dialog', { name: en.panelTitle });
  for (const question of UNANSWERABLE) {
    assert.deepEqual(await searchAndSettle(tab, question), [], `no results for "${question}"`);
    await dialog.getByRole('status').getByText(`No good match for “${question}”`).waitFor();
    await dialog.getByText(en.noGoodMatchBody).waitFor();
  }
  assert.equal(await tab.evaluate('window.__pwned'), undefined, 'the query is shown as text');
  await dialog.getByRole('button', { name: en.contactUs, exact: true }).first().click();
  await dialog.getByLabel(en.subject, { exact: true }).waitFor();
  assert.deepEqual(problems, []);
  await tab.close();
});

test('on a Polish page such a question gets the Polish “no good match” and Contact us', async () => {
  const tab = await site.browser.newPage();
  const problems = watchForProblems(tab);
  await openHelp(tab, '/pl.html', pl.launcher);
  const names = { dialog: pl.panelTitle, search: pl.searchLabel, results: pl.resultsLabel };
  assert.deepEqual(await searchAndSettle(tab, 'jak upiec chleb na zakwasie', names), []);
  const dialog = tab.getByRole('dialog', { name: pl.panelTitle });
  const title = (pl.noGoodMatchTitle as string).replace('{query}', 'jak upiec chleb na zakwasie');
  await dialog.getByRole('status').getByText(title).waitFor();
  await dialog.getByRole('button', { name: pl.contactUs, exact: true }).first().waitFor();
  assert.deepEqual(problems, []);
  await tab.close();
});
