/**
 * What a visitor downloads from `porthole serve`, step by step, in Chromium with the cache
 * disabled: the page load (with the panel the widget fetches when the browser is idle), a
 * hover on the launcher, opening, a search, an article, the contact form and sending.
 * The budgets (issue 6, docs/decisions/2026-12-01-visit-budget.md): `porthole.js` ≤ 12 kB and
 * all the JavaScript of a visit ≤ 40 kB, brotli; ≤ 50 kB in a browser without the HTML
 * Sanitizer API, which also downloads DOMPurify to show the article.
 */
import assert from 'node:assert/strict';
import { after, before, test, type TestContext } from 'node:test';
import { searchAndSettle, startSite, watchForProblems, widgetPage, type Site } from './harness.js';
import { isScript, watchTransfers, type Transfer } from './measure.js';

let site: Site;

before(async () => {
  site = await startSite('bytes', { 'index.html': widgetPage() });
});

after(() => site?.close());

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * One whole visit, step by step; reports the bytes of each step and returns every transfer.
 * `withoutSanitizerApi` takes `Element.prototype.setHTML` away before the page runs, as in a
 * browser without the HTML Sanitizer API, so the widget shows the article with DOMPurify.
 */
async function visit(t: TestContext, { withoutSanitizerApi = false } = {}) {
  const page = await site.browser.newPage();
  if (withoutSanitizerApi) {
    await page.addInitScript(
      'delete Element.prototype.setHTML; delete ShadowRoot.prototype.setHTML',
    );
  }
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
    // The article's own text, sanitized (by the browser, or by DOMPurify) and shown.
    await dialog.getByText('Forgot password?', { exact: true }).first().waitFor();
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

  t.diagnostic('step | JavaScript | other | files');
  for (const { step: name, transfers } of steps) {
    const js = transfers.filter(isScript).reduce((sum, r) => sum + r.bytes, 0);
    const other = transfers.filter((r) => !isScript(r)).reduce((sum, r) => sum + r.bytes, 0);
    const files = transfers.map((r) => `${new URL(r.url).pathname} ${kB(r.bytes)}`).join(', ');
    t.diagnostic(`${name} | ${kB(js)} | ${kB(other)} | ${files}`);
  }
  assert.deepEqual(problems, []);
  await page.close();
  const all = steps.flatMap((s) => s.transfers);
  const scripts = all.filter(isScript);
  for (const transfer of scripts) {
    assert.equal(transfer.encoding, 'br', `${transfer.url} arrives as brotli`);
  }
  const totalJs = scripts.reduce((sum, r) => sum + r.bytes, 0);
  t.diagnostic(`all JavaScript ${kB(totalJs)}`);
  const fetched = (part: string) => scripts.some((r) => new URL(r.url).pathname.startsWith(part));
  return { all, totalJs, fetched };
}

test('a whole visit moves at most 40 kB of JavaScript, porthole.js at most 12 kB, as brotli', async (t) => {
  const { all, totalJs, fetched } = await visit(t);
  const script = all.find((r) => new URL(r.url).pathname === '/porthole.js');
  assert.ok(script, 'porthole.js was loaded');
  assert.equal(script.encoding, 'br', 'porthole.js arrives as brotli');
  t.diagnostic(`porthole.js ${kB(script.bytes)}`);
  assert.ok(script.bytes <= 12_000, `porthole.js is ${kB(script.bytes)}`);
  assert.equal(fetched('/porthole-sanitize-'), false, 'the browser sanitizes the article itself');
  assert.ok(totalJs <= 40_000, `the visit moved ${kB(totalJs)} of JavaScript`);
});

test('without the HTML Sanitizer API the visit shows the article with DOMPurify, in at most 50 kB of JavaScript', async (t) => {
  const { totalJs, fetched } = await visit(t, { withoutSanitizerApi: true });
  assert.ok(fetched('/porthole-sanitize-'), 'DOMPurify was loaded');
  assert.ok(totalJs <= 50_000, `the visit moved ${kB(totalJs)} of JavaScript`);
});
