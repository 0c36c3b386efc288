/**
 * End-to-end harness: builds a knowledge base with the real `porthole` CLI, serves it with
 * `porthole serve` (SQLite in a temp folder), and drives Debian's Chromium with playwright-core.
 * Requires `npm run build` first (the CLI's dist/ and the widget's porthole.js).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';

export const repoRoot = resolve(import.meta.dirname, '../..');
const cliBin = join(repoRoot, 'packages/cli/bin/porthole.js');
export const agentToken = 'e2e-agent-token-0123456789';

/** Runs `porthole <args>` to completion; throws with its output when it fails. */
export function runPorthole(args: string[]): { stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cliBin, ...args], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `porthole ${args.join(' ')} exited ${result.status}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return { stdout: result.stdout, stderr: result.stderr };
}

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `porthole-${prefix}-`));
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `porthole serve` on a free port and resolves once it is listening. */
export async function startPorthole(
  args: string[],
  dataDir: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const child = spawn(process.execPath, [cliBin, 'serve', '--port', '0', ...args], {
    env: {
      ...process.env,
      PORTHOLE_AGENT_TOKEN: agentToken,
      DATABASE_URL: `sqlite:${join(dataDir, 'tickets.db')}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`porthole serve did not start:\n${output}`)),
      20_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1].replace(/\/$/, ''));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`porthole serve exited ${code}:\n${output}`));
    });
  });
  return {
    url,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
}

/**
 * Collects everything that should never happen on a page with the widget: console errors and
 * warnings, uncaught exceptions, CSP violations, failed requests.
 */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    // The host page's own missing favicon is not the widget's doing.
    if (message.location().url.endsWith('/favicon.ico')) return;
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return problems;
}

export async function listTickets(
  baseUrl: string,
): Promise<{ reference: string; email: string; subject: string; message: string }[]> {
  const response = await fetch(`${baseUrl}/v1/tickets?limit=100`, {
    headers: { authorization: `Bearer ${agentToken}` },
  });
  if (!response.ok)
    throw new Error(`GET /v1/tickets → ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as {
    tickets: { reference: string; email: string; subject: string; message: string }[];
  };
  return body.tickets;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * Types a query into the search box and returns the option texts once its results are shown:
 * it waits for the widget's `porthole-search` event for that query, then for that many
 * options, instead of sleeping and hoping.
 */
export async function searchAndSettle(
  page: Page,
  query: string,
  /** The accessible names in the page's language (English by default). */
  names = { dialog: 'Help', search: 'Search help articles', results: 'Search results' },
): Promise<string[]> {
  const dialog = page.getByRole('dialog', { name: names.dialog });
  const box = dialog.getByRole('combobox', { name: names.search });
  if ((await box.inputValue()) === query) await box.fill('');
  // A string, not a function: tsx would wrap inner functions in a helper the page lacks.
  const answered = page.evaluate(`new Promise((resolve) => {
    document.addEventListener('porthole-search', function heard(event) {
      if (event.detail.query !== ${JSON.stringify(query)}) return;
      document.removeEventListener('porthole-search', heard);
      resolve(event.detail.results);
    });
  })`) as Promise<number>;
  await box.fill(query);
  const results = await answered;
  const options = dialog.getByRole('listbox', { name: names.results }).getByRole('option');
  await page.waitForFunction(
    ([count]) => {
      const search = document
        .querySelector('porthole-widget')
        ?.shadowRoot?.querySelector('porthole-panel')
        ?.shadowRoot?.querySelector('porthole-search');
      return search?.shadowRoot?.querySelectorAll('[role=option]').length === count;
    },
    [results],
  );
  return options.allInnerTexts();
}

export interface Site {
  dir: string;
  server: RunningServer;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The example help center built with `porthole build`, and `files` (pages, styles) served by
 * `porthole serve` beside it, with a Chromium to visit them.
 */
export async function startSite(
  name: string,
  files: Record<string, string>,
  env: Record<string, string> = {},
): Promise<Site> {
  const dir = await makeTempDir(name);
  runPorthole(['build', join(repoRoot, 'examples/quayside/content'), '--out', join(dir, 'kb')]);
  await mkdir(join(dir, 'site'));
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, 'site', file), text);
  const server = await startPorthole(
    ['--kb', join(dir, 'kb'), '--static', join(dir, 'site')],
    dir,
    env,
  );
  const browser = await launchChromium();
  return {
    dir,
    server,
    browser,
    async close() {
      await browser.close();
      await server.stop();
      await removeDir(dir);
    },
  };
}

/** A page of the site: the widget's plain script tag and whatever `head` adds. */
export function widgetPage(head = '', body = '<h1>Quayside</h1>'): string {
  return (
    `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Quayside</title>${head}</head>\n` +
    `<body>${body}\n<script src="/porthole.js" data-kb="/kb/" data-endpoint="/v1/tickets" async></script>\n</body></html>\n`
  );
}

/** The element that has focus in the page, through shadow roots, as `tag#id.class "text"`. */
export async function describeFocus(page: Page): Promise<{ inWidget: boolean; what: string }> {
  // A string, not a function: tsx would wrap inner functions in a helper the page lacks.
  return (await page.evaluate(`(() => {
    let active = document.activeElement;
    let inWidget = active?.localName === 'porthole-widget';
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const label = active?.getAttribute('aria-label') ?? active?.textContent?.trim().slice(0, 20) ?? '';
    return { inWidget, what: (active?.localName ?? 'none') + ' "' + label + '"' };
  })()`)) as { inWidget: boolean; what: string };
}
