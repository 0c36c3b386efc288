/**
 * `porthole dev`: it prints its URL, the preview page opens an article in the widget, and
 * saving the article rebuilds it and reloads the open page by itself, showing the new text,
 * without a restart. Every wait is for an event (the URL line, a page load, an element).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { openKnowledgeBase } from '@porthole/kb';
import { launchChromium, makeTempDir, removeDir, repoRoot, watchForProblems } from './harness.js';

let dir: string;
let child: ChildProcess;
let browser: Browser;
let url: string;

const article = (heading: string, text: string) =>
  `---\ntitle: Refunds\n---\n\n## ${heading}\n\n${text}\n`;

before(async () => {
  dir = await makeTempDir('dev');
  await mkdir(join(dir, 'content/en'), { recursive: true });
  await writeFile(
    join(dir, 'content/en/refunds.md'),
    article('How to ask', 'Write to us within 14 days.'),
  );
  await writeFile(
    join(dir, 'content/en/plans.md'),
    '---\ntitle: Plans\n---\n\nTeam costs 19 euros.\n',
  );
  child = spawn(
    process.execPath,
    [join(repoRoot, 'packages/cli/bin/porthole.js'), 'dev', 'content', '--port', '0'],
    {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  url = await new Promise<string>((done, fail) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /dev server on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) done(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`porthole dev exited ${code}:\n${output}`)));
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  child?.kill('SIGTERM');
  await removeDir(dir);
});

test('porthole dev prints its URL and serves a preview listing every article', async () => {
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const page = await browser.newPage();
  const problems = watchForProblems(page);
  await page.goto(url);
  assert.deepEqual(
    await page
      .getByRole('button')
      .filter({ hasText: /Plans|Refunds/ })
      .allInnerTexts(),
    ['Plans', 'Refunds'],
  );
  assert.deepEqual(problems, []);
  await page.close();
});

test('an edited article is served updated and the open page reloads by itself', async () => {
  const page = await browser.newPage();
  const problems = watchForProblems(page);
  await page.goto(url);
  await page.getByRole('button', { name: 'Refunds' }).click();
  const dialog = page.getByRole('dialog', { name: 'Help' });
  await dialog.getByRole('heading', { name: 'How to ask' }).waitFor();

  const reloaded = page.waitForEvent('load');
  await writeFile(
    join(dir, 'content/en/refunds.md'),
    article('Ask for a refund', 'Write to us within 30 days.'),
  );
  await reloaded;
  await dialog.getByRole('heading', { name: 'Ask for a refund' }).waitFor();
  await dialog.getByText(/within 30 days/).waitFor();

  const kb = await openKnowledgeBase(new URL('kb/', url).href);
  const refunds = await kb.article('refunds', 'en');
  assert.deepEqual(
    refunds.sections.map((s) => s.title),
    ['Ask for a refund'],
  );
  // Reloading the page ends its live-reload event stream: that request is meant to be cut.
  assert.deepEqual(
    problems.filter((p) => !p.includes('/__porthole/events net::ERR_ABORTED')),
    [],
  );
  await page.close();
});

test('a new file shows up in the list after the page reloads by itself', async () => {
  const page = await browser.newPage();
  await page.goto(url);
  const reloaded = page.waitForEvent('load');
  await writeFile(
    join(dir, 'content/en/invoices.md'),
    '---\ntitle: Invoices\n---\n\nFind them in Billing.\n',
  );
  await reloaded;
  await page.getByRole('button', { name: 'Invoices' }).waitFor();
  await page.close();
});
