/**
 * The widget must not slow the page that embeds it: loading a page with `porthole.js`
 * (including the panel it fetches when the browser is idle) makes no long task (over 50 ms)
 * in which the widget's code runs, on a CPU slowed down four times.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startSite, watchForProblems, widgetPage, type Site } from './harness.js';
import { readLoadCost, RECORD_LOAD_COST } from './measure.js';

let site: Site;

before(async () => {
  const body = '<h1>Quayside</h1>' + '<p>A paragraph of the host page.</p>'.repeat(200);
  site = await startSite('long-tasks', {
    'with.html': widgetPage('', body),
    'without.html': widgetPage('', body).replace(/<script src="\/porthole\.js".*<\/script>/, ''),
  });
});

after(() => site?.close());

async function load(path: string): Promise<{ page: Page; taskMs: number }> {
  const page = await site.browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Performance.enable');
  await page.addInitScript(RECORD_LOAD_COST);
  await page.goto(`${site.server.url}/${path}`, { waitUntil: 'load' });
  if (path === 'with.html') {
    // The panel's code, fetched (not run) when the browser is idle.
    await page.waitForFunction(() =>
      performance
        .getEntriesByType('resource')
        .some((entry) => entry.name.includes('/porthole-panel-')),
    );
  }
  const { metrics } = await cdp.send('Performance.getMetrics');
  const taskMs = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  return { page, taskMs };
}

test('at 4× CPU throttling, loading the widget makes no long task', async (t) => {
  const without = await load('without.html');
  const baseline = await readLoadCost(without.page);
  await without.page.close();

  const { page, taskMs } = await load('with.html');
  const problems = watchForProblems(page);
  const cost = await readLoadCost(page);
  t.diagnostic(
    `without the widget: load event at ${baseline.loadEventMs} ms, main thread ${Math.round(without.taskMs)} ms, long tasks ${JSON.stringify(baseline.longTasks)}`,
  );
  t.diagnostic(
    `with the widget: load event at ${cost.loadEventMs} ms, main thread ${Math.round(taskMs)} ms, long tasks ${JSON.stringify(cost.longTasks)}, widget scripts in long frames ${cost.widgetScriptMs} ms`,
  );
  assert.deepEqual(cost.widgetFrames, [], 'no long frame ([ms, widget ms]) with widget code in it');
  assert.deepEqual(cost.longTasks, [], 'no long task on the page');
  assert.deepEqual(problems, []);
  await page.close();
});
