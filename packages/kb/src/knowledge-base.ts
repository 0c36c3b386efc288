import { KnowledgeBaseError } from './errors.js';
import { prepareQuery } from './expand.js';
import {
  FORMAT_VERSION,
  MANIFEST_FILE,
  isSafeFilePath,
  type ArticleFile,
  type ManifestArticle,
  type ManifestFile,
  type ManifestLocale,
} from './format.js';
import type { FileLoader } from './loader.js';
import { LocaleIndex } from './locale-index.js';
import {
  buildHit,
  createMatchWeight,
  isConfident,
  searchLocale,
  type LocaleResult,
} from './locale-search.js';
import type { ScoredArticle } from './score.js';
import type {
  Article,
  ArticleSummary,
  KnowledgeBase,
  SearchOptions,
  SearchResults,
} from './types.js';

/** Hits from `alsoLocales` are scored this much lower than hits in the requested locale. */
const OTHER_LOCALE_FACTOR = 0.8;
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

/** Read the manifest through `loader` and return the knowledge base it describes. */
export async function loadKnowledgeBase(loader: FileLoader): Promise<KnowledgeBase> {
  const manifest = readManifest(await loader.readJson(MANIFEST_FILE), loader.name);
  return new CompiledKnowledgeBase(manifest, loader);
}

class CompiledKnowledgeBase implements KnowledgeBase {
  readonly locales: readonly string[];
  readonly defaultLocale: string;
  private readonly entries = new Map<string, ManifestLocale>();
  private readonly summaries = new Map<string, ArticleSummary[]>();
  private readonly indexes = new Map<string, Promise<LocaleIndex>>();
  private readonly bodies = new Map<string, Promise<Article>>();
  private readonly loader: FileLoader;

  constructor(manifest: ManifestFile, loader: FileLoader) {
    this.loader = loader;
    this.defaultLocale = manifest.defaultLocale;
    for (const entry of manifest.locales) {
      this.entries.set(entry.locale, entry);
      this.summaries.set(
        entry.locale,
        entry.articles.map((article) => toSummary(article, entry.locale)),
      );
    }
    this.locales = Object.freeze([
      ...(this.entries.has(manifest.defaultLocale) ? [manifest.defaultLocale] : []),
      ...manifest.locales.map((entry) => entry.locale).filter((l) => l !== manifest.defaultLocale),
    ]);
  }

  resolveLocale(locale?: string): string {
    return matchLocale(locale, this.locales) ?? this.defaultLocale;
  }

