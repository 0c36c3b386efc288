import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  FORMAT_VERSION,
  MANIFEST_FILE,
  type ArticleFile,
  type ManifestArticle,
  type ManifestFile,
  type ManifestLocale,
} from '@porthole/kb/format';
import type { ArticleSummary } from '@porthole/kb';
import {
  findValidRecord,
  hashText,
  lazyOutputFiles,
  readStoredCatalog,
  recordKey,
  snapshotContent,
  textState,
  writeRecord,
  writeStoredCatalog,
} from './build-record.js';
import { cacheKey, indexCacheKey, type RenderCache } from './cache.js';
import {
  buildCatalog,
  restoreCatalog,
  storeCatalog,
  type Catalog,
  type CatalogMemo,
  type SourceFile,
  type StoredCatalog,
} from './catalog.js';
import { applySeverities, globToRegExp, loadConfig, type PortholeConfig } from './config.js';
import {
  CompileError,
  createLineIndex,
  sortDiagnostics,
  type Diagnostic,
  type DiagnosticCode,
} from './diagnostics.js';
import type { FrontMatter } from './front-matter.js';
import { findIncludes } from './include-map.js';
import {
  rememberLinks,
  reusedLinks,
  startLinks,
  type ArticleFileEntry,
  type LinkedArticle,
  type RebuildMemo,
} from './rebuild-memo.js';
import { fillReferences, replacementFor, resolveReference, type Replacement } from './links.js';
import { createRenderHost, defaultWorkerCount, WORKER_THRESHOLD } from './pool.js';
import type { RenderedArticle, RenderedSection, RenderJob } from './render.js';
import { buildSearchIndex, toManifestArticle, type SearchIndexInput } from './index/build.js';
import type { ArticleTerms } from './index/records.js';
import { snippetTexts } from './index/snippet-text.js';
import { readSynonymsFiles, type LocaleSynonyms } from './index/synonyms-files.js';
import { suggest } from './suggest.js';
import {
  fileState,
  readContentFolder,
  readContentSources,
  readLocaleCode,
  type ContentFiles,
  type ContentSource,
} from './sources.js';

export interface BuildProgress {
  /** Articles rendered (or taken from the cache) so far. */
  done: number;
  total: number;
  /** Of `done`, how many came from the cache. */
  cached: number;
}

export interface CheckOptions {
  /**
   * Locale of articles that are neither in a locale folder (`content/<locale>/…`) nor have a
   * `locale` in their front matter.
   * @default config `defaultLocale`, else 'en'
   */
  defaultLocale?: string;
  /**
   * Publish articles with `draft: true`. When false they are left out of the build (and links
   * to them are reported), but `checkKnowledgeBase` still checks them.
   * @default false
   */
  includeDrafts?: boolean;
  /**
   * In-memory files to use instead of reading the content folder: Markdown articles and the
   * images they embed, by path inside the content folder (`en/billing/refunds.md`).
   * @default undefined (read `contentDir`)
   */
  sources?: readonly ContentSource[];
  /**
   * Severities, ignored paths, `siteBase`, `staticDir`, `maxArticleSize` (see config.ts).
   * @default read from porthole.config.json (or package.json "porthole") in or above
   *   `contentDir`; none with `sources`
   */
  config?: PortholeConfig;
  /**
   * Worker threads that render articles besides the main thread (0: the main thread only).
   * Used only when 200 or more articles need rendering.
   * @default one per core but one, at most 3
   */
  workers?: number;
  /**
   * Rendered articles by content hash (`createMemoryCache()`, `openDiskCache(dir)`): unchanged
   * articles are not rendered again.
   * @default undefined (render everything)
   */
  cache?: RenderCache;
  /** Called as articles are rendered (for a progress bar). @default undefined */
  onProgress?: (progress: BuildProgress) => void;
}

export interface CompileOptions extends CheckOptions {
  /**
   * Folder of Markdown articles (`<locale>/<path>.md`). Required unless `sources` is given;
   * with `sources` it only names files in diagnostics.
   * @default undefined
   */
  contentDir?: string;
  /**
   * Folder to write the compiled knowledge base to (created if missing). Omit it to compile in
   * memory only and use `result.files`.
   * @default undefined
   */
  outDir?: string;
  /**
   * Throw a `CompileError` (writing nothing) when an article has errors. `false` builds what
   * can be built anyway (`porthole dev` previews while errors are being fixed): links that
   * are broken are removed, articles that cannot be rendered are left out.
   * @default true
   */
  failOnError?: boolean;
  /**
   * After writing, delete the files of earlier builds from `index/`, `articles/` and `assets/`
   * in `outDir`. Nothing else in `outDir` is ever touched.
   * @default true
   */
  clean?: boolean;
}

