import { defineConfig } from 'vite';

/**
 * Builds the script-tag bundle `@porthole/widget/porthole.js`: one classic (IIFE) script that
 * works with a plain `<script async>` tag, no module loader, no inline styles, no eval.
 * Package libraries (`dist/*.js` + `.d.ts`) are emitted by `tsc -b`; this config only makes
 * the bundle.
 */
export default defineConfig({
  resolve: {
    // Bundle from the workspace sources, as the tests do, not from another package's dist/.
    conditions: ['source', 'browser', 'module', 'import', 'default'],
  },
  build: {
    outDir: 'packages/widget/dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: 'packages/widget/src/porthole.ts',
      formats: ['iife'],
      name: 'PortholeWidget',
      fileName: () => 'porthole.js',
    },
  },
});
