import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import ts from 'typescript';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * Builds the script-tag bundle `@porthole/widget/porthole.js` and the parts it loads when
 * needed (docs/decisions/2026-12-01-widget-shell.md), in two passes because a classic script
 * cannot be split:
 *
 * 1. `vite build --mode parts`: the ES modules `porthole.js` imports from beside itself —
 *    `porthole-panel-<hash>.js` (Lit, the panel and its views, `@porthole/kb` and
 *    `@porthole/tickets`: see `VISIT_PARTS`), `porthole-sanitize-<hash>.js`,
 *    `porthole-position-<hash>.js`, `porthole-attachments-<hash>.js`, `porthole-upload-<hash>.js`,
 *    `porthole-fields-<hash>.js`, `porthole-outbox-<hash>.js`, `porthole-shortcut-<hash>.js`,
 *    one `porthole-locale-<code>-<hash>.js` per interface language but English, and any chunk
 *    they share — named by their content, and `porthole-parts.json`, which names them for the
 *    second pass.
 * 2. `vite build`: `porthole.js`, one classic (IIFE) script that works with a plain
 *    `<script async>` tag: the launcher, the dialog's frame and the command API, with the
 *    parts' names written in.
 *
 * Every file also gets a `.br` (quality 11) and a `.gz` (level 9) beside it, which
 * `porthole serve` sends as they are. No inline styles, no eval. Package libraries
 * (`dist/*.js` + `.d.ts`) are emitted by `tsc -b`; this config only makes the bundles.
 */

const require = createRequire(import.meta.url);
const widgetSource = (file: string) =>
  fileURLToPath(new URL(`packages/widget/src/${file}`, import.meta.url));
const outDir = fileURLToPath(new URL('packages/widget/dist', import.meta.url));
const PARTS_FILE = join(outDir, 'porthole-parts.json');

/**
 * Each interface language but English (which is bundled) is a part of its own,
 * `locale-<code>`: a page loads only its language's (`i18n/locale-importers.ts`).
 */
const ENGLISH = ['en.ts', 'en-shell.ts', 'en-attachments.ts', 'en-fields.ts', 'en-outbox.ts'];
const LOCALE_ENTRIES = Object.fromEntries(
  readdirSync(widgetSource('i18n/locales'))
    .filter((file) => /^[a-z]{2,3}(-[a-z0-9]+)?\.ts$/i.test(file) && !ENGLISH.includes(file))
    .map((file) => [`locale-${file.slice(0, -3)}`, widgetSource(`i18n/locales/${file}`)]),
);

/** The English texts of the parts loaded when used (see `chunkFileNames`). */
const ENGLISH_PART_TEXTS =
  /packages\/widget\/src\/i18n\/locales\/en-(attachments|fields|outbox)\.ts$/;

/**
 * The parts every visit runs — the panel, the knowledge base and the ticket part — are one
 * file, `porthole-panel-<hash>.js` (`chunks/visit.ts`), which the chunk loader knows under
 * each of their names. Fetched together when the browser is idle, they compress better as
 * one file than as three (1.2 kB less brotli, docs/decisions/2026-12-01-visit-budget.md),
 * and the visit makes three requests fewer (the panel's entry and its shared file were two).
 */
const VISIT_PARTS = ['panel', 'kb', 'tickets'] as const;

/** The parts, by the name the chunk loader knows them under (`core/chunk-loader.ts`). */
const PART_ENTRIES = {
  panel: widgetSource('chunks/visit.ts'),
  sanitize: widgetSource('chunks/sanitize.ts'),
  position: widgetSource('chunks/position.ts'),
  attachments: widgetSource('chunks/attachments.ts'),
  fields: widgetSource('chunks/fields.ts'),
  outbox: widgetSource('chunks/outbox.ts'),
  shortcut: widgetSource('chunks/shortcut.ts'),
  overrides: widgetSource('chunks/overrides.ts'),
  ...LOCALE_ENTRIES,
};

