/**
 * A page whose CSS does everything a widget fears: every element positioned, a transform on
 * `body`, buttons and inputs unset, a 10 px root font, a full-page layer with the largest
 * z-index. The launcher must stay in its corner and take the click, and the open panel must
 * be fully in view and look exactly as it does on a clean page.
 */
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { repoRoot, startSite, watchForProblems, widgetPage, type Site } from './harness.js';

const HOSTILE_CSS = `
* { position: relative !important; }
html { font-size: 10px; }
body { transform: translateZ(0); min-height: 3000px; margin: 0; font: 30px/3 serif; color: red; }
button, input { all: unset; }
.cover { position: fixed !important; inset: 0; z-index: 2147483647; pointer-events: none;
  background: rgb(255 0 0 / 0.05); }
`;

let site: Site;

before(async () => {
  site = await startSite('hostile', {
    'clean.html': widgetPage(),
    'hostile.html': widgetPage(
      '<link rel="stylesheet" href="hostile.css">',
      '<h1>Quayside</h1><div class="cover"></div><p style-free>Scrolled page</p>',
    ),
    'hostile.css': HOSTILE_CSS,
  });
});

after(() => site?.close());

const VIEWPORT = { width: 1024, height: 768 };

/** Open the panel with the launcher and wait for its suggestions; returns the dialog's box. */
async function openPanel(page: Page) {
  // A click Playwright only makes when the launcher is the element under the pointer.
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Help' });
  await dialog
    .getByRole('listbox', { name: 'Suggested articles' })
    .getByRole('option')
    .first()
    .waitFor();
  return dialog;
}

test('the launcher stays in its corner and the panel in view, looking as on a clean page', async () => {
  const shots: Buffer[] = [];
  for (const name of ['clean', 'hostile']) {
    const page = await site.browser.newPage({ viewport: VIEWPORT, reducedMotion: 'reduce' });
    const problems = watchForProblems(page);
    await page.goto(`${site.server.url}/${name}.html`);
    await page.evaluate('window.scrollTo(0, 1000)');
    const launcher = page.getByRole('button', { name: 'Help', exact: true });
    const corner = await launcher.boundingBox();
    assert.ok(corner, `${name}: launcher shown`);
    assert.deepEqual(
      [VIEWPORT.width - corner.x - corner.width, VIEWPORT.height - corner.y - corner.height],
      [20, 20],
      `${name}: launcher 20 px from the bottom-right corner`,
    );
    const dialog = await openPanel(page);
    const box = await dialog.boundingBox();
    assert.ok(box, `${name}: panel shown`);
    assert.ok(box.x >= 0 && box.y >= 0, `${name}: panel top-left in view ${JSON.stringify(box)}`);
    assert.ok(box.x + box.width <= VIEWPORT.width && box.y + box.height <= VIEWPORT.height);
    assert.equal(box.width, 380, `${name}: panel width`);
    // Inside the rounded corners and shadow, where only the widget paints.
    const inset = 14;
    shots.push(
      await page.screenshot({
        clip: {
          x: box.x + inset,
          y: box.y + inset,
          width: box.width - 2 * inset,
          height: box.height - 2 * inset,
        },
        animations: 'disabled',
        caret: 'hide',
      }),
    );
    assert.deepEqual(problems, [], `${name}: no console errors or failed requests`);
    await page.close();
  }
  const out = join(repoRoot, 'test-results');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'panel-clean.png'), shots[0] ?? '');
  await writeFile(join(out, 'panel-hostile.png'), shots[1] ?? '');
  assert.ok(
    shots[0]?.equals(shots[1] ?? Buffer.alloc(0)),
    'the panel on the hostile page is pixel for pixel the panel on the clean page (see test-results/panel-*.png)',
  );
});
