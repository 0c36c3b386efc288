/**
 * The visitor's whole journey on the demo site, as a screen-reader user would make it: only
 * accessible names from DESIGN.md, a plain script tag, the real CLI and server.
 * open → search with a typo → article → Contact us → Send (twice) → reference → one ticket.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  launchChromium,
  listTickets,
  makeTempDir,
  removeDir,
  repoRoot,
  runPorthole,
  searchAndSettle,
  startPorthole,
  watchForProblems,
  type RunningServer,
} from './harness.js';

let dir: string;
let server: RunningServer;
let browser: Browser;

before(async () => {
  dir = await makeTempDir('journey');
  runPorthole(['build', join(repoRoot, 'examples/quayside/content'), '--out', join(dir, 'kb')]);
  server = await startPorthole(
    ['--kb', join(dir, 'kb'), '--static', join(repoRoot, 'examples/quayside/site')],
    dir,
  );
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await removeDir(dir);
});

test('visitor finds an answer despite a typo, then writes to support exactly once', async () => {
  const page = await browser.newPage();
  const problems = watchForProblems(page);
  const csp: string[] = [];
  page.on('response', (response) => {
    if (response.url() === `${server.url}/`)
      csp.push(response.headers()['content-security-policy'] ?? '');
  });

  await page.goto(`${server.url}/`);
  assert.match(csp[0] ?? '', /default-src 'self'/, 'the demo page is served under a strict CSP');

  await page.getByRole('button', { name: 'Help', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Help' });
  await dialog.waitFor();

  const top3 = (await searchAndSettle(page, 'reset pasword')).slice(0, 3);
  const options = dialog.getByRole('option');
  const index = top3.findIndex((text) => /reset your password/i.test(text));
  assert.ok(
    index >= 0,
    `"Reset your password" is in the top 3 for a typo, got:\n${top3.join('\n---\n')}\n${problems.join('\n')}`,
  );

  await options.nth(index).click();
  await dialog.getByRole('heading', { name: 'Reset your password' }).first().waitFor();

  await dialog
    .getByRole('button', { name: 'Contact us' })
    .or(dialog.getByRole('link', { name: 'Contact us' }))
    .first()
    .click();
  await dialog.getByLabel('Name').fill('Ana Kovač');
  await dialog.getByLabel('Email').fill('ana@example.com');
  await dialog.getByLabel('Subject').fill('Reset email never arrives');
  await dialog.getByLabel('Message').fill('I asked for a reset link three times and nothing came.');

  const send = dialog.getByRole('button', { name: 'Send' });
  // A double click must never create two tickets.
  await send.dblclick();
  const confirmation = dialog.getByText(/PH-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  await confirmation.waitFor();
  const reference = /PH-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(await confirmation.innerText())?.[0];
  assert.ok(reference, 'the confirmation shows the ticket reference');

  const tickets = await listTickets(server.url);
  const mine = tickets.filter((t) => t.subject === 'Reset email never arrives');
  assert.equal(mine.length, 1, 'exactly one ticket was stored');
  assert.equal(mine[0]?.reference, reference);
  assert.equal(mine[0]?.email, 'ana@example.com');

  assert.deepEqual(problems, [], 'no console errors, warnings, failed requests or uncaught errors');
  await page.close();
});

test('an invalid email, Send, the email fixed, Send once: exactly one ticket', async () => {
  const page = await browser.newPage();
  const problems = watchForProblems(page);
  await page.goto(`${server.url}/`);
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Help' });
  await dialog.getByRole('button', { name: 'Contact us' }).click();
  await dialog.getByLabel('Name').fill('Ivo');
  await dialog.getByLabel('Email').fill('ivo@example');
  await dialog.getByLabel('Subject').fill('Invoice address is wrong');
  await dialog.getByLabel('Message').fill('Please change it to Quay 7.');
  const send = dialog.getByRole('button', { name: 'Send' });
  await send.click();
  const email = dialog.getByLabel('Email');
  await page.waitForFunction(() => {
    const form = document
      .querySelector('porthole-widget')
      ?.shadowRoot?.querySelector('porthole-panel')
      ?.shadowRoot?.querySelector('porthole-contact-form');
    return form?.shadowRoot?.querySelector('#email[aria-invalid=true]') !== null;
  });
  // Fix it where a visitor would: focus stays in the field until Send is pressed.
  await email.click();
  await page.keyboard.press('End');
  await page.keyboard.type('.com');
  await send.click();
  await dialog.getByText(/PH-[0-9A-Z]{4}-[0-9A-Z]{4}/).waitFor();
  const mine = (await listTickets(server.url)).filter(
    (t) => t.subject === 'Invoice address is wrong',
  );
  assert.equal(mine.length, 1, 'one click on Send after the fix made one ticket');
  assert.equal(mine[0]?.email, 'ivo@example.com');
  assert.deepEqual(problems, []);
  await page.close();
});
