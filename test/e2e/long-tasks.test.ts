/**
 * The widget must not slow the page that embeds it. Loading a page with `porthole.js`
 * (through the idle prefetch of the panel's code) must not put a task over 50 ms on the page's
 * main thread at 4× CPU slowdown; nor may opening a 5 MB article.
 *
 * Measured as CPU time in a Chromium trace, with the 4× slowdown applied as a factor: wall
 * time on a shared machine also counts the time the thread waited for a CPU, which says
 * nothing about the widget. (Chromium's own CPU throttling only makes the thread wait.) The
 * wall-clock long tasks the page observed are printed alongside.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSite, watchForProblems, widgetPage, type Site } from './harness.js';
import { readLoadCost, RECORD_LOAD_COST, traceTasks, type TracedTask } from './measure.js';

const SLOWDOWN = 4;
const LONG_TASK_MS = 50;

/** A knowledge base object with one 5 MB article, given to the widget by the page itself. */
const HUGE_KB = `
const block = (i) => '<h2 id="s-' + i + '">Section ' + i + '</h2><p>Lorem ipsum <strong>dolor</strong> sit amet, ' +
  '<a href="#s-1">back to the start</a>, consectetur adipiscing elit.</p><ul><li>One</li><li>Two <em>and a half</em></li></ul>';
const parts = [];
let size = 0;
for (let i = 0; size < 5 * 1024 * 1024; i++) { parts.push(block(i)); size += parts[i].length; }
window.hugeSections = parts.length;
const huge = { slug: 'huge', locale: 'en', title: 'A very long article', html: parts.join('\\n'),
  tags: [], pages: [], sections: [], translations: {} };
const { html, ...summary } = huge;
const kb = {
  locales: ['en'], defaultLocale: 'en',
  resolveLocale: () => 'en',
  articles: () => [summary],
  search: async () => [],
  article: async () => huge,
};
window.Porthole = window.Porthole || function () { (Porthole.q = Porthole.q || []).push(arguments); };
Porthole('config', { knowledgeBase: kb });
`;

let site: Site;

before(async () => {
  const body = '<h1>Quayside</h1>' + '<p>A paragraph of the host page.</p>'.repeat(200);
  site = await startSite('long-tasks', {
    'with.html': widgetPage('', body),
    'huge.html': widgetPage('<script src="huge.js"></script>', '<h1>Long read</h1>'),
    'huge.js': HUGE_KB,
  });
});

after(() => site?.close());

const describeTasks = (tasks: TracedTask[]) =>
  JSON.stringify(tasks.map((t) => [Math.round(t.cpuMs * 10) / 10, Math.round(t.wallMs)]));

test('loading the widget puts no task over 50 ms on the page at 4× CPU slowdown', async (t) => {
  const page = await site.browser.newPage();
  const problems = watchForProblems(page);
  await page.addInitScript(RECORD_LOAD_COST);
  const tasks = await traceTasks(page, async () => {
    await page.goto(`${site.server.url}/with.html`, { waitUntil: 'load' });
    // The panel's code, fetched (not run) when the browser is idle.
    await page.waitForFunction(() =>
      performance
        .getEntriesByType('resource')
        .some((entry) => entry.name.includes('/porthole-panel-')),
    );
  });
  const widget = tasks.filter((task) =>
    task.scripts.some((url) => /\/porthole[^/]*\.js/.test(url)),
  );
  const cost = await readLoadCost(page);
  t.diagnostic(
    `widget tasks [cpu ms, wall ms]: ${describeTasks(widget)}; widget CPU in all ${Math.round(widget.reduce((sum, task) => sum + task.cpuMs, 0))} ms`,
  );
  t.diagnostic(`long tasks the page observed (wall clock): ${JSON.stringify(cost.longTasks)}`);
  assert.ok(widget.length > 0, 'the widget’s tasks were found in the trace');
  const long = widget.filter((task) => task.cpuMs * SLOWDOWN > LONG_TASK_MS);
  assert.deepEqual(long, [], `widget tasks over ${LONG_TASK_MS} ms at ${SLOWDOWN}× slowdown`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a 5 MB article appears without any task over 50 ms', async (t) => {
  const page = await site.browser.newPage();
  const problems = watchForProblems(page);
  await page.goto(`${site.server.url}/huge.html`);
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  await page.getByRole('dialog', { name: 'Help' }).getByRole('combobox').waitFor();
  const tasks = await traceTasks(page, async () => {
    await page.evaluate(() =>
      (window as unknown as { Porthole: (...a: unknown[]) => void }).Porthole('article', 'huge'),
    );
    await page.waitForFunction(
      () => {
        const article = document
          .querySelector('porthole-widget')
          ?.shadowRoot?.querySelector('porthole-panel')
          ?.shadowRoot?.querySelector('porthole-article');
        const last = (window as unknown as { hugeSections: number }).hugeSections - 1;
        return article?.shadowRoot?.getElementById(`s-${last}`) !== null;
      },
      undefined,
      { timeout: 120_000 },
    );
  });
  const longest = [...tasks].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 5);
  t.diagnostic(`${tasks.length} tasks; longest [cpu ms, wall ms]: ${describeTasks(longest)}`);
  assert.deepEqual(
    tasks.filter((task) => task.cpuMs > LONG_TASK_MS),
    [],
    `tasks over ${LONG_TASK_MS} ms of CPU`,
  );
  assert.deepEqual(problems, []);
  await page.close();
});
