/**
 * The examples beside the plain HTML demo build as a developer would build them: the Vite +
 * React page type-checks and builds, the Vue page builds, each against the built
 * `@porthole/widget` (no `source` condition), with the widget's panel in a chunk of its own.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'vite';

const repoRoot = resolve(import.meta.dirname, '../..');
let out: string;

before(async () => {
  out = await mkdtemp(join(tmpdir(), 'porthole-examples-'));
});
after(() => rm(out, { recursive: true, force: true }));

/** Build an example into a temp folder; returns its scripts' names and text. */
async function buildExample(name: string) {
  const root = join(repoRoot, 'examples', name);
  const outDir = join(out, name);
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir },
  });
  const dir = join(outDir, 'assets');
  const scripts = (await readdir(dir)).filter((file) => file.endsWith('.js'));
  const text = await Promise.all(scripts.map((file) => readFile(join(dir, file), 'utf8')));
  return { scripts, text: text.join('\n') };
}

function assertSplit(name: string, scripts: string[], text: string) {
  assert.match(text, /porthole-widget/, `${name}: the widget is in the app`);
  assert.ok(
    scripts.length >= 3,
    `${name}: the widget's parts load as chunks (${scripts.join(', ')})`,
  );
}

test('the Vite + React example type-checks and builds', async () => {
  const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(repoRoot, 'examples/vite-react')], {
      encoding: 'utf8',
    });
  } catch (error) {
    assert.fail(`tsc: ${(error as { stdout?: string }).stdout ?? String(error)}`);
  }
  const { scripts, text } = await buildExample('vite-react');
  assertSplit('React', scripts, text);
});

test('the Vue example builds', async () => {
  const { scripts, text } = await buildExample('vue');
  assertSplit('Vue', scripts, text);
  assert.doesNotMatch(text, /Failed to resolve component: porthole-widget/);
});
