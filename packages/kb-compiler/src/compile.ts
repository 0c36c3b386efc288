import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  FORMAT_VERSION,
  MANIFEST_FILE,
  type ArticleFile,
  type ManifestFile,
  type ManifestLocale,
} from '@porthole/kb/format';
import type { ArticleSummary } from '@porthole/kb';
import { slug as slugify } from 'github-slugger';
import {
  CompileError,
  createLineIndex,
  sortDiagnostics,
  type Diagnostic,
  type DiagnosticCode,
  type LineIndex,
} from './diagnostics.js';
import { parseFrontMatter, type FrontMatter } from './front-matter.js';
import {
  createRenderer,
  safeDecode,
  type Reference,
  type RenderedArticle,
  type Rewrite,
} from './render.js';
import { buildSearchIndex, toManifestArticle } from './index/build.js';
import { readSynonymsFiles, type LocaleSynonyms } from './index/synonyms-files.js';
import {
  readContentFolder,
  readContentSources,
  readLocaleCode,
  type ContentFiles,
  type ContentSource,
} from './sources.js';

export interface CheckOptions {
  /**
   * Locale of articles that are neither in a locale folder (`content/<locale>/…`) nor have a
   * `locale` in their front matter.
   * @default 'en'
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
  /** Warnings (a build with errors throws a `CompileError` instead). */
  diagnostics: Diagnostic[];
}

interface SourceArticle {
  path: string;
  text: string;
  lines: LineIndex;
  bodyOffset: number;
  keyOffsets: ReadonlyMap<string, number>;
  frontMatter: FrontMatter | undefined;
  locale: string;
  slug: string;
  draft: boolean;
  published: boolean;
}

interface BuiltArticle {
  source: SourceArticle;
  frontMatter: FrontMatter;
  title: string;
  rendered: RenderedArticle;
}

interface Analysis {
  articles: BuiltArticle[];
  assets: Map<string, Uint8Array>;
  diagnostics: Diagnostic[];
  defaultLocale: string;
  synonyms: LocaleSynonyms;
}

const GENERATOR = '@porthole/kb-compiler';
const OUTPUT_FOLDERS = ['index', 'articles', 'assets'] as const;

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
  const analysis = await analyzeKnowledgeBase(options, false);
  if (analysis.diagnostics.some((d) => d.severity === 'error')) {
    throw new CompileError(analysis.diagnostics);
  }
  const { manifest, files } = assembleOutput(analysis);
  if (options.outDir) await writeOutput(options.outDir, files, options.clean ?? true);
  return {
    outDir: options.outDir,
    manifest,
    files,
    articleCount: analysis.articles.length,
    locales: manifest.locales.map((l) => l.locale),
    diagnostics: analysis.diagnostics,
  };
}

/**
 * Check a content folder without writing anything: every diagnostic (errors and warnings) of
 * every article, drafts included, in file order.
 */
export async function checkKnowledgeBase(
  contentDir: string,
  options: CheckOptions = {},
): Promise<Diagnostic[]> {
  return (await analyzeKnowledgeBase({ ...options, contentDir }, true)).diagnostics;
}

