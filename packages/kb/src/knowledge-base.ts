import { KnowledgeBaseError } from './errors.js';
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
import { LocaleSearcher, prepareQuery, readIndexFile, type RankedHit } from './search.js';
import type { Article, ArticleSummary, KnowledgeBase, SearchHit, SearchOptions } from './types.js';

/** Hits from `alsoLocales` are scored this much lower than hits in the requested locale. */
const OTHER_LOCALE_FACTOR = 0.8;
/**
 * A best hit at least this good means the query is in the requested locale's language, so
 * `alsoLocales` are not searched (nor their indexes downloaded). Measured on the example KB:
 * natural English queries with typos score 0.46–0.78 on the English index, queries in the
 * other five languages at most 0.13.
 */
const GOOD_MATCH = 0.3;
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
  private readonly searchers = new Map<string, Promise<LocaleSearcher>>();
  private readonly bodies = new Map<string, Promise<Article>>();
  private readonly loader: FileLoader;

  constructor(manifest: ManifestFile, loader: FileLoader) {
    this.loader = loader;
    this.defaultLocale = manifest.defaultLocale;
    for (const entry of manifest.locales) {
      this.entries.set(entry.locale, entry);
      this.summaries.set(entry.locale, entry.articles.map(toSummary));
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

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const prepared = prepareQuery(typeof query === 'string' ? query : '');
    if (prepared.tokens.length === 0) return [];
    const limit = Math.min(Math.max(Math.floor(options.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
    const main = this.resolveLocale(options.locale);
    const others =
      options.alsoLocales === 'all'
        ? this.locales
        : (options.alsoLocales ?? []).map((l) => matchLocale(l, this.locales));
    const ranked: RankedHit[] = (await this.loadSearcher(main)).search(prepared);
    const best = ranked.reduce((top, hit) => Math.max(top, hit.score), 0);
    const fallbacks = [...new Set(others)].filter(
      (l): l is string => typeof l === 'string' && l !== main && this.entries.has(l),
    );
    if (best < GOOD_MATCH && fallbacks.length > 0) {
      for (const searcher of await Promise.all(fallbacks.map((l) => this.loadSearcher(l)))) {
        for (const hit of searcher.search(prepared)) {
          ranked.push({ ...hit, score: hit.score * OTHER_LOCALE_FACTOR });
        }
      }
    }
    // Stable sort: equal scores keep article order (and the requested locale first).
    ranked.sort((a, b) => b.score - a.score);
    return ranked.slice(0, limit).map((hit) => hit.build());
  }

  async article(slug: string, locale?: string): Promise<Article> {
    const wanted = this.resolveLocale(locale);
    // Without an explicit locale, an article that exists only in another locale is still found.
    const order = locale ? [wanted] : [wanted, ...this.locales.filter((l) => l !== wanted)];
    for (const code of order) {
      const entry = this.entries.get(code);
      const wantedSlug =
        entry?.redirects && Object.hasOwn(entry.redirects, slug) ? entry.redirects[slug] : slug;
      const found = entry?.articles.find((a) => a.slug === wantedSlug);
      if (found) return this.loadArticle(found);
    }
    throw new KnowledgeBaseError('not-found', `No article "${slug}" in locale "${wanted}".`);
  }

  /** The locale's searcher; concurrent first searches share one load, a failed load is retried. */
  private loadSearcher(locale: string): Promise<LocaleSearcher> {
    let pending = this.searchers.get(locale);
    const entry = this.entries.get(locale);
    if (!entry)
      return Promise.reject(new KnowledgeBaseError('not-found', `No locale "${locale}".`));
    if (!pending) {
      pending = this.loader
        .readJson(entry.index)
        .then((data) => new LocaleSearcher(entry, readIndexFile(data, entry.index)));
      pending.catch(() => this.searchers.delete(locale));
      this.searchers.set(locale, pending);
    }
    return pending;
  }

  private loadArticle(entry: ManifestArticle): Promise<Article> {
    const key = `${entry.locale}\u0000${entry.slug}`;
    let pending = this.bodies.get(key);
    if (!pending) {
      pending = this.loader.readJson(entry.file).then((data) => {
        const article = readArticleFile(data, entry.file);
        return { ...article, html: resolveAssetUrls(article.html, this.loader.baseUrl) };
      });
      pending.catch(() => this.bodies.delete(key));
      this.bodies.set(key, pending);
    }
    return pending;
  }
}

function toSummary(article: ManifestArticle): ArticleSummary {
  const summary: Partial<ManifestArticle> = { ...article };
  delete summary.file;
  return summary as ArticleSummary;
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
      if (
        typeof a?.slug !== 'string' ||
        typeof a.title !== 'string' ||
        typeof a.file !== 'string' ||
        !isSafeFilePath(a.file) ||
        !Array.isArray(a.sections)
      ) {
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
