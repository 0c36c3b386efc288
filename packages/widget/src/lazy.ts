/**
 * The seam between the widget and the parts it loads when first needed (see
 * docs/decisions/2026-11-24-widget-bundle-size.md). Here, as seen by npm users and the tests,
 * each chunk is a plain dynamic `import()` that the user's bundler splits into its own file.
 *
 * The script-tag build (`vite.config.ts`) swaps this module for `lazy-script.ts`, which
 * imports the prebuilt `porthole-*.js` files from beside `porthole.js`. Both export the same
 * `chunks`.
 */
import { createChunkLoader } from './chunk-loader.js';

export type { ChunkLoader, ChunkName, Chunks } from './chunk-loader.js';

export const chunks = createChunkLoader({
  kb: () => import('./chunks/kb.js'),
  sanitize: () => import('./chunks/sanitize.js'),
  tickets: () => import('./chunks/tickets.js'),
});
