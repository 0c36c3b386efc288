// Browser tests for @porthole/widget: real Chromium (Debian's `chromium`), TypeScript sources
// transformed by esbuild on the fly, workspace packages resolved to their `source` entry so
// no build is needed first.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';

/**
 * The shared injection corpus lives beside the repository (`../shared`, as in CI) and must
 * never be copied into it, so tests fetch it from this URL instead of importing it.
 */
const XSS_VECTORS_URL = '/__porthole__/xss-vectors.json';
const xssVectorsFile = fileURLToPath(
  new URL('../shared/security/xss-vectors.json', import.meta.url),
);

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['packages/widget/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'import', 'default'] },
  // One page at a time: a page running beside another is a background tab, where animation
  // frames, smooth scrolling and focus behave unlike a visitor's tab (and @open-wc's
  // fixture() waits for a frame).
  concurrency: 1,
  testsFinishTimeout: 120_000,
  testFramework: { config: { timeout: 5_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath(),
        headless: true,
        args: [...CHROMIUM_ARGS],
      },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' })],
  middleware: [
    // importers-script.test.ts: a part of porthole.js that is missing (404) until it is asked for
    // again with `retry`, as after a dropped connection. Answers with its query string.
    async function flakyChunk(context, next) {
      if (context.path !== '/porthole-kb-0123456789.js') return next();
      if (!context.query.retry) {
        context.status = 404;
        context.body = 'missing on the first request';
        return;
      }
      context.type = 'text/javascript';
      context.body = `export const openKnowledgeBase = () => ${JSON.stringify(context.querystring)};`;
    },
    async function xssVectors(context, next) {
      if (context.path !== XSS_VECTORS_URL) return next();
      try {
        context.body = await readFile(xssVectorsFile, 'utf8');
        context.type = 'application/json';
      } catch {
        context.status = 404;
        context.body = `${xssVectorsFile} is missing: ../shared must sit beside the repository.`;
      }
    },
  ],
};
