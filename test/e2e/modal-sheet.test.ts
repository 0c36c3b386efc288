/**
 * On a phone-sized screen (375×740) the panel is a modal sheet: Tab never leaves it, the page
 * behind does not scroll, Back closes it without leaving the page, and focus returns to the
 * launcher.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeFocus, startSite, watchForProblems, widgetPage, type Site } from './harness.js';

let site: Site;

before(async () => {
  const tall = '<h1>Quayside</h1>' + '<p><a href="#">A link on the page</a></p>'.repeat(80);
  site = await startSite('sheet', { 'index.html': widgetPage('', tall) });
});

after(() => site?.close());

test('at 375×740 Tab stays in the sheet, the page does not scroll, Back closes it', async () => {
  const page = await site.browser.newPage({
    viewport: { width: 375, height: 740 },
    hasTouch: true,
    isMobile: true,
  });
  const problems = watchForProblems(page);
  await page.goto(`${site.server.url}/`);
  const url = page.url();
  const launcher = page.getByRole('button', { name: 'Help', exact: true });
  await launcher.click();
  const dialog = page.getByRole('dialog', { name: 'Help' });
  await dialog.getByRole('combobox', { name: 'Search help articles' }).waitFor();
  const box = await dialog.boundingBox();
  assert.deepEqual(box, { x: 0, y: 0, width: 375, height: 740 }, 'the sheet fills the screen');

  for (let i = 0; i < 16; i++) {
    await page.keyboard.press(i < 8 ? 'Tab' : 'Shift+Tab');
    const focus = await describeFocus(page);
    assert.ok(focus.inWidget, `Tab ${i + 1} left the sheet for ${focus.what}`);
  }

  await dialog.hover();
  await page.mouse.wheel(0, 2000);
  await page.keyboard.press('End');
  assert.equal(await page.evaluate('window.scrollY'), 0, 'the page behind did not scroll');

  await page.goBack();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(page.url(), url, 'Back closed the sheet and stayed on the page');
  assert.equal((await describeFocus(page)).what, 'button "Help"', 'focus is back on the launcher');
  await page.mouse.wheel(0, 600);
  await page.waitForFunction(() => window.scrollY > 0);
  assert.deepEqual(problems, []);
  await page.close();
});