async function analyzeKnowledgeBase(
  options: CompileOptions,
  checkDrafts: boolean,
): Promise<Analysis> {
  const requestedDefault = readLocaleCode(options.defaultLocale ?? 'en');
  if (!requestedDefault) {
    throw new TypeError(
      `defaultLocale "${options.defaultLocale}" is not a language code like en or pt-BR.`,
    );
  }
  let content: ContentFiles;
  if (options.sources) content = readContentSources(options.sources, options.contentDir);
  else if (options.contentDir) content = await readContentFolder(options.contentDir);
  else throw new TypeError('compileKnowledgeBase needs `contentDir` or `sources`.');

  const diagnostics: Diagnostic[] = [];
  const report = (
    article: Pick<SourceArticle, 'path' | 'lines'>,
    offset: number,
    severity: Diagnostic['severity'],
    code: DiagnosticCode,
    message: string,
  ) => {
    const { line, column } = article.lines.locate(offset);
    diagnostics.push({
      file: content.displayPath(article.path),
      line,
      column,
      severity,
      code,
      message,
    });
  };

  for (const { path, reason } of content.unreadable) {
    diagnostics.push({
      file: content.displayPath(path),
      line: 1,
      column: 1,
      severity: 'error',
      code: 'unreadable-file',
      message: `${path} ${reason}`,
    });
  }

  // Phase 1: front matter, locale and slug of every file, so links can be resolved.
  const sources: SourceArticle[] = content.markdown.map(({ path, text }) => {
    const lines = createLineIndex(text);
    const parsed = parseFrontMatter(text);
    for (const p of parsed.problems)
      report({ path, lines }, p.offset, p.severity, p.code, p.message);
    const [first = '', ...rest] = path.split('/');
    const folderLocale = rest.length > 0 ? readLocaleCode(first) : undefined;
    const declared = parsed.data?.locale ? readLocaleCode(parsed.data.locale) : undefined;
    if (folderLocale && declared && declared !== folderLocale) {
      report(
        { path, lines },
        parsed.keyOffsets.get('locale') ?? 0,
        'warning',
        'locale-mismatch',
        `front matter says locale "${declared}" but the file is in the "${first}" folder; the folder wins`,
      );
    }
    const locale = folderLocale ?? declared ?? requestedDefault;
    const pathSlug = (folderLocale ? rest.join('/') : path).replace(/\.(?:md|markdown)$/i, '');
    const draft = parsed.data?.draft ?? false;
    return {
      path,
      text,
      lines,
      bodyOffset: parsed.bodyOffset,
      keyOffsets: parsed.keyOffsets,
      frontMatter: parsed.data,
      locale,
      slug: parsed.data?.slug ?? pathSlug,
      draft,
      published: !draft || options.includeDrafts === true,
    };
  });
  const byPath = new Map(sources.map((s) => [s.path, s]));

  const slugOwners = new Map<string, SourceArticle>();
  for (const source of sources) {
    if (!source.published) continue;
    const key = `${source.locale}\u0000${source.slug}`;
    const owner = slugOwners.get(key);
    if (owner) {
      report(
        source,
        source.keyOffsets.get('slug') ?? 0,
        'error',
        'duplicate-slug',
        `duplicate slug "${source.slug}" in locale ${source.locale}: ${owner.path} has it too`,
      );
    } else slugOwners.set(key, source);
  }

  // Phase 2: render.
  const renderer = createRenderer();
  const assets = new Map<string, Uint8Array>();
  const assetUrls = new Map<string, string | undefined>();
  const fragmentChecks: {
    from: SourceArticle;
    offset: number;
    target: SourceArticle;
    id: string;
    raw: string;
  }[] = [];
  const built: BuiltArticle[] = [];

  for (const source of sources) {
    if (!source.frontMatter || !(source.published || checkDrafts)) continue;
    const frontMatter = source.frontMatter;
    const find = createFinder(source.text, source.bodyOffset);
    const folder = source.path.split('/').slice(0, -1).join('/');

    const resolve = async (reference: Reference): Promise<Rewrite> => {
      const offset = find([reference.raw, safeDecode(reference.raw.split('#')[0] ?? '')]);
      const where = reference.raw.length > 60 ? `${reference.raw.slice(0, 60)}…` : reference.raw;
      if (!reference.path) {
        report(
          source,
          offset,
          'warning',
          'missing-asset',
          `"${where}" points outside the content folder`,
        );
        return { type: 'unwrap' };
      }
      const isArticlePath = /\.(?:md|markdown)$/i.test(reference.path);
      const target =
        byPath.get(reference.path) ??
        (/\.[^/]*$/.test(reference.path) ? undefined : byPath.get(`${reference.path}.md`));
      if (reference.kind === 'link' && (isArticlePath || target)) {
        if (!target) {
          report(source, offset, 'error', 'broken-link', `link to a missing article "${where}"`);
          return { type: 'unwrap' };
        }
        if (!target.published) {
          report(
            source,
            offset,
            'warning',
            'link-to-draft',
            `link to "${where}", a draft that is not published; the link is removed`,
          );
          return { type: 'unwrap' };
        }
        const id = reference.fragment
          ? slugify(reference.fragment) || reference.fragment
          : undefined;
        if (id) fragmentChecks.push({ from: source, offset, target, id, raw: where });
        return {
          type: 'article',
          slug: target.slug,
          locale: target.locale,
          section: id,
          sameLocale: target.locale === source.locale,
        };
      }
      let url = assetUrls.get(reference.path);
      if (!assetUrls.has(reference.path)) {
        const bytes = await content.readAsset(reference.path);
        url = bytes ? `assets/${hash(bytes, 16)}${extensionOf(reference.path)}` : undefined;
        if (bytes && url) assets.set(url, bytes);
        assetUrls.set(reference.path, url);
      }
      if (!url) {
        const what = reference.kind === 'embed' ? 'image or media file' : 'file';
        report(source, offset, 'warning', 'missing-asset', `missing ${what} "${where}"`);
        return { type: 'unwrap' };
      }
      return { type: 'asset', url };
    };

    const rendered = await renderer.render(source.text.slice(source.bodyOffset), {
      title: frontMatter.title,
      folder,
      resolve,
    });
    for (const removal of rendered.removed) {
      report(source, find(removal.needles), 'warning', 'unsafe-html', removal.message);
    }
    const title = frontMatter.title ?? rendered.leadingTitle;
    if (!title) {
      report(
        source,
        0,
        'error',
        'missing-title',
        'missing title: add `title: …` to the front matter (or start the article with a # Heading)',
      );
      continue;
    }
    if (
      !rendered.intro &&
      rendered.sections.every((s) => !s.text) &&
      !rendered.html.includes('<img')
    ) {
      report(source, source.bodyOffset, 'warning', 'empty-article', 'the article has no text');
    }
    if (source.published) built.push({ source, frontMatter, title, rendered });
  }

  // Phase 3: checks across articles.
  const anchorsOf = new Map(built.map((b) => [b.source, b.rendered.anchors]));
  for (const check of fragmentChecks) {
    const anchors = anchorsOf.get(check.target);
    if (anchors && !anchors.has(check.id)) {
      report(
        check.from,
        check.offset,
        'warning',
        'missing-anchor',
        `"${check.raw}": ${check.target.path} has no heading "#${check.id}"`,
      );
    }
  }

  const localesWithArticles = [...new Set(built.map((b) => b.source.locale))].sort();
  const defaultLocale = localesWithArticles.includes(requestedDefault)
    ? requestedDefault
    : (localesWithArticles[0] ?? requestedDefault);
  const translationGroups = new Map<string, BuiltArticle[]>();
  for (const article of built) {
    const key = article.frontMatter.translationKey;
    if (key === undefined) continue;
    const group = translationGroups.get(key) ?? [];
    const twin = group.find((other) => other.source.locale === article.source.locale);
    if (twin) {
      report(
        article.source,
        article.source.keyOffsets.get('translationKey') ?? 0,
        'warning',
        'duplicate-translation',
        `translationKey "${key}" is also used by ${twin.source.path} in the same locale`,
      );
      continue;
    }
    group.push(article);
    translationGroups.set(key, group);
  }
  if (localesWithArticles.length > 1) {
    for (const [key, group] of translationGroups) {
      const missing = localesWithArticles.filter((l) => !group.some((a) => a.source.locale === l));
      if (missing.length === 0) continue;
      const main = group.find((a) => a.source.locale === defaultLocale) ?? group[0];
      if (!main) continue;
      report(
        main.source,
        main.source.keyOffsets.get('translationKey') ?? 0,
        'warning',
        'untranslated',
        `translationKey "${key}" has no ${missing.join(', ')} version`,
      );
    }
  }

  const synonyms = await readSynonymsFiles(localesWithArticles, content.readAsset, (path, text) => {
    const lines = createLineIndex(text);
    return (offset, message) =>
      report({ path, lines }, offset, 'warning', 'invalid-synonyms', message);
  });

  return {
    articles: built,
    assets,
    diagnostics: sortDiagnostics(diagnostics),
    defaultLocale,
    synonyms,
  };
}

