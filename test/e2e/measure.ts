/**
 * Measurements of what the widget costs a page, taken through the Chrome DevTools Protocol:
 * bytes on the wire per request, and the main thread's long tasks at load.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface Transfer {
  url: string;
  /** Body bytes as sent (compressed when `encoding` is set). */
  bytes: number;
  encoding: string;
  type: string;
}

/**
 * Records every response's body bytes on the wire (cache disabled), and tells when the
 * network has gone quiet, so steps can be measured one by one without sleeping.
 */
export async function watchTransfers(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const pending = new Map<
    string,
    { url: string; headerBytes: number; encoding: string; type: string }
  >();
  const inFlight = new Set<string>();
  let done: Transfer[] = [];
  const quiet: (() => void)[] = [];
  const settle = (id: string) => {
    inFlight.delete(id);
    if (inFlight.size === 0) for (const resolve of quiet.splice(0)) resolve();
  };
  cdp.on('Network.requestWillBeSent', (event) => {
    inFlight.add(event.requestId);
  });
  cdp.on('Network.responseReceived', (event) => {
    const headers = Object.fromEntries(
      Object.entries(event.response.headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    pending.set(event.requestId, {
      url: event.response.url,
      headerBytes: event.response.encodedDataLength,
      encoding: String(headers['content-encoding'] ?? ''),
      type: event.type,
    });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const response = pending.get(event.requestId);
    if (response) {
      done.push({
        url: response.url,
        bytes: event.encodedDataLength - response.headerBytes,
        encoding: response.encoding,
        type: response.type,
      });
    }
    settle(event.requestId);
  });
  cdp.on('Network.loadingFailed', (event) => settle(event.requestId));
  return {
    /** Everything received since the last call. */
    take(): Transfer[] {
      const taken = done;
      done = [];
      return taken;
    },
    /** Resolves once no request is in flight. */
    quiet(): Promise<void> {
      return inFlight.size === 0
        ? Promise.resolve()
        : new Promise((resolve) => quiet.push(resolve));
    },
  };
}

export const isScript = (transfer: Transfer) => transfer.type === 'Script';

/** What a page's main thread did while it loaded, from its own performance timeline. */
export interface LoadCost {
  /** Durations of long tasks (over 50 ms), in ms. */
  longTasks: number[];
  /** Long animation frames in which a widget script ran: [duration, widget script ms]. */
  widgetFrames: [number, number][];
  /** Time spent in the widget's scripts, in ms. */
  widgetScriptMs: number;
  /** When the `load` event started, in ms after navigation. */
  loadEventMs: number;
}

/** Registered before the page's own scripts: buffers long tasks and long animation frames. */
export const RECORD_LOAD_COST = `
  window.__longTasks = [];
  window.__frames = [];
  new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries()))
    .observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => window.__frames.push(...list.getEntries()))
    .observe({ type: 'long-animation-frame', buffered: true });
`;

export async function readLoadCost(page: Page): Promise<LoadCost> {
  // A string, not a function: tsx would wrap inner functions in a helper the page lacks.
  return (await page.evaluate(`(() => {
    const widget = (script) => /porthole/.test(script.sourceURL);
    const frames = window.__frames.filter((frame) => frame.scripts.some(widget));
    const scriptMs = window.__frames
      .flatMap((frame) => frame.scripts)
      .filter(widget)
      .reduce((sum, script) => sum + script.duration, 0);
    return {
      longTasks: window.__longTasks.map((task) => Math.round(task.duration)),
      widgetFrames: frames.map((frame) => [
        Math.round(frame.duration),
        Math.round(frame.scripts.filter(widget).reduce((sum, s) => sum + s.duration, 0)),
      ]),
      widgetScriptMs: Math.round(scriptMs),
      loadEventMs: Math.round(performance.getEntriesByType('navigation')[0].loadEventStart),
    };
  })()`)) as LoadCost;
}

/** One task of the page's main thread, from a Chromium trace: wall time and CPU time, in ms. */
export interface TracedTask {
  wallMs: number;
  cpuMs: number;
  /** Scripts (by URL) that ran or compiled in it. */
  scripts: string[];
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string } };
}

/**
 * Run `action` while Chromium traces, and return the tasks of the renderer's main thread.
 * CPU time (`tdur`) is what the page's code and rendering cost, whatever else the machine was
 * doing meanwhile; wall time also counts the moments the thread waited for a CPU (on a busy
 * machine, far more).
 */
export async function traceTasks(
  page: Page,
  action: () => Promise<unknown>,
): Promise<TracedTask[]> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser to trace');
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'toplevel', 'v8.execute', 'v8'],
  });
  const failure = await action().then(
    () => undefined,
    (error: unknown) => error ?? new Error('the traced action failed'),
  );
  const trace = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };
  if (failure) throw failure;
  const events = trace.traceEvents;
  const mains = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e: TraceEvent) => mains.has(`${e.pid}:${e.tid}`);
  // Only events that run or compile a script name the script the task belongs to (a network
  // event with a URL in it does not).
  const scriptEvents = new Set([
    'EvaluateScript',
    'FunctionCall',
    'v8.compile',
    'v8.compileModule',
    'v8.evaluateModule',
  ]);
  const withScript = events.filter(
    (e) => onMain(e) && scriptEvents.has(e.name) && e.args?.data?.url,
  );
  return events
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && onMain(e))
    .map((task) => {
      const end = task.ts + (task.dur ?? 0);
      const scripts = withScript
        .filter((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts <= end)
        .map((e) => e.args?.data?.url ?? '');
      return {
        wallMs: (task.dur ?? 0) / 1000,
        cpuMs: (task.tdur ?? 0) / 1000,
        scripts: [...new Set(scripts)],
      };
    });
}
