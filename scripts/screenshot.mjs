#!/usr/bin/env node
// Regenerates docs/screenshot.png: the widget open on the demo site with results for a
// misspelled query. Start the demo first (`npm run demo`), then `node scripts/screenshot.mjs`.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';

const url = process.env.DEMO_URL ?? `http://127.0.0.1:${process.env.PORT ?? '8787'}/`;
const browser = await chromium.launch({
  executablePath: ensureChromium(),
  args: [...CHROMIUM_ARGS],
});
const page = await browser.newPage({
  viewport: { width: 1200, height: 760 },
  deviceScaleFactor: 1,
});
await page.goto(url);
await page.getByRole('button', { name: 'Help', exact: true }).click();
const dialog = page.getByRole('dialog', { name: 'Help' });
await dialog.getByRole('combobox', { name: 'Search help articles' }).fill('refund anual plan');
await dialog.getByRole('option').first().waitFor();
await page.waitForTimeout(500);
await page.screenshot({ path: 'docs/screenshot.png' });
await browser.close();
console.log('wrote docs/screenshot.png');