export interface CompileResult {
  /** Where the files were written, if anywhere. */
  outDir: string | undefined;
  manifest: ManifestFile;
  /**
   * Every output file by path relative to the KB root: JSON text or asset bytes. Pass
   * `{ files }` to `openKnowledgeBase` to search without writing anything.
   */
  files: Record<string, string | Uint8Array>;
  articleCount: number;
  /** Locales with at least one article, default first. */
  locales: string[];
  /** Warnings (and errors, with `failOnError: false`; otherwise they throw a `CompileError`). */
  diagnostics: Diagnostic[];
  /** Articles rendered in this build and taken from the cache. */
  rendered: { fresh: number; cached: number };
  /**
   * True when nothing the build depends on changed since the last build into `outDir` with
   * the same disk cache: the result comes from that build's record and the output folder
   * (`files` are read from it when asked for), and no article was read.
   */
  upToDate: boolean;
}

interface BuiltArticle {
  source: SourceFile;
  frontMatter: FrontMatter;
  title: string;
  html: string;
  sections: RenderedSection[];
  terms: ArticleTerms;
  snippets: string[];
}

interface Analysis {
  articles: BuiltArticle[];
  assets: Map<string, Uint8Array>;
  diagnostics: Diagnostic[];
  defaultLocale: string;
  redirects: Map<string, Record<string, string>>;
  synonyms: LocaleSynonyms;
  rendered: { fresh: number; cached: number };
  /** Files of the static folder that the build looked at, as it found them. */
  staticStates: Map<string, string>;
  /** The Markdown files' text as read. */
  markdown: ContentFiles['markdown'];
  /** Every file's catalog entry by path (not with `sources`), for the next build. */
  catalog: CatalogMemo | undefined;
}