/** A part's file: `porthole-panel-1k2j3h4g.js` (what `porthole serve` serves beside porthole.js). */
const PART_FILE = /^porthole-[a-z0-9-]+\.js(\.map|\.br|\.gz)?$/;

/**
 * In the script bundle, the importers of the npm build (`loading/importers.ts`, plain
 * `import()` of source files) become `loading/importers-script.ts` (`import()` of the sibling
 * files by URL), so none of the parts' code is pulled into `porthole.js`.
 */
function scriptImporters(): Plugin {
  const npmImporters = widgetSource('loading/importers.ts');
  const scriptFile = widgetSource('loading/importers-script.ts');
  return {
    name: 'porthole-script-importers',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('/importers.js')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === npmImporters ? scriptFile : resolved;
    },
  };
}

/**
 * Minify the widget's CSS, which lives in template literals the JavaScript minifier leaves
 * alone: `css\`…\`` (Lit) in `*.styles.ts` and the shell's `/* css *\/` string. Comments go,
 * runs of white space become one space or none around punctuation. The styles hold no
 * interpolations and no strings where white space matters.
 */
function minifyStyles(): Plugin {
  const literal = /(css`|\/\* css \*\/ `)([^`]*)`/g;
  const squeeze = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};:,>])\s*/g, '$1')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'porthole-minify-styles',
    enforce: 'pre',
    transform(code, id) {
      if (!/packages\/widget\/src\/components\/.*\.styles\.ts$/.test(id)) return null;
      return {
        code: code.replace(
          literal,
          (_all, open: string, body: string) => `${open}${squeeze(body)}\``,
        ),
        map: null,
      };
    },
  };
}

/**
 * Fold the line breaks and indentation in Lit's `html\`…\`` templates to one space each. For
 * the HTML parser a run of white space between words or tags is one space anyway (the views
 * have no `<pre>` or `<textarea>` text; articles are inserted as nodes, not templates), and
 * attributes over several lines are the same on one. Only the templates' own text is
 * touched, found with the TypeScript parser, never the expressions in `${…}`.
 */
function minifyTemplates(): Plugin {
  return {
    name: 'porthole-minify-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/packages\/widget\/src\/components\/.*(?<!\.styles|\.test)\.ts$/.test(id)) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const texts: ts.Node[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'html') {
          const { template } = node;
          if (ts.isNoSubstitutionTemplateLiteral(template)) texts.push(template);
          else texts.push(template.head, ...template.templateSpans.map((span) => span.literal));
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      let folded = code;
      for (const text of texts.sort((a, b) => b.getStart(source) - a.getStart(source))) {
        const [start, end] = [text.getStart(source), text.getEnd()];
        folded =
          folded.slice(0, start) +
          folded.slice(start, end).replace(/\s*\n\s*/g, ' ') +
          folded.slice(end);
      }
      return { code: folded, map: null };
    },
  };
}

/**
 * Ship only the texts the widget's code can show: a catalog entry whose key appears nowhere in
 * the widget's sources as a string (`t('contactUs')`, `{ name: 'nameRequired' }`) is left out
 * of the bundles, in English and in every language's part. Texts written ahead of the code
 * that will show them (a feature still being built) then cost visitors nothing until it
 * lands, and join the bundles by themselves when it does. The catalogs keep every text;
 * npm builds of the package are not pruned.
 */
function pruneUnusedTexts(): Plugin {
  let used: Set<string> | undefined;
  const catalog = /packages\/widget\/src\/i18n\/locales\/(?!en-shell)[a-z-]+\.ts$/;
  return {
    name: 'porthole-prune-unused-texts',
    enforce: 'pre',
    transform(code, id) {
      if (!catalog.test(id)) return null;
      used ??= stringsInSources(widgetSource(''));
      return { code: pruneCatalog(code, used), map: null };
    },
  };
}

/** Every quoted word in the widget's sources (tests and catalogs aside). */
function stringsInSources(dir: string, found = new Set<string>()): Set<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'locales') stringsInSources(path, found);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      for (const [, word] of readFileSync(path, 'utf8').matchAll(/['"`]([A-Za-z]\w*)['"`]/g)) {
        found.add(word as string);
      }
    }
  }
  return found;
}