/**
 * Locate text in an article's source for diagnostics: the n-th lookup of the same needle finds
 * its n-th occurrence after the front matter (links are looked up in document order).
 */
function createFinder(text: string, from: number): (needles: string[]) => number {
  const seen = new Map<string, number>();
  const lower = text.toLowerCase();
  return (needles) => {
    for (const needle of needles) {
      if (!needle) continue;
      const wanted = needle.toLowerCase();
      const count = seen.get(wanted) ?? 0;
      let at = from - 1;
      for (let i = 0; i <= count; i++) {
        const next = lower.indexOf(wanted, at + 1);
        if (next === -1) break;
        at = next;
      }
      if (at >= from) {
        seen.set(wanted, count + 1);
        return at;
      }
    }
    return from;
  };
}

function assembleOutput(analysis: Analysis): {
  manifest: ManifestFile;
  files: Record<string, string | Uint8Array>;
} {
  const files: Record<string, string | Uint8Array> = {};
  const { articles, defaultLocale } = analysis;
  const locales = [...new Set(articles.map((a) => a.source.locale))].sort((a, b) =>
    a === defaultLocale ? -1 : b === defaultLocale ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );

  const translations = new Map<string, Record<string, string>>();
  for (const article of articles) {
    const key = article.frontMatter.translationKey;
    if (key === undefined) continue;
    const map = translations.get(key) ?? {};
    map[article.source.locale] ??= article.source.slug;
    translations.set(key, map);
  }

  const entries: ManifestLocale[] = locales.map((locale) => {
    const collator = new Intl.Collator(locale);
    const list = articles
      .filter((a) => a.source.locale === locale)
      .sort(
        (a, b) =>
          (a.frontMatter.order ?? Infinity) - (b.frontMatter.order ?? Infinity) ||
          collator.compare(a.title, b.title) ||
          (a.source.slug < b.source.slug ? -1 : 1),
      );
    const summaries = list.map((article) => {
      const { source, frontMatter, title, rendered } = article;
      const others = Object.fromEntries(
        Object.entries(translations.get(frontMatter.translationKey ?? '') ?? {}).filter(
          ([locale]) => locale !== source.locale,
        ),
      );
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
      const sections = rendered.sections.map(({ id, title: heading, level }) => ({
        id,
        title: heading,
        level,
      }));
      const body: ArticleFile = { ...summary, sections, html: rendered.html, translations: others };
      const json = JSON.stringify(body);
      const file = `articles/${hash(`${source.locale}\u0000${source.slug}`, 12)}.${hash(json, 8)}.json`;
      files[file] = json;
      return { summary, file };
    });
    const index = buildSearchIndex({
      locale,
      articles: list.map((a, i) => ({
        title: a.title,
        description: a.frontMatter.description,
        category: a.frontMatter.category,
        tags: a.frontMatter.tags,
        keywords: a.frontMatter.keywords,
        intro: a.rendered.intro,
        sections: a.rendered.sections,
        file: summaries[i]?.file ?? '',
        html: a.rendered.html,
      })),
      synonyms: analysis.synonyms.get(locale) ?? [],
    });
    Object.assign(files, index.files);
    return {
      locale,
      index: index.root,
      articles: summaries.map(({ summary }) => toManifestArticle(summary)),
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

async function writeOutput(
  outDir: string,
  files: Record<string, string | Uint8Array>,
  clean: boolean,
): Promise<void> {
  // New files first (their names are content hashes), the manifest last and atomically, then
  // the stale files: a visitor loading the KB during a deploy sees the old or the new one.
  for (const [path, content] of Object.entries(files)) {
    if (path === MANIFEST_FILE) continue;
    await mkdir(dirname(join(outDir, path)), { recursive: true });
    await writeFile(join(outDir, path), content);
  }
  const temporary = join(outDir, `.${MANIFEST_FILE}.${process.pid}.tmp`);
  await writeFile(temporary, files[MANIFEST_FILE] ?? '');
  await rename(temporary, join(outDir, MANIFEST_FILE));
  if (!clean) return;
  for (const folder of OUTPUT_FOLDERS) {
    const entries = await readdir(join(outDir, folder)).catch(() => [] as string[]);
    for (const name of entries) {
      if (!Object.hasOwn(files, `${folder}/${name}`)) {
        await rm(join(outDir, folder, name), { recursive: true, force: true });
      }
    }
  }
}

function hash(content: string | Uint8Array, length: number): string {
  return createHash('sha256').update(content).digest('hex').slice(0, length);
}

function extensionOf(path: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(path);
  return match?.[1] ? `.${match[1].toLowerCase()}` : '';
}
