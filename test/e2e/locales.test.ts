/**
 * The widget on pages in other languages, and the links into it, end to end: the built
 * porthole.js with a plain script tag, the example help center (articles in en, hr, pl, lv,
 * ru and el) built by the real CLI and served by `porthole serve`, in Chromium.
 */
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import ar from '../../packages/widget/src/i18n/locales/ar.js';
import de from '../../packages/widget/src/i18n/locales/de.js';
import el from '../../packages/widget/src/i18n/locales/el.js';
import he from '../../packages/widget/src/i18n/locales/he.js';
import hr from '../../packages/widget/src/i18n/locales/hr.js';
import lv from '../../packages/widget/src/i18n/locales/lv.js';
import pl from '../../packages/widget/src/i18n/locales/pl.js';
import ru from '../../packages/widget/src/i18n/locales/ru.js';
import type { Messages } from '../../packages/widget/src/i18n/types.js';
import { searchAndSettle, startSite, watchForProblems, type Site } from './harness.js';

const LANGUAGES: [lang: string, texts: Messages, dir: 'ltr' | 'rtl'][] = [
  ['hr', hr, 'ltr'],
  ['pl', pl, 'ltr'],
  ['lv', lv, 'ltr'],
  ['ru', ru, 'ltr'],
  ['el', el, 'ltr'],
  ['de', de, 'ltr'],
  ['ar', ar, 'rtl'],
];

/** A page of the site in `lang`, with the widget's plain script tag. */
function page(lang: string, dir: string): string {
  return (
    `<!doctype html>\n<html lang="${lang}" dir="${dir}">\n<head><meta charset="utf-8">` +
    `<title>Quayside</title></head>\n<body><h1>Quayside</h1>\n` +
    `<script src="/porthole.js" data-kb="/kb/" data-endpoint="/v1/tickets" async></script>\n` +
    `</body></html>\n`
  );
}

let site: Site;

before(async () => {
  const pages = Object.fromEntries(
    [...LANGUAGES, ['he', he, 'rtl'] as const, ['en', undefined, 'ltr'] as const].map(
      ([lang, , dir]) => [`${lang}.html`, page(lang, dir)],
    ),
  );
  site = await startSite('locales', pages);
});

after(() => site?.close());

/** The interface languages' parts the page fetched (`porthole-locale-<code>-<hash>.js`). */
function languagePartsFetched(page: Page): string[] {
  const fetched: string[] = [];
  page.on('request', (request) => {
    const code = /\/porthole-locale-([a-z-]+)-[a-z0-9]+\.js$/.exec(request.url())?.[1];
    if (code) fetched.push(code);
  });
  return fetched;
}

for (const [lang, t, dir] of LANGUAGES) {
  test(`on a lang=${lang} page the launcher, panel, search field and form are in that language`, async () => {
    const tab = await site.browser.newPage();
    const problems = watchForProblems(tab);
    const fetched = languagePartsFetched(tab);
    await tab.goto(`${site.server.url}/${lang}.html`);

    const launcher = tab.getByRole('button', { name: t.launcher, exact: true });
    assert.equal(await launcher.getAttribute('lang'), lang, 'the launcher carries lang');
    await launcher.click();
    const dialog = tab.getByRole('dialog', { name: t.panelTitle });
    await dialog.waitFor();
    assert.deepEqual(
      [await dialog.getAttribute('lang'), await dialog.getAttribute('dir')],
      [lang, dir],
      'the panel carries lang and dir',
    );
    await dialog.getByRole('combobox', { name: t.searchLabel, exact: true }).waitFor();
    await dialog.getByRole('button', { name: t.close, exact: true }).waitFor();

    await dialog.getByRole('button', { name: t.contactUs, exact: true }).first().click();
    for (const label of [t.name, t.email, t.subject, t.message]) {
      await dialog.getByLabel(label, { exact: true }).waitFor();
    }
    await dialog.getByRole('button', { name: t.send, exact: true }).click();
    await dialog.getByText(t.emailRequired, { exact: true }).waitFor();

    assert.deepEqual(fetched, [lang], 'only the page’s language is fetched');
    assert.deepEqual(problems, []);
    await tab.close();
  });
}