/** A catalog module without the entries of its top-level object whose keys are not `used`. */
function pruneCatalog(code: string, used: ReadonlySet<string>): string {
  const source = ts.createSourceFile('catalog.ts', code, ts.ScriptTarget.Latest, true);
  let object: ts.ObjectLiteralExpression | undefined;
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    let value = statement.declarationList.declarations[0]?.initializer;
    while (value && (ts.isAsExpression(value) || ts.isSatisfiesExpression(value))) {
      value = value.expression;
    }
    if (value && ts.isObjectLiteralExpression(value)) object = value;
  }
  if (!object) throw new Error('A catalog must be one object literal.');
  let pruned = code;
  for (const property of [...object.properties].reverse()) {
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
    if (used.has(property.name.text)) continue;
    const end = code[property.end] === ',' ? property.end + 1 : property.end;
    pruned = pruned.slice(0, property.getFullStart()) + pruned.slice(end);
  }
  return pruned;
}

/**
 * DOMPurify's ES build carries Babel's `AsyncGenerator` helper, which nothing in it calls; the
 * minifier keeps it because the helper's `prototype` is written to at the top level. Drop the
 * function and those writes when nothing else names it (0.3 kB brotli of every visit without
 * the HTML Sanitizer API); a DOMPurify that uses it is left as it is.
 */
function dropUnusedAsyncGenerator(): Plugin {
  return {
    name: 'porthole-drop-unused-async-generator',
    enforce: 'pre',
    transform(code, id) {
      if (!/node_modules\/dompurify\/dist\/purify\.es\.mjs$/.test(id)) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const helper = 'AsyncGenerator';
      const writesToPrototype = (statement: ts.Statement) =>
        ts.isExpressionStatement(statement) &&
        statement.getText(source).startsWith(`${helper}.prototype`);
      const dead = source.statements.filter(
        (statement) =>
          (ts.isFunctionDeclaration(statement) && statement.name?.text === helper) ||
          writesToPrototype(statement),
      );
      const named = (text: string) => text.match(new RegExp(`\\b${helper}\\b`, 'g'))?.length ?? 0;
      const namedInDead = dead.reduce(
        (sum, statement) => sum + named(statement.getText(source)),
        0,
      );
      if (dead.length === 0 || named(code) !== namedInDead) return null;
      let kept = code;
      for (const statement of [...dead].reverse()) {
        kept = kept.slice(0, statement.getStart(source)) + kept.slice(statement.getEnd());
      }
      return { code: kept, map: null };
    },
  };
}

/** Old parts would pile up in dist/ (their names change with every build): remove them first. */
function removeOldParts(): Plugin {
  return {
    name: 'porthole-remove-old-parts',
    buildStart() {
      for (const file of readdirSync(outDir, { withFileTypes: true })) {
        if (file.isFile() && PART_FILE.test(file.name)) rmSync(join(outDir, file.name));
      }
    },
  };
}

/**
 * Every language's part is named with one hash (`porthole-locale-pl-<hash>.js`), so
 * `porthole.js` carries one hash for the 14 languages instead of 14 file names. It is taken of
 * everything their output depends on — their sources, the texts the code uses (see
 * `pruneUnusedTexts`), this configuration and the bundler's version — so a name still only
 * ever stands for one content; any change renames them all, which costs nothing (a page loads
 * one of them).
 */
function localeHash(): string {
  const hash = createHash('sha256');
  const versions = ['vite', 'rolldown'].map(
    (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version,
  );
  hash.update(versions.join()).update(readFileSync(fileURLToPath(import.meta.url)));
  hash.update([...stringsInSources(widgetSource(''))].sort().join());
  for (const file of Object.values(LOCALE_ENTRIES).sort()) hash.update(readFileSync(file));
  return BigInt(`0x${hash.digest('hex').slice(0, 16)}`)
    .toString(36)
    .padStart(8, '0')
    .slice(0, 8);
}

/** Write `porthole-parts.json`: each entry's hashed file name, for the `porthole.js` pass. */
function partsManifest(): Plugin {
  return {
    name: 'porthole-parts-manifest',
    generateBundle(_options, bundle) {
      const parts: Record<string, string> = {};
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && file.isEntry) parts[file.name] = file.fileName;
      }
      const visit = parts['panel'];
      if (visit === undefined) throw new Error('The build made no panel part.');
      for (const name of VISIT_PARTS) parts[name] = visit;
      this.emitFile({
        type: 'asset',
        fileName: 'porthole-parts.json',
        source: `${JSON.stringify(parts, null, 2)}\n`,
      });
    },
  };
}

