import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * Builds the script-tag bundle `@porthole/widget/porthole.js` and the parts it loads when
 * first needed (docs/decisions/2026-11-24-widget-bundle-size.md), in two passes because a
 * classic script cannot be split:
 *
 * - `vite build`: `porthole.js`, one classic (IIFE) script that works with a plain
 *   `<script async>` tag: Lit, Floating UI and the components.
 * - `vite build --mode chunks`: `porthole-kb.js`, `porthole-sanitize.js` and
 *   `porthole-tickets.js`, ES modules that `porthole.js` imports from beside itself.
 *
 * No inline styles, no eval. Package libraries (`dist/*.js` + `.d.ts`) are emitted by
 * `tsc -b`; this config only makes the bundles.
 */

const widgetSource = (file: string) =>
  fileURLToPath(new URL(`packages/widget/src/${file}`, import.meta.url));

/** The chunk files, by the name `porthole.js` imports them under (see `lazy-script.ts`). */
const CHUNK_ENTRIES = {
  'porthole-kb': widgetSource('chunks/kb.ts'),
  'porthole-sanitize': widgetSource('chunks/sanitize.ts'),
  'porthole-tickets': widgetSource('chunks/tickets.ts'),
};

/**
 * In the script bundle the lazy seam (`lazy.ts`, plain `import()` of source files) becomes
 * `lazy-script.ts` (`import()` of the sibling files by URL), so none of the chunks' code is
 * pulled into `porthole.js`.
 */
function scriptSeam(): Plugin {
  const seam = widgetSource('lazy.ts');
  const scriptSeamFile = widgetSource('lazy-script.ts');
  return {
    name: 'porthole-script-seam',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('/lazy.js')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === seam ? scriptSeamFile : resolved;
    },
  };
}

/**
 * `porthole.js` loads exactly the files named in {@link CHUNK_ENTRIES}, and `porthole serve`
 * serves only `porthole-*.js` beside it. A module imported by two chunks would become a third,
 * shared file that nobody serves (a 404 on every page), so the build refuses to make one.
 */
function onlyNamedChunks(): Plugin {
  const expected = new Set(Object.keys(CHUNK_ENTRIES).map((name) => `${name}.js`));
  return {
    name: 'porthole-only-named-chunks',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && !expected.has(file.fileName)) {
          this.error(
            `${file.fileName} is shared by several lazily loaded parts (${file.moduleIds.join(', ')}). ` +
              'porthole.js cannot load it: move what they share out of one of them.',
          );
        }
      }
    },
  };
}

const shared: UserConfig = {
  resolve: {
    // Bundle from the workspace sources, as the tests do, not from another package's dist/.
    conditions: ['source', 'browser', 'module', 'import', 'default'],
  },
};

export default defineConfig(({ mode }): UserConfig => {
  const build = {
    outDir: 'packages/widget/dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    minify: true,
  } as const;
  if (mode === 'chunks') {
    return {
      ...shared,
      plugins: [onlyNamedChunks()],
      build: {
        ...build,
        lib: {
          entry: CHUNK_ENTRIES,
          formats: ['es'],
          fileName: (_format, name) => `${name}.js`,
        },
        // Vite leaves ES libraries unminified for the consumer's bundler; these files are
        // served as they are.
        rolldownOptions: { output: { minify: true, comments: false } },
      },
    };
  }
  return {
    ...shared,
    plugins: [scriptSeam()],
    build: {
      ...build,
      lib: {
        entry: widgetSource('porthole.ts'),
        formats: ['iife'],
        name: 'PortholeWidget',
        fileName: () => 'porthole.js',
      },
    },
  };
});