const GENERATOR = '@porthole/kb-compiler';
const OUTPUT_FOLDERS = ['index', 'articles', 'assets'] as const;
const COMPILER_VERSION = JSON.parse(
  await readFile(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };
const SUSPICIOUS_NAME = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * Compile a folder of Markdown articles into a static knowledge base: `manifest.json`, one
 * prebuilt search index per locale and one JSON file per article body (plus copied assets).
 * Throws a `CompileError` with every diagnostic, writing nothing, when an article has errors.
 *
 * @example
 * const result = await compileKnowledgeBase({ contentDir: 'content', outDir: 'dist/kb' });
 * for (const warning of result.diagnostics) console.warn(formatDiagnostic(warning));
 */
export async function compileKnowledgeBase(options: CompileOptions): Promise<CompileResult> {
  const recording = await startRecording(options);
  if (recording && 'result' in recording) return recording.result;
  const analysis = await analyzeKnowledgeBase(
    recording ? { ...options, config: recording.config } : options,
    false,
    recording?.catalog,
  );
  if (options.failOnError !== false && analysis.diagnostics.some((d) => d.severity === 'error')) {
    // What rendered is kept: the next build, with the errors fixed, renders only those files.
    await saveCache(options.cache);
    throw new CompileError(analysis.diagnostics);
  }
  const { manifest, files } = assembleOutput(analysis, options.cache, options.outDir);
  // Together: serializing the cache keeps this thread busy while the output's files are
  // written by libuv's threads (one after the other, a cold build waited for both).
  await Promise.all([
    saveCache(options.cache),
    options.outDir && writeOutput(options.outDir, files, options.clean ?? true),
  ]);
  if (recording) {
    const inputs = recording.snapshot.files;
    for (const [path, state] of analysis.staticStates) inputs.set(path, state);
    for (const { path, text } of analysis.markdown)
      if (inputs.get(`content:${path}`) === 'racy') inputs.set(`content:${path}`, textState(text));
    if (analysis.catalog)
      await writeStoredCatalog(
        recording.dir,
        storeCatalog(analysis.catalog, recording.stateOf, COMPILER_VERSION.version),
      );
    await writeRecord(recording.dir, {
      key: recording.key,
      inputs: [...inputs],
      outputs: Object.keys(files)
        .filter((path) => path !== MANIFEST_FILE)
        .sort(),
      manifestHash: hashText(files[MANIFEST_FILE] as string),
      diagnostics: analysis.diagnostics,
      articleCount: analysis.articles.length,
      rendered: analysis.rendered.fresh + analysis.rendered.cached,
    });
  }
  return {
    outDir: options.outDir,
    manifest,
    files,
    articleCount: analysis.articles.length,
    locales: manifest.locales.map((l) => l.locale),
    diagnostics: analysis.diagnostics,
    rendered: analysis.rendered,
    upToDate: false,
  };
}

/**
 * Check a content folder without writing anything: every diagnostic (errors and warnings) of
 * every article, drafts and partials included, in file order.
 */
export async function checkKnowledgeBase(
  contentDir: string,
  options: CheckOptions = {},
): Promise<Diagnostic[]> {
  const { diagnostics } = await analyzeKnowledgeBase({ ...options, contentDir }, true);
  await saveCache(options.cache);
  return diagnostics;
}

/**
 * With a disk cache and an output folder, the state of the inputs before anything is read, and
 * the result straight from the output folder when the last build's record says it is current.
 */
async function startRecording(options: CompileOptions) {
  const dir = options.cache?.dir;
  if (!dir || !options.outDir || !options.contentDir || options.sources) return undefined;
  const { outDir, contentDir } = options;
  const config = options.config ?? (await loadConfig(contentDir)).config;
  const clean = options.clean ?? true;
  const key = recordKey([
    COMPILER_VERSION.version,
    contentDir,
    outDir,
    clean,
    options.failOnError !== false,
    options.defaultLocale ?? null,
    options.includeDrafts === true,
    config,
  ]);
  const snapshot = await snapshotContent(contentDir);
  const warn = options.cache?.warn ?? (() => {});
  const found = await findValidRecord(dir, contentDir, key, snapshot, outDir, clean, warn);
  if (!found) {
    const stateOf = (path: string) => snapshot.files.get(`content:${path}`);
    const stored = await readStoredCatalog(dir, COMPILER_VERSION.version, warn);
    // Restored once the files are read (an entry is reused only with the text it was read from).
    const catalog = stored && { stored, stateOf };
    return { dir, key, snapshot, config, stateOf, catalog };
  }
  const { record, manifest, manifestText } = found;
  options.onProgress?.({ done: record.rendered, total: record.rendered, cached: record.rendered });
  const result: CompileResult = {
    outDir,
    manifest,
    files: lazyOutputFiles(outDir, record.outputs, manifestText),
    articleCount: record.articleCount,
    locales: manifest.locales.map((l) => l.locale),
    diagnostics: record.diagnostics,
    rendered: { fresh: 0, cached: record.rendered },
    upToDate: true,
  };
  return { result };
}

/** Forget what this build did not use (so the cache tracks one KB) and write it. */
async function saveCache(cache: RenderCache | undefined): Promise<void> {
  cache?.prune();
  await cache?.save();
}

async function readContent(options: CompileOptions, config: PortholeConfig): Promise<ContentFiles> {
  const read = {
    ignore: (config.ignore ?? []).map(globToRegExp),
    ...(config.maxArticleSize ? { maxSize: config.maxArticleSize } : {}),
  };
  if (options.sources) return readContentSources(options.sources, options.contentDir, read);
  const memo = options.cache?.memo?.reads;
  if (options.contentDir)
    return readContentFolder(options.contentDir, memo ? { ...read, memo } : read);
  throw new TypeError('compileKnowledgeBase needs `contentDir` or `sources`.');
}

async function analyzeKnowledgeBase(
  options: CompileOptions,
  checkDrafts: boolean,
  stored?: { stored: StoredCatalog; stateOf: (path: string) => string | undefined },
): Promise<Analysis> {
  const config =
    options.config ??
    (options.contentDir && !options.sources ? (await loadConfig(options.contentDir)).config : {});
  const requested = options.defaultLocale ?? config.defaultLocale ?? 'en';
  const requestedDefault = readLocaleCode(requested);
  if (!requestedDefault)
    throw new TypeError(`defaultLocale "${requested}" is not a language code like en or pt-BR.`);
  const content = await readContent(options, config);
  const diagnostics: Diagnostic[] = [];
  const report = (
    file: string,
    at: { line: number; column: number },
    severity: Diagnostic['severity'],
    code: DiagnosticCode,
    message: string,
  ) => {
    diagnostics.push({
      file: content.displayPath(file),
      line: at.line,
      column: at.column,
      severity,
      code,
      message,
    });
  };
  const reportAt = (
    source: SourceFile,
    offset: number,
    severity: Diagnostic['severity'],
    code: DiagnosticCode,
    message: string,
  ) => report(source.path, source.lines.locate(offset), severity, code, message);

  for (const { path, reason, tooLarge } of content.unreadable) {
    report(
      path,
      { line: 1, column: 1 },
      'error',
      tooLarge ? 'article-too-large' : 'unreadable-file',
      `${path} ${reason}`,
    );
  }
  for (const path of content.paths) {
    if (SUSPICIOUS_NAME.test(path)) {
      const shown = JSON.stringify(path)
        .slice(1, -1)
        .replace(
          /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
          (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
        );
      report(
        path,
        { line: 1, column: 1 },
        'warning',
        'suspicious-file-name',
        `the file name "${shown}" contains control or text-direction characters that can disguise it; rename it`,
      );
    }
  }

  // Phase 1: front matter, locale and slug of every file, so links can be resolved.
  const catalogMemo =
    options.cache?.memo?.catalog ??
    (stored
      ? restoreCatalog(stored.stored, content.markdown, stored.stateOf)
      : { options: '', files: new Map<string, SourceFile>() });
  const catalog = buildCatalog(
    content.markdown,
    content.paths,
    { defaultLocale: requestedDefault, includeDrafts: options.includeDrafts === true },
    options.sources ? undefined : catalogMemo,
  );
  for (const source of catalog.files) {
    for (const p of source.frontMatterProblems)
      reportAt(source, p.offset, p.severity, p.code, p.message);
    if (source.localeConflict) {
      const { declared, folder } = source.localeConflict;
      reportAt(
        source,
        source.keyOffsets.get('locale') ?? 0,
        'warning',
        'locale-mismatch',
        `front matter says locale "${declared}" but the file is in the "${folder}" folder; the folder wins`,
      );
    }
  }
  checkDuplicateSlugs(catalog, reportAt);

  // Phase 2: render (in workers, from the cache when unchanged).
  const sources = catalog.files.filter(
    (s) => s.frontMatter && (s.published || s.partial || checkDrafts),
  );
  const { results, fresh, cached } = await renderAll(sources, catalog, options);

  // Phase 3: links, titles and checks across articles.
  const once = new Map<string, { diagnostic: Diagnostic; uses: number; files: Set<string> }>();
  const built: BuiltArticle[] = [];
  const assets = new Map<string, Uint8Array>();
  const staticStates = new Map<string, string>();
  const assetUrl = createAssetStore(content, config, assets, staticStates);
  const anchorsOf = new Map<SourceFile, RenderedArticle>();
  for (const [i, source] of sources.entries()) anchorsOf.set(source, results[i] as RenderedArticle);
  const memo = options.sources ? undefined : options.cache?.memo?.rebuild;
  if (memo)
    startLinks(
      memo,
      content.paths,
      catalog.files,
      JSON.stringify([config.siteBase, config.staticDir]),
    );
  for (const [i, source] of sources.entries()) {
    const rendered = results[i] as RenderedArticle;
    for (const problem of rendered.problems) {
      const diagnostic: Diagnostic = {
        file: content.displayPath(source.path),
        line: problem.line,
        column: problem.column,
        severity: problem.severity,
        code: problem.code,
        message: problem.message,
      };
      if (!problem.onceKey) diagnostics.push(diagnostic);
      else {
        const entry = once.get(problem.onceKey) ?? {
          diagnostic,
          uses: 0,
          files: new Set<string>(),
        };
        entry.uses++;
        entry.files.add(source.path);
        once.set(problem.onceKey, entry);
      }
    }
    if (rendered.failed) continue;
    const reused =
      memo &&
      reusedLinks(
        memo,
        source,
        rendered,
        (file) => anchorsOf.get(file),
        assetUrl.get,
        assetUrl.hasStatic,
      );
    let linked = reused instanceof Promise ? await reused : reused;
    if (!linked) {
      linked = await linkArticle(source, rendered, catalog, config.siteBase, assetUrl, anchorsOf);
      if (memo) rememberLinks(memo, source, rendered, linked);
    }
    for (const { at, severity, code, message } of linked.problems)
      report(source.path, at, severity, code, message);
    if (source.partial || !source.frontMatter) continue;
    const title = source.frontMatter.title ?? rendered.leadingTitle ?? source.nameTitle;
    const { html, snippets } = linked;
    if (!rendered.intro && rendered.sections.every((s) => !s.text) && !html.includes('<img')) {
      reportAt(source, source.bodyOffset, 'warning', 'empty-article', 'the article has no text');
    }
    if (source.published && rendered.terms && rendered.snippets)
      built.push({
        source,
        frontMatter: source.frontMatter,
        title,
        html,
        sections: rendered.sections,
        terms: rendered.terms,
        snippets: snippets ?? rendered.snippets,
      });
  }
  for (const { diagnostic, uses, files } of once.values()) {
    diagnostics.push(
      uses > 1
        ? {
            ...diagnostic,
            message: `${diagnostic.message} (used ${uses} times in ${files.size} file${files.size === 1 ? '' : 's'}; reported once)`,
          }
        : diagnostic,
    );
  }

  const localesWithArticles = [...new Set(built.map((b) => b.source.locale))].sort();
  const defaultLocale = localesWithArticles.includes(requestedDefault)
    ? requestedDefault
    : (localesWithArticles[0] ?? requestedDefault);
  checkTranslations(built, localesWithArticles, defaultLocale, reportAt);
  const synonyms = await readSynonymsFiles(localesWithArticles, content.readAsset, (path, text) => {
    const lines = createLineIndex(text);
    return (offset, message) =>
      report(path, lines.locate(offset), 'warning', 'invalid-synonyms', message);
  });
  // Only asked for with configured severities (joining 9,739 paths took 20 ms per rebuild).
  let pathOf: Map<string, string> | undefined;
  const finalDiagnostics = sortDiagnostics(
    applySeverities(diagnostics, config, (d) => {
      pathOf ??= new Map(catalog.files.map((f) => [content.displayPath(f.path), f.path]));
      return pathOf.get(d.file) ?? d.file;
    }),
  );
  return {
    articles: built,
    assets,
    diagnostics: finalDiagnostics,
    defaultLocale,
    redirects: collectRedirects(built, config),
    synonyms,
    rendered: { fresh, cached },
    staticStates,
    markdown: content.markdown,
    catalog: options.sources ? undefined : catalogMemo,
  };
}

/** Resolve `source`'s references against the catalog and write them into its HTML. */
async function linkArticle(
  source: SourceFile,
  rendered: RenderedArticle,
  catalog: Catalog,
  siteBase: string | undefined,
  assetUrl: AssetStore,
  anchorsOf: ReadonlyMap<SourceFile, RenderedArticle>,
): Promise<LinkedArticle> {
  const linked: LinkedArticle = {
    html: '',
    snippets: undefined,
    problems: [],
    anchors: [],
    assets: [],
    statics: [],
  };
  const hasStatic = (path: string) => {
    const found = assetUrl.hasStatic(path);
    linked.statics.push([path, found]);
    return found;
  };
  const replacements: Replacement[] = [];
  for (const reference of rendered.references) {
    const { resolution, problem } = resolveReference(reference, source, catalog, {
      siteBase,
      hasStatic,
    });
    const at = { line: reference.line ?? 1, column: reference.column ?? 1 };
    // An included file's problems are reported where that file itself is checked.
    const report = (p: LinkedArticle['problems'][number]) => {
      if (!reference.from) linked.problems.push(p);
    };
    if (problem) report({ at, ...problem });
    if (resolution.type === 'article' && resolution.section) {
      const target = anchorsOf.get(resolution.target);
      linked.anchors.push([resolution.target, target]);
      // The id a `#fragment` means (a custom id's heading text counts), or undefined.
      const found =
        !target || target.anchors.includes(resolution.section)
          ? resolution.section
          : target.headingAliases[resolution.section];
      if (found === undefined) {
        const hint = suggestAnchor(resolution.section, target?.anchors ?? []);
        const message = `"${reference.raw}": ${resolution.target.path} has no heading "#${resolution.section}"${hint}`;
        report({ at, severity: 'warning', code: 'missing-anchor', message });
      }
      resolution.section = found;
    }
    let url: string | undefined;
    if (resolution.type === 'asset') {
      url = await assetUrl.get(resolution.path, resolution.fromStatic);
      linked.assets.push({ path: resolution.path, fromStatic: resolution.fromStatic, url });
      if (!url) {
        const message = `missing file "${reference.raw}"`;
        report({ at, severity: 'warning', code: 'missing-asset', message });
      }
    }
    const sameLocale = resolution.type !== 'article' || resolution.target.locale === source.locale;
    replacements.push(replacementFor(resolution, reference.kind, url, sameLocale));
  }
  linked.html = fillReferences(rendered.html, rendered.refKey, replacements);
  // A [[wikilink]] to no note became text again: take the snippets from the final HTML.
  if (rendered.snippets && replacements.some((r) => 'text' in r))
    linked.snippets = snippetTexts(linked.html, [
      rendered.intro,
      ...rendered.sections.map((s) => s.text),
    ]);
  return linked;
}

function suggestAnchor(id: string, anchors: readonly string[]): string {
  const near = suggest(id, anchors);
  return near === undefined ? '' : ` (did you mean "#${near}"?)`;
}

type ReportAt = (
  source: SourceFile,
  offset: number,
  severity: Diagnostic['severity'],
  code: DiagnosticCode,
  message: string,
) => void;

function checkDuplicateSlugs(catalog: Catalog, reportAt: ReportAt): void {
  const owners = new Map<string, SourceFile>();
  for (const source of catalog.files) {
    if (!source.published) continue;
    const key = `${source.locale}\u0000${source.slug}`;
    const owner = owners.get(key);
    if (owner) {
      reportAt(
        source,
        source.keyOffsets.get('slug') ?? 0,
        'error',
        'duplicate-slug',
        `duplicate slug "${source.slug}" in locale ${source.locale}: ${owner.path} has it too`,
      );
    } else owners.set(key, source);
  }
}

async function renderAll(sources: readonly SourceFile[], catalog: Catalog, options: CheckOptions) {
  const jobOf = (source: SourceFile): RenderJob => {
    const includes = findIncludes(source, catalog);
    return {
      path: source.path,
      text: source.text,
      bodyOffset: source.bodyOffset,
      title: source.frontMatter?.title,
      ...(includes ? { includes } : {}),
      ...(source.published &&
        source.frontMatter && {
          index: {
            nameTitle: source.nameTitle,
            description: source.frontMatter.description,
            category: source.frontMatter.category,
            tags: source.frontMatter.tags,
            keywords: source.frontMatter.keywords,
          },
        }),
    };
  };
  const memo = options.sources ? undefined : options.cache?.memo?.rebuild;
  const jobs: (RenderJob | undefined)[] = new Array(sources.length);
  const results: (RenderedArticle | undefined)[] = new Array(sources.length);
  const keys: string[] = [];
  const pending: number[] = [];
  for (const [i, source] of sources.entries()) {
    // Without includes a job is made of its file alone, so its key is too: in watch mode it
    // is known from the last build, and the job is made only if the article is rendered.
    let key = memo?.renderKeys.get(source);
    if (key === undefined) {
      const job = (jobs[i] = jobOf(source));
      if (options.cache) key = cacheKey(job, COMPILER_VERSION.version);
      if (key !== undefined && !job.includes) memo?.renderKeys.set(source, key);
    }
    keys.push(key ?? '');
    const hit = key === undefined ? undefined : options.cache?.get(key);
    if (hit) results[i] = hit;
    else pending.push(i);
  }
  const cached = sources.length - pending.length;
  let done = cached;
  options.onProgress?.({ done, total: sources.length, cached });
  const workers =
    pending.length >= WORKER_THRESHOLD ? (options.workers ?? defaultWorkerCount()) : 0;
  const host = createRenderHost(workers);
  try {
    await host.render(
      pending.map((i) => (jobs[i] ??= jobOf(sources[i] as SourceFile))),
      (k, result) => {
        const i = pending[k] ?? 0;
        results[i] = result;
        if (!result.failed) options.cache?.set(keys[i] ?? '', result);
        options.onProgress?.({ done: ++done, total: sources.length, cached });
      },
    );
  } finally {
    await host.close();
  }
  return { results, fresh: pending.length, cached };
}

type AssetStore = ReturnType<typeof createAssetStore>;

/** Asset files by content path (or static path): read once, named by their content hash. */
function createAssetStore(
  content: ContentFiles,
  config: PortholeConfig,
  assets: Map<string, Uint8Array>,
  staticStates: Map<string, string>,
) {
  const urls = new Map<string, Promise<string | undefined>>();
  const staticDir = config.staticDir;
  /** Before it is looked at, for the build record: a later build compares the file with this. */
  const noteStatic = (path: string) => {
    const full = join(staticDir ?? '', path);
    if (!staticStates.has(`static:${full}`)) staticStates.set(`static:${full}`, fileState(full));
    return full;
  };
  return {
    hasStatic: (path: string) =>
      staticDir !== undefined && !path.split('/').includes('..') && existsSync(noteStatic(path)),
    get(path: string, fromStatic: boolean): Promise<string | undefined> {
      const key = `${fromStatic ? 'static' : 'content'}:${path}`;
      let url = urls.get(key);
      if (!url) {
        url = (async () => {
          const bytes =
            fromStatic && staticDir
              ? new Uint8Array(await readFile(noteStatic(path)))
              : await content.readAsset(path);
          if (!bytes) return undefined;
          const name = `assets/${hash(bytes, 16)}${extensionOf(path)}`;
          assets.set(name, bytes);
          return name;
        })();
        urls.set(key, url);
      }
      return url;
    },
  };
}

/**
 * Translations: articles with the same `translationKey`, or, without one, the same path under
 * their locale folders (`en/billing/refunds.md` and `hr/billing/refunds.md`).
 */
function translationKeyOf(article: BuiltArticle): string {
  let key = translationKeys.get(article.source);
  if (key === undefined) {
    key =
      article.frontMatter.translationKey ??
      `\u0000path:${article.source.localPath.replace(/\.(?:md|markdown|mdx)$/i, '')}`;
    translationKeys.set(article.source, key);
  }
  return key;
}
/** By catalog entry (the same object from build to build in watch mode). */
const translationKeys = new WeakMap<SourceFile, string>();

function checkTranslations(
  built: BuiltArticle[],
  locales: string[],
  defaultLocale: string,
  reportAt: ReportAt,
): void {
  const groups = new Map<string, BuiltArticle[]>();
  for (const article of built) {
    const key = article.frontMatter.translationKey;
    if (key === undefined) continue;
    const group = groups.get(key) ?? [];
    const twin = group.find((other) => other.source.locale === article.source.locale);
    if (twin) {
      reportAt(
        article.source,
        article.source.keyOffsets.get('translationKey') ?? 0,
        'warning',
        'duplicate-translation',
        `translationKey "${key}" is also used by ${twin.source.path} in the same locale`,
      );
      continue;
    }
    group.push(article);
    groups.set(key, group);
  }
  if (locales.length < 2) return;
  for (const [key, group] of groups) {
    const missing = locales.filter((l) => !group.some((a) => a.source.locale === l));
    if (missing.length === 0) continue;
    const main = group.find((a) => a.source.locale === defaultLocale) ?? group[0];
    if (!main) continue;
    reportAt(
      main.source,
      main.source.keyOffsets.get('translationKey') ?? 0,
      'warning',
      'untranslated',
      `translationKey "${key}" has no ${missing.join(', ')} version`,
    );
  }
}

/** `aliases` and `redirect_from` as slugs, per locale: old slug → current slug. */
function collectRedirects(
  built: BuiltArticle[],
  config: PortholeConfig,
): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  if (built.every((a) => a.frontMatter.aliases.length === 0)) return out;
  const taken = new Set(built.map((a) => `${a.source.locale}\u0000${a.source.slug}`));
  const base = config.siteBase ?? '/';
  for (const article of built) {
    for (const alias of article.frontMatter.aliases) {
      const path = alias.startsWith(base) ? alias.slice(base.length) : alias;
      const slug = path.replace(/^\/+|\/+$/g, '').replace(/\.(?:md|mdx|html?)$/i, '');
      if (!slug || taken.has(`${article.source.locale}\u0000${slug}`)) continue;
      const map = out.get(article.source.locale) ?? {};
      map[slug] ??= article.source.slug;
      out.set(article.source.locale, map);
    }
  }
  return out;
}

function assembleOutput(
  analysis: Analysis,
  cache: RenderCache | undefined,
  outDir: string | undefined,
): {
  manifest: ManifestFile;
  files: Record<string, string | Uint8Array>;
} {
  const files: Record<string, string | Uint8Array> = {};
  const { articles, defaultLocale } = analysis;
  const memo = cache?.memo?.rebuild;
  const locales = [...new Set(articles.map((a) => a.source.locale))].sort((a, b) =>
    a === defaultLocale ? -1 : b === defaultLocale ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );

  const translations = new Map<string, Record<string, string>>();
  for (const article of articles) {
    const key = translationKeyOf(article);
    const map = translations.get(key) ?? {};
    map[article.source.locale] ??= article.source.slug;
    translations.set(key, map);
  }

  const entries: ManifestLocale[] = locales.map((locale) => {
    const list = sortArticles(
      articles.filter((a) => a.source.locale === locale),
      locale,
      memo,
    );
    const summaries = list.map((article) => {
      const group = translations.get(translationKeyOf(article)) ?? {};
      // Most articles have no translation: no copy of their group to leave themselves out of.
      const others =
        Object.keys(group).length === 1 && article.source.locale in group
          ? {}
          : Object.fromEntries(Object.entries(group).filter(([l]) => l !== article.source.locale));
      const { file, json, summary } = articleFile(article, others, memo);
      files[file] = json;
      return { summary, file };
    });
    const index = cachedSearchIndex(
      {
        locale,
        articles: list.map((a, i) => ({
          sections: a.sections,
          file: summaries[i]?.file ?? '',
          terms: a.terms,
          snippets: a.snippets,
        })),
        synonyms: analysis.synonyms.get(locale) ?? [],
      },
      cache,
      outDir,
    );
    // Descriptors, not values: index files found in the output folder are read only if asked for.
    Object.defineProperties(files, Object.getOwnPropertyDescriptors(index.files));
    const redirects = analysis.redirects.get(locale);
    return {
      locale,
      index: index.root,
      articles: summaries.map(({ summary }) => manifestArticle(summary)),
      ...(redirects ? { redirects } : {}),
    };
  });

  for (const [url, bytes] of analysis.assets) files[url] = bytes;
  const manifest: ManifestFile = {
    format: FORMAT_VERSION,
    generator: GENERATOR,
    defaultLocale,
    locales: entries,
  };
  files[MANIFEST_FILE] = JSON.stringify(manifest);
  return { manifest, files };
}

/**
 * A locale's articles in manifest order: by `order`, title and slug. In watch mode the last
 * build's order is kept when each article still sorts before the next (a strict order has one
 * sorted arrangement), so a rebuild compares the neighbours of changed articles instead of
 * sorting again: collating 9,739 titles was ~50 ms per rebuild.
 */
function sortArticles(
  list: BuiltArticle[],
  locale: string,
  memo: RebuildMemo | undefined,
): BuiltArticle[] {
  const collator = new Intl.Collator(locale);
  const compare = (a: BuiltArticle, b: BuiltArticle) =>
    (a.frontMatter.order ?? Infinity) - (b.frontMatter.order ?? Infinity) ||
    collator.compare(a.title, b.title) ||
    (a.source.slug < b.source.slug ? -1 : 1);
  const last = memo?.order.get(locale);
  let sorted: BuiltArticle[] | undefined;
  if (last?.paths.length === list.length) {
    const byPath = new Map(list.map((a) => [a.source.path, a]));
    const kept = last.paths.flatMap((path) => byPath.get(path) ?? []);
    /** Sorts as it did in the last build, where it was checked to sort before its successor. */
    const same = (i: number) => {
      const article = kept[i] as BuiltArticle;
      return (
        last.strict &&
        article.title === last.titles[i] &&
        article.frontMatter.order === last.orders[i] &&
        article.source.slug === last.slugs[i]
      );
    };
    const holds = (a: BuiltArticle, i: number) =>
      i === 0 || (same(i - 1) && same(i)) || compare(kept[i - 1] as BuiltArticle, a) < 0;
    if (kept.length === list.length && kept.every(holds)) sorted = kept;
  }
  const strict = sorted !== undefined;
  sorted ??= list.sort(compare);
  memo?.order.set(locale, {
    paths: sorted.map((a) => a.source.path),
    titles: sorted.map((a) => a.title),
    orders: sorted.map((a) => a.frontMatter.order),
    slugs: sorted.map((a) => a.source.slug),
    // Checked pair by pair above; a fresh sort is checked by the next build.
    strict,
  });
  return sorted;
}

/**
 * An article's body file (its name: a hash of its locale and slug, and of its content) and its
 * summary. In watch mode taken from the last build while the article is unchanged: the summary
 * is made of its catalog entry and title; its HTML, sections and translations are compared.
 */
function articleFile(
  article: BuiltArticle,
  translations: Record<string, string>,
  memo: RebuildMemo | undefined,
): ArticleFileEntry {
  const known = memo?.articleFiles.get(article.source);
  const translationsKey = memo ? JSON.stringify(translations) : '';
  if (
    known &&
    known.html === article.html &&
    known.title === article.title &&
    known.sections === article.sections &&
    known.translations === translationsKey
  )
    return known;
  const { source, frontMatter, title } = article;
  const summary: ArticleSummary = {
    slug: source.slug,
    locale: source.locale,
    title,
    ...(frontMatter.description !== undefined && { description: frontMatter.description }),
    ...(frontMatter.category !== undefined && { category: frontMatter.category }),
    tags: frontMatter.tags,
    ...(frontMatter.order !== undefined && { order: frontMatter.order }),
    ...(frontMatter.updated !== undefined && { updated: frontMatter.updated }),
    ...(frontMatter.translationKey !== undefined && {
      translationKey: frontMatter.translationKey,
    }),
    pages: frontMatter.pages,
  };
  const sections = article.sections.map(({ id, title, level }) => ({ id, title, level }));
  const body: ArticleFile = { ...summary, sections, html: article.html, translations };
  const json = JSON.stringify(body);
  const file = `articles/${hash(`${source.locale}\u0000${source.slug}`, 12)}.${hash(json, 8)}.json`;
  const entry: ArticleFileEntry = {
    html: article.html,
    title,
    sections: article.sections,
    translations: translationsKey,
    summary,
    file,
    json,
  };
  memo?.articleFiles.set(source, entry);
  return entry;
}

/** An article's manifest entry, once per summary (watch builds reuse unchanged summaries). */
function manifestArticle(summary: ArticleSummary): ManifestArticle {
  let entry = manifestArticles.get(summary);
  if (!entry) {
    entry = toManifestArticle(summary);
    manifestArticles.set(summary, entry);
  }
  return entry;
}
const manifestArticles = new WeakMap<ArticleSummary, ManifestArticle>();

/** The locale's search index from the cache when nothing it is built from changed. */
function cachedSearchIndex(
  input: SearchIndexInput,
  cache: RenderCache | undefined,
  outDir: string | undefined,
) {
  if (!cache) return buildSearchIndex(input);
  const key = indexCacheKey(input, COMPILER_VERSION.version);
  const hit = cache.getIndex(key, outDir);
  if (hit) return hit;
  const index = buildSearchIndex(input, cache.memo?.index);
  cache.setIndex(key, index);
  return index;
}

async function writeOutput(
  outDir: string,
  files: Record<string, string | Uint8Array>,
  clean: boolean,
): Promise<void> {
  // New files first (their names are content hashes, so one that exists is already right), the
  // manifest last and atomically, then the stale files: a visitor loading the KB during a
  // deploy sees the old or the new one.
  const existing = new Set<string>();
  for (const folder of OUTPUT_FOLDERS) {
    for (const name of await readdir(join(outDir, folder)).catch(() => [] as string[]))
      existing.add(`${folder}/${name}`);
  }
  // By name: the contents of files already there (read lazily from a cache) are never needed.
  const fresh = Object.keys(files).filter((path) => path !== MANIFEST_FILE && !existing.has(path));
  for (const folder of new Set(fresh.map((path) => dirname(join(outDir, path)))))
    await mkdir(folder, { recursive: true });
  await inParallel(fresh, (path) => writeFile(join(outDir, path), files[path] ?? ''));
  const temporary = join(outDir, `.${MANIFEST_FILE}.${process.pid}.tmp`);
  await mkdir(outDir, { recursive: true });
  await writeFile(temporary, files[MANIFEST_FILE] ?? '');
  await rename(temporary, join(outDir, MANIFEST_FILE));
  if (!clean) return;
  const stale = [...existing].filter((path) => !Object.hasOwn(files, path));
  await inParallel(stale, (path) => rm(join(outDir, path), { recursive: true, force: true }));
}

/**
 * `task` for every item, a few at a time: one at a time, 14,000 small files waited on the
 * file system one by one at the end of a build, while the other core had nothing to do.
 */
async function inParallel<T>(items: readonly T[], task: (item: T) => Promise<unknown>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: 8 }, lane));
}

function hash(content: string | Uint8Array, length: number): string {
  return createHash('sha256').update(content).digest('hex').slice(0, length);
}

function extensionOf(path: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(path);
  return match?.[1] ? `.${match[1].toLowerCase()}` : '';
}