/** Write a `.br` and a `.gz` beside every script, compressed once, as hard as they go. */
function precompress(): Plugin {
  return {
    name: 'porthole-precompress',
    writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const path = join(dir, file.fileName);
        const source = readFileSync(path);
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(source, {
            params: {
              [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
              [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
              [zlib.BROTLI_PARAM_SIZE_HINT]: source.length,
            },
          }),
        );
        writeFileSync(`${path}.gz`, gzipSync(source, { level: 9 }));
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

const build = {
  outDir,
  emptyOutDir: false,
  target: 'es2022',
  // Maps are written (and `porthole serve` serves them) for debugging, but not announced by a
  // `sourceMappingURL` comment in every file that pages download.
  sourcemap: 'hidden',
  minify: true,
} as const;

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'parts') {
    const languagesHash = localeHash();
    return {
      ...shared,
      plugins: [
        pruneUnusedTexts(),
        dropUnusedAsyncGenerator(),
        minifyStyles(),
        minifyTemplates(),
        removeOldParts(),
        partsManifest(),
        precompress(),
      ],
      build: {
        ...build,
        lib: { entry: PART_ENTRIES, formats: ['es'] },
        rolldownOptions: {
          // The visit's file is an entry that other parts import from (see below).
          preserveEntrySignatures: 'allow-extension',
          output: {
            entryFileNames: (chunk) =>
              chunk.name.startsWith('locale-')
                ? `porthole-[name]-${languagesHash}.js`
                : 'porthole-[name]-[hash:8].js',
            // The English texts of a part loaded when used (`i18n/english.ts`) are also needed
            // to check a site's `strings`: a file shared by those two parts alone is no part of
            // a visit, and is named so.
            // The http adapter's upload code (`http-upload.ts`) loads with a visitor's first
            // file: `porthole-upload-<hash>.js`.
            chunkFileNames: (chunk) =>
              chunk.moduleIds.every((id) => ENGLISH_PART_TEXTS.test(id))
                ? 'porthole-texts-[hash:8].js'
                : chunk.moduleIds.every((id) => id.endsWith('/tickets/src/http-upload.ts'))
                  ? 'porthole-upload-[hash:8].js'
                  : 'porthole-shared-[hash:8].js',
            hashCharacters: 'base36',
            // The visit's file holds everything it imports, even what other parts import too
            // (Lit, the texts), rather than a shared file besides it: one request less.
            codeSplitting: {
              groups: [
                {
                  name: 'visit',
                  test: (id: string) => id === PART_ENTRIES.panel,
                  includeDependenciesRecursively: true,
                },
              ],
            },
            // Vite leaves ES libraries unminified for the consumer's bundler; these files are
            // served as they are.
            minify: true,
            comments: false,
          },
        },
      },
    };
  }
  const parts = JSON.parse(readFileSync(PARTS_FILE, 'utf8')) as Record<string, string>;
  // The languages' parts share one hash (see localeHash): porthole.js gets that alone.
  const code = Object.fromEntries(
    Object.entries(parts).filter(([name]) => !name.startsWith('locale-')),
  );
  const languages = /-([a-z0-9]+)\.js$/.exec(parts['locale-pl'] ?? '')?.[1] ?? '';
  return {
    ...shared,
    plugins: [minifyStyles(), scriptImporters(), precompress()],
    define: {
      __PORTHOLE_PARTS__: JSON.stringify(code),
      __PORTHOLE_LOCALES__: JSON.stringify(languages),
    },
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
