/**
 * What a visitor downloads from `porthole serve`, step by step, in Chromium with the cache
 * disabled: the page load (with the panel the widget fetches when the browser is idle), a
 * hover on the launcher, opening, a search, an article, the contact form and sending.
 * The budgets: `porthole.js` ≤ 12 kB and all the JavaScript of a visit ≤ 43.5 kB, brotli (40 kB
 * before the translated interface and the contact form's attachments and outbox; see
 * docs/decisions/2026-12-01-visit-budget.md).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { searchAndSettle, startSite, watchForProblems, widgetPage, type Site } from './harness.js';
import { isScript, watchTransfers, type Transfer } from './measure.js';

let site: Site;

before(async () => {
  site = await startSite('bytes', { 'index.html': widgetPage() });
});

after(() => site?.close());

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

test('a whole visit moves at most 43.5 kB of JavaScript, porthole.js at most 12 kB, as brotli', async (t) => {
  const page = await site.browser.newPage();
  const problems = watchForProblems(page);
  const network = await watchTransfers(page);
  const steps: { step: string; transfers: Transfer[] }[] = [];
  const step = async (name: string, action: () => Promise<unknown>) => {
    await action();
    await network.quiet();
    steps.push({ step: name, transfers: network.take() });
  };
  const dialog = page.getByRole('dialog', { name: 'Help' });
  const launcher = page.getByRole('button', { name: 'Help', exact: true });

  await step('load (and the panel code, when idle)', async () => {
    await page.goto(`${site.server.url}/`);
    // The panel's code, fetched (not run) when the browser is idle.
    await page.waitForFunction(() =>
      performance
        .getEntriesByType('resource')
        .some((entry) => entry.name.includes('/porthole-panel-')),
    );
  });
  await step('pointer over the launcher', () => launcher.hover());
  await step('open', async () => {
    await launcher.click();
    await dialog.getByRole('listbox', { name: 'Suggested articles' }).waitFor();
  });
  await step('search "reset pasword"', () => searchAndSettle(page, 'reset pasword'));
  await step('read the article', async () => {
    await dialog
      .getByRole('option', { name: /Reset your password/ })
      .first()
      .click();
    await dialog.getByRole('heading', { name: 'Reset your password' }).first().waitFor();
  });
  await step('Contact us', async () => {
    await dialog.getByRole('button', { name: 'Contact us' }).click();
    await dialog.getByLabel('Email').waitFor();
  });
  await step('send', async () => {
    await dialog.getByLabel('Email').fill('ana@example.com');
    await dialog.getByLabel('Message').fill('The reset email never arrives.');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.getByText(/PH-[0-9A-Z]{4}-[0-9A-Z]{4}/).waitFor();
  });

  const all = steps.flatMap((s) => s.transfers);
  const script = all.find((r) => new URL(r.url).pathname === '/porthole.js');
  assert.ok(script, 'porthole.js was loaded');
  assert.equal(script.encoding, 'br', 'porthole.js arrives as brotli');
  for (const transfer of all.filter(isScript)) {
    assert.equal(transfer.encoding, 'br', `${transfer.url} arrives as brotli`);
  }

  t.diagnostic('step | JavaScript | other | files');
  for (const { step: name, transfers } of steps) {
    const js = transfers.filter(isScript).reduce((sum, r) => sum + r.bytes, 0);
    const other = transfers.filter((r) => !isScript(r)).reduce((sum, r) => sum + r.bytes, 0);
    const files = transfers.map((r) => `${new URL(r.url).pathname} ${kB(r.bytes)}`).join(', ');
    t.diagnostic(`${name} | ${kB(js)} | ${kB(other)} | ${files}`);
  }
  const totalJs = all.filter(isScript).reduce((sum, r) => sum + r.bytes, 0);
  t.diagnostic(`porthole.js ${kB(script.bytes)}; all JavaScript ${kB(totalJs)}`);
  assert.ok(script.bytes <= 12_000, `porthole.js is ${kB(script.bytes)}`);
  assert.ok(totalJs <= 43_500, `the visit moved ${kB(totalJs)} of JavaScript`);
  assert.deepEqual(problems, []);
  await page.close();
});
