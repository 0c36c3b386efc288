/**
 * Proof that the demo page and the widget work under the server's
 * `Content-Security-Policy: default-src 'self'` (no 'unsafe-inline', no 'unsafe-eval'):
 * the demo site is served exactly as `porthole serve --static` serves it, the widget is opened,
 * searched and taken to the contact form in Debian's Chromium, and not one CSP violation may
 * be reported. Needs the built bundle (`npm run build`) and Chromium; skipped without them.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type RunningServer } from '@porthole/server';
import { CHROMIUM_ARGS, chromiumPath } from '../../../scripts/chromium.mjs';
import { createCapturingLogger } from './helpers.js';

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const widgetFile = repo('packages/widget/dist/porthole.js');
const siteDir = repo('examples/quayside/site');
const kbDir = repo('examples/quayside/kb');
const chromePath = chromiumPath();

const skip = !existsSync(widgetFile)
  ? `CSP browser check skipped: ${widgetFile} is missing (run \`npm run build\`)`
  : !existsSync(siteDir)
    ? `CSP browser check skipped: ${siteDir} is missing`
    : !existsSync(chromePath)
      ? `CSP browser check skipped: no Chromium at ${chromePath} (set CHROME_PATH)`
      : false;

// Under CI every prerequisite must be there: the suite runs and fails instead of skipping.
describe(
  "the demo page under Content-Security-Policy: default-src 'self'",
  {
    skip: process.env.CI === 'true' ? false : skip,
  },
  () => {
    let server: RunningServer;
    let browser: Browser;

    before(async () => {
      server = await startServer({
        port: 0,
        databaseUrl: 'sqlite::memory:',
        staticDir: siteDir,
        widgetFile,
        ...(existsSync(kbDir) ? { kbDir } : {}),
        logger: createCapturingLogger(),
      });
      browser = await chromium.launch({ executablePath: chromePath, args: [...CHROMIUM_ARGS] });
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('opens, searches and shows the contact form without a single CSP violation', async () => {
      const page = await browser.newPage();
      const cspMessages: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspMessages.push(message.text());
      });
      // Init scripts run outside the page's CSP, so the listener itself cannot be blocked.
      await page.addInitScript(() => {
        const violations: string[] = [];
        Object.assign(window, { cspViolations: violations });
        document.addEventListener('securitypolicyviolation', (event) => {
          violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
        });
      });

      const response = await page.goto(`${server.url}/`);
      assert.equal(response?.headers()['content-security-policy'], "default-src 'self'");

      await page.getByRole('button', { name: 'Help', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Help' });
      await dialog.waitFor({ state: 'visible' });
      await dialog
        .getByRole('searchbox', { name: 'Search help articles' })
        .or(dialog.getByRole('combobox', { name: 'Search help articles' }))
        .fill('pasword');
      await dialog
        .getByRole('button', { name: 'Contact us' })
        .or(dialog.getByRole('link', { name: 'Contact us' }))
        .first()
        .click();
      await dialog.getByLabel('Email').waitFor({ state: 'visible' });

      // The widget's styles really applied (constructable stylesheets, not inline <style>).
      const launcherBox = await page
        .getByRole('button', { name: 'Help', exact: true })
        .boundingBox();
      assert.ok(
        launcherBox && launcherBox.width > 24 && launcherBox.height > 24,
        'launcher unstyled',
      );

      const violations = await page.evaluate(
        () => (window as unknown as { cspViolations: string[] }).cspViolations,
      );
      assert.deepEqual(violations, []);
      assert.deepEqual(cspMessages, []);
    });
  },
);