  articles(locale?: string): ArticleSummary[] {
    return [...(this.summaries.get(this.resolveLocale(locale)) ?? [])];
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResults> {
    const prepared = prepareQuery(typeof query === 'string' ? query : '');
    if (prepared.tokens.length === 0) return toResults([], false);
    const limit = Math.min(Math.max(Math.floor(options.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
    const main = this.resolveLocale(options.locale);
    const results: { result: LocaleResult; factor: number }[] = [
      { result: await searchLocale(await this.loadIndex(main), prepared, limit), factor: 1 },
    ];
    let confident = isConfident(results[0]?.result.scored[0]);
    // Other locales only for a real word the requested locale does not answer, and only those
    // written in the query's script: a one-letter query never downloads every locale.
    if (!confident && prepared.tokens.some((token) => token.length >= 3)) {
      const script = detectScript(prepared.tokens.join(''));
      const fallbacks = this.listFallbacks(options.alsoLocales, main).filter(
        (locale) => !script || scriptOf(locale) === script,
      );
      for (const locale of fallbacks) {
        const result = await searchLocale(await this.loadIndex(locale), prepared, limit);
        results.push({ result, factor: OTHER_LOCALE_FACTOR });
        if (isConfident(result.scored[0])) {
          confident = true;
          break;
        }
      }
    }
    const minScore = options.minScore ?? 'auto';
    const merged: { result: LocaleResult; scored: ScoredArticle; score: number }[] = [];
    for (const { result, factor } of results) {
      for (const scored of result.scored.slice(0, limit)) {
        if (minScore === 'auto' ? !confident : scored.score * factor < minScore) continue;
        merged.push({ result, scored, score: scored.score * factor });
      }
    }
    // Stable sort: equal scores keep article order (and the requested locale first).
    merged.sort((a, b) => b.score - a.score);
    const shown = merged.slice(0, limit);
    const weights = new Map(
      results.map(({ result }) => [result, createMatchWeight(result.query, result.expansions)]),
    );
    const hits = await Promise.all(
      shown.map(({ result, scored, score }) =>
        buildHit(result, scored, score, weights.get(result) ?? (() => 0)),
      ),
    );
    return toResults(hits, confident);
  }

  async article(slug: string, locale?: string): Promise<Article> {
    const wanted = this.resolveLocale(locale);
    // Without an explicit locale, an article that exists only in another locale is still found.
    const order = locale ? [wanted] : [wanted, ...this.locales.filter((l) => l !== wanted)];
    for (const code of order) {
      const entry = this.entries.get(code);
      const wantedSlug =
        entry?.redirects && Object.hasOwn(entry.redirects, slug) ? entry.redirects[slug] : slug;
      const position = entry?.articles.findIndex((a) => a.slug === wantedSlug) ?? -1;
      if (position >= 0) return this.loadArticle(code, position);
    }
    throw new KnowledgeBaseError('not-found', `No article "${slug}" in locale "${wanted}".`);
  }

  private listFallbacks(also: SearchOptions['alsoLocales'], main: string): string[] {
    const wanted =
      also === 'all' ? this.locales : (also ?? []).map((l) => matchLocale(l, this.locales));
    return [...new Set(wanted)].filter(
      (l): l is string => typeof l === 'string' && l !== main && this.entries.has(l),
    );
  }

  /** The locale's index; concurrent first searches share one load, a failed load is retried. */
  private loadIndex(locale: string): Promise<LocaleIndex> {
    let pending = this.indexes.get(locale);
    const entry = this.entries.get(locale);
    if (!entry)
      return Promise.reject(new KnowledgeBaseError('not-found', `No locale "${locale}".`));
    if (!pending) {
      pending = LocaleIndex.load(entry, this.loader);
      pending.catch(() => this.indexes.delete(locale));
      this.indexes.set(locale, pending);
    }
    return pending;
  }

  private loadArticle(locale: string, position: number): Promise<Article> {
    const key = `${locale}\u0000${position}`;
    let pending = this.bodies.get(key);
    if (!pending) {
      pending = (async () => {
        const { file } = await (await this.loadIndex(locale)).fragment(position);
        const article = readArticleFile(await this.loader.readJson(file), file);
        return { ...article, html: resolveAssetUrls(article.html, this.loader.baseUrl) };
      })();
      pending.catch(() => this.bodies.delete(key));
      this.bodies.set(key, pending);
    }
    return pending;
  }
}

function toResults(hits: SearchResults, confident: boolean): SearchResults {
  hits.confident = confident;
  return hits;
}

const SCRIPTS: [string, RegExp][] = [
  ['Latn', /\p{sc=Latin}/u],
  ['Cyrl', /\p{sc=Cyrillic}/u],
  ['Grek', /\p{sc=Greek}/u],
];

/** The script of the query's first letter that has one we tell apart, if any. */
function detectScript(text: string): string | undefined {
  for (const char of text) {
    for (const [script, pattern] of SCRIPTS) if (pattern.test(char)) return script;
  }
  return undefined;
}

/** The usual script of a locale (`ru` → Cyrl), from the Unicode likely-subtags data in Intl. */
function scriptOf(locale: string): string | undefined {
  try {
    return new Intl.Locale(locale).maximize().script;
  } catch {
    return undefined;
  }
}

function toSummary(article: ManifestArticle, locale: string): ArticleSummary {
  return { ...article, locale, tags: article.tags ?? [], pages: article.pages ?? [] };
}

/**
 * The best available match for a requested locale: exact (any case), then the same language
 * (`pt-BR` → `pt`, `pt` → `pt-BR`), else undefined.
 */
export function matchLocale(
  requested: string | undefined,
  available: readonly string[],
): string | undefined {
  if (!requested) return undefined;
  const wanted = requested.trim().replace(/_/g, '-').toLowerCase();
  const exact = available.find((l) => l.toLowerCase() === wanted);
  if (exact) return exact;
  const parts = wanted.split('-');
  for (let length = parts.length - 1; length >= 1; length--) {
    const prefix = parts.slice(0, length).join('-');
    const found = available.find((l) => l.toLowerCase() === prefix);
    if (found) return found;
  }
  const language = parts[0];
  return available.find((l) => l.toLowerCase().split('-')[0] === language);
}

/**
 * Compiled article HTML refers to copied files as `assets/…` relative to the KB root; a page
 * that shows the article is elsewhere, so make those URLs absolute when the root is known.
 */
function resolveAssetUrls(html: string, baseUrl: string | undefined): string {
  if (!baseUrl) return html;
  const base = baseUrl.replace(/&/g, '&amp;').replace(/"/g, '%22');
  return html.replace(/ (src|href)="assets\//g, ` $1="${base}assets/`);
}

function readManifest(data: unknown, where: string): ManifestFile {
  const fail = (what: string): never => {
    throw new KnowledgeBaseError(
      'invalid-format',
      `${where}: manifest.json is not a Porthole knowledge base manifest (${what}). Rebuild it with \`porthole build\`.`,
    );
  };
  if (typeof data !== 'object' || data === null) return fail('not a JSON object');
  const manifest = data as Partial<ManifestFile>;
  if (typeof manifest.format === 'number' && manifest.format > FORMAT_VERSION) {
    throw new KnowledgeBaseError(
      'unsupported-version',
      `${where}: manifest.json has format ${manifest.format}; this @porthole/kb reads format ${FORMAT_VERSION}. Upgrade @porthole/kb.`,
    );
  }
  if (manifest.format !== FORMAT_VERSION) return fail(`format is ${String(manifest.format)}`);
  if (typeof manifest.defaultLocale !== 'string') return fail('defaultLocale missing');
  if (!Array.isArray(manifest.locales)) return fail('locales missing');
  for (const entry of manifest.locales as unknown[]) {
    const locale = entry as Partial<ManifestLocale> | null;
    if (typeof locale?.locale !== 'string' || !Array.isArray(locale.articles)) {
      return fail('a locale entry is malformed');
    }
    if (typeof locale.index !== 'string' || !isSafeFilePath(locale.index)) {
      return fail(`index path of "${locale.locale}" is missing or unsafe`);
    }
    for (const article of locale.articles as unknown[]) {
      const a = article as Partial<ManifestArticle> | null;
      if (typeof a?.slug !== 'string' || typeof a.title !== 'string') {
        return fail(`an article of "${locale.locale}" is malformed`);
      }
    }
  }
  return manifest as ManifestFile;
}

function readArticleFile(data: unknown, where: string): ArticleFile {
  const article = data as Partial<ArticleFile> | null;
  if (
    typeof article !== 'object' ||
    article === null ||
    typeof article.slug !== 'string' ||
    typeof article.html !== 'string' ||
    typeof article.title !== 'string'
  ) {
    throw new KnowledgeBaseError('invalid-format', `${where} is not a Porthole article file.`);
  }
  return article as ArticleFile;
}