test('a German page, whose language has no articles, searches the default locale (English)', async () => {
  const tab = await site.browser.newPage();
  const problems = watchForProblems(tab);
  await tab.goto(`${site.server.url}/de.html`);
  await tab.getByRole('button', { name: de.launcher, exact: true }).click();
  const names = { dialog: de.panelTitle, search: de.searchLabel, results: de.resultsLabel };
  const titles = await searchAndSettle(tab, 'password', names);
  assert.ok(
    titles.some((text) => text.startsWith('Reset your password')),
    `the English article is found:\n${titles.join('\n---\n')}`,
  );
  const langs = await tab
    .getByRole('listbox', { name: de.resultsLabel })
    .getByRole('option')
    .evaluateAll((options) => [...new Set(options.map((option) => option.getAttribute('lang')))]);
  assert.deepEqual(langs, ['en'], 'every result is from the English articles, none Greek');
  assert.deepEqual(problems, []);
  await tab.close();
});

test('#porthole-article=<slug> opens that article; after a reload the visitor is back on theirs', async () => {
  const tab = await site.browser.newPage();
  const problems = watchForProblems(tab);
  await tab.goto(`${site.server.url}/pl.html#porthole-article=account%2Freset-password`);
  const dialog = tab.getByRole('dialog', { name: pl.panelTitle });
  await dialog.getByRole('heading', { name: 'Jak zresetować hasło', level: 2 }).waitFor();

  // The visitor goes on to another article; a reload brings that one back, not the link's.
  await dialog.getByRole('button', { name: pl.back, exact: true }).click();
  const titles = await searchAndSettle(tab, 'zwrot', {
    dialog: pl.panelTitle,
    search: pl.searchLabel,
    results: pl.resultsLabel,
  });
  const refunds = titles.findIndex((text) => /zwrot/i.test(text));
  assert.ok(refunds >= 0, `a refunds article is found:\n${titles.join('\n---\n')}`);
  const title = titles[refunds]?.split('\n')[0] ?? '';
  await dialog.getByRole('option').nth(refunds).click();
  await dialog.getByRole('heading', { name: title, level: 2 }).waitFor();

  await tab.reload();
  await dialog.getByRole('heading', { name: title, level: 2 }).waitFor();
  assert.equal(await dialog.getByRole('heading', { name: 'Jak zresetować hasło' }).count(), 0);
  assert.deepEqual(problems, []);
  await tab.close();
});

for (const [lang, t] of [
  ['ar', ar],
  ['he', he],
] as const) {
  test(`on a right-to-left ${lang} page the launcher and panel sit bottom left (screenshot)`, async (context) => {
    // Reduced motion: no hover scale on the launcher while it is measured.
    const tab = await site.browser.newPage({
      viewport: { width: 1000, height: 800 },
      reducedMotion: 'reduce',
    });
    const problems = watchForProblems(tab);
    await tab.goto(`${site.server.url}/${lang}.html`);
    const launcher = tab.getByRole('button', { name: t.launcher, exact: true });
    await launcher.click();
    const dialog = tab.getByRole('dialog', { name: t.panelTitle });
    await dialog.getByRole('option').first().waitFor();
    const [button, panel] = [await launcher.boundingBox(), await dialog.boundingBox()];
    assert.ok(button && panel);
    assert.equal(Math.round(button.x), 20, 'the launcher 20 px from the left edge');
    assert.equal(Math.round(panel.x), 20, 'the panel above it, on the left');
    // Kept outside the repository for a person to look at (docs/screenshots has the chosen few).
    const path = join(tmpdir(), `porthole-e2e-${lang}-home.png`);
    await tab.screenshot({ path });
    context.diagnostic(`screenshot: ${path}`);
    assert.deepEqual(problems, []);
    await tab.close();
  });
}
