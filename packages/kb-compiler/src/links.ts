/**
 * Links and images, once the whole knowledge base is known: every reference an article's
 * render left as a placeholder (render.ts) is resolved — a relative path, a folder, an
 * extensionless Docusaurus id, a site-absolute path under the configured `siteBase`, an image
 * in `staticDir`, or an Obsidian `[[name]]` — and written into the HTML. What cannot be
 * resolved is reported at the reference itself, with the decoded name and a "did you mean".
 */
import { posix } from 'node:path';
import { slug as slugify } from 'github-slugger';
import type { Catalog, SourceFile } from './catalog.js';
import type { DiagnosticCode, DiagnosticSeverity } from './diagnostics.js';
import type { ArticleReference } from './render.js';
import { safeDecode } from './render.js';
import { readLocaleCode } from './sources.js';
import { didYouMean, suggest } from './suggest.js';

export type Resolution =
  | { type: 'article'; target: SourceFile; section: string | undefined }
  | { type: 'asset'; path: string; fromStatic: boolean }
  | { type: 'keep'; url: string }
  | { type: 'unwrap' }
  /** Replace the element with this text (a `[[…]]` that is no note: C++ attributes, typos). */
  | { type: 'text'; text: string };

export interface LinkProblem {
  severity: DiagnosticSeverity;
  code: DiagnosticCode;
  message: string;
}

export interface LinkOptions {
  /** Site path of the content folder (`/docs/`), or undefined. */
  siteBase: string | undefined;
  /** Whether a file exists in the static folder (path without a leading `/`). */
  hasStatic: (path: string) => boolean;
}

const ARTICLE_FILE = /\.(?:md|markdown|mdx)$/i;
const FOLDER_PAGES = [
  'index.md',
  'index.mdx',
  'README.md',
  'readme.md',
  '_index.md',
  'index.markdown',
];

/** Resolve one reference of `from`. */
export function resolveReference(
  reference: ArticleReference,
  from: SourceFile,
  catalog: Catalog,
  options: LinkOptions,
): { resolution: Resolution; problem?: LinkProblem } {
  const origin = reference.from ? (catalog.byPath.get(reference.from) ?? from) : from;
  const hash = reference.raw.indexOf('#');
  const pathPart = (hash === -1 ? reference.raw : reference.raw.slice(0, hash)).split('?')[0] ?? '';
  const fragmentText = hash === -1 ? undefined : safeDecode(reference.raw.slice(hash + 1));
  const fragment = fragmentText
    ? reference.wikilink
      ? fragmentText.startsWith('^')
        ? undefined
        : slugify(fragmentText)
      : fragmentText
    : undefined;
  const shown = shorten(safeDecode(reference.raw));

  // `?q=x` alone is the same page with a query (a site search link): leave it to the site.
  if (!reference.wikilink && pathPart === '' && fragmentText === undefined) {
    return { resolution: { type: 'keep', url: reference.raw } };
  }
  if (reference.wikilink)
    return resolveWikilink(reference, origin, catalog, pathPart, fragment, shown);
  if (pathPart.startsWith('/'))
    return resolveSiteAbsolute(reference, origin, catalog, options, pathPart, fragment, shown);

  const path = joinPath(posix.dirname(origin.path), safeDecode(pathPart));
  if (path === undefined) {
    return {
      resolution: { type: 'unwrap' },
      problem: {
        severity: 'warning',
        code: 'missing-asset',
        message: `"${shown}" points outside the content folder`,
      },
    };
  }
  // Docusaurus also resolves file links from the docs root when they miss from the file's folder.
  const localeRoot = origin.localPath === origin.path ? '' : `${origin.path.split('/')[0]}/`;
  const fromRoot = /^\.{0,2}\//.test(pathPart)
    ? undefined
    : joinPath(localeRoot.replace(/\/$/, '') || '.', safeDecode(pathPart));
  const found =
    findTarget(path, origin, catalog) ??
    (fromRoot ? findTarget(fromRoot, origin, catalog) : undefined);
  if (found) return article(found, fragment, shown);
  if (catalog.allPaths.has(path) && !ARTICLE_FILE.test(path))
    return { resolution: { type: 'asset', path, fromStatic: false } };
  // A link to an .md file, or an extensionless one (an article by slug, Docusaurus style).
  const looksLikeArticle =
    ARTICLE_FILE.test(path) || (reference.kind === 'link' && !/\.[^/]*$/.test(path));
  if (looksLikeArticle) {
    return {
      resolution: { type: 'unwrap' },
      problem: {
        severity: 'error',
        code: 'broken-link',
        message: `link to a missing article "${shown}"${hintFor(path, origin, catalog)}`,
      },
    };
  }
  const what = reference.kind === 'embed' ? 'image or media file' : 'file';
  return {
    resolution: { type: 'unwrap' },
    problem: {
      severity: 'warning',
      code: 'missing-asset',
      message: `missing ${what} "${shown}"${didYouMean(path, [...catalog.allPaths])}`,
    },
  };
}

function article(
  target: SourceFile,
  fragment: string | undefined,
  shown: string,
): { resolution: Resolution; problem?: LinkProblem } {
  if (target.partial) {
    return {
      resolution: { type: 'unwrap' },
      problem: {
        severity: 'error',
        code: 'broken-link',
        message: `"${shown}" links to ${target.path}, a partial (not an article)`,
      },
    };
  }
  if (!target.published) {
    return {
      resolution: { type: 'unwrap' },
      problem: {
        severity: 'warning',
        code: 'link-to-draft',
        message: `link to "${shown}", a draft that is not published; the link is removed`,
      },
    };
  }
  return {
    resolution: {
      type: 'article',
      target,
      section: fragment ? slugify(fragment) || fragment : undefined,
    },
  };
}

/** The article a content path stands for: the file, the file with an extension, the folder's page, or a slug. */
function findTarget(path: string, origin: SourceFile, catalog: Catalog): SourceFile | undefined {
  const exact = catalog.byPath.get(path);
  if (exact) return exact;
  const bare = path.replace(/\/$/, '');
  if (!/\.[^/]*$/.test(bare) || /\/$/.test(path)) {
    for (const candidate of [
      `${bare}.md`,
      `${bare}.mdx`,
      `${bare}.markdown`,
      ...FOLDER_PAGES.map((p) => `${bare}/${p}`),
    ]) {
      const found = catalog.byPath.get(candidate);
      if (found) return found;
    }
  }
  // Docusaurus links by id (`./getting-started` to GettingStarted.md with `id: getting-started`).
  const [first = '', ...rest] = bare.replace(ARTICLE_FILE, '').split('/');
  const local =
    rest.length > 0 && first === origin.path.split('/')[0] && origin.localPath !== origin.path
      ? rest.join('/')
      : bare.replace(ARTICLE_FILE, '');
  return catalog.bySlug.get(`${origin.locale}\u0000${local}`);
}

function resolveSiteAbsolute(
  reference: ArticleReference,
  origin: SourceFile,
  catalog: Catalog,
  options: LinkOptions,
  pathPart: string,
  fragment: string | undefined,
  shown: string,
): { resolution: Resolution; problem?: LinkProblem } {
  const decoded = safeDecode(pathPart);
  if (
    reference.kind === 'embed' ||
    /\.(?:png|jpe?g|gif|webp|avif|svg|pdf|zip|mp4)$/i.test(decoded)
  ) {
    const path = decoded.replace(/^\/+/, '');
    if (options.hasStatic(path)) return { resolution: { type: 'asset', path, fromStatic: true } };
    if (catalog.allPaths.has(path))
      return { resolution: { type: 'asset', path, fromStatic: false } };
  }
  const base = options.siteBase;
  if (base === undefined || !(decoded === base.replace(/\/$/, '') || decoded.startsWith(base))) {
    if (reference.kind === 'embed' && base !== undefined) {
      return {
        resolution: { type: 'keep', url: reference.raw },
        problem: {
          severity: 'warning',
          code: 'missing-asset',
          message: `missing image or media file "${shown}" (not in the static folder)`,
        },
      };
    }
    return { resolution: { type: 'keep', url: reference.raw } };
  }
  const below = decoded.slice(base.length).replace(/^\/+|\/+$/g, '') || 'index';
  const localeRoot = origin.localPath === origin.path ? '' : `${origin.path.split('/')[0]}/`;
  // `/es/guides/x/`: a page of another locale, or of the default one when not translated.
  const [prefix = '', ...rest] = below.split('/');
  const prefixed = rest.length > 0 && readLocaleCode(prefix) ? rest.join('/') : undefined;
  const target =
    (prefixed ? findLocalized(prefixed, readLocaleCode(prefix) ?? '', catalog) : undefined) ??
    catalog.bySlug.get(`${origin.locale}\u0000${below}`) ??
    findTarget(`${localeRoot}${below}`, origin, catalog) ??
    findTarget(below, origin, catalog) ??
    [...catalog.bySlug.values()].find(
      (f) => f.locale === origin.locale && f.slug.toLowerCase() === below.toLowerCase(),
    );
  if (target) return article(target, fragment, shown);
  if (/\.[a-z0-9]{2,5}$/i.test(below) && !ARTICLE_FILE.test(below)) {
    const message = `missing file "${shown}" (not in the static folder)`;
    return {
      resolution: { type: 'unwrap' },
      problem: { severity: 'warning', code: 'missing-asset', message },
    };
  }
  const slugs = [...catalog.bySlug.values()]
    .filter((f) => f.locale === origin.locale)
    .map((f) => `${base}${f.slug}`);
  return {
    resolution: { type: 'unwrap' },
    problem: {
      severity: 'error',
      code: 'broken-link',
      message: `link to a missing article "${shown}"${didYouMean(decoded, slugs)}`,
    },
  };
}

/** The article at `slug` in `locale`, else in any locale (the site shows the original then). */
function findLocalized(slug: string, locale: string, catalog: Catalog): SourceFile | undefined {
  return (
    catalog.bySlug.get(`${locale}\u0000${slug}`) ??
    [...catalog.bySlug.values()].find((f) => f.slug === slug && f.localPath === f.path) ??
    [...catalog.bySlug.values()].find((f) => f.slug === slug)
  );
}

function resolveWikilink(
  reference: ArticleReference,
  origin: SourceFile,
  catalog: Catalog,
  target: string,
  fragment: string | undefined,
  shown: string,
): { resolution: Resolution; problem?: LinkProblem } {
  const name = target.trim();
  const lower = name.toLowerCase();
  const base = posix.basename(lower);
  if (reference.kind === 'embed' || (/\.[a-z0-9]{2,5}$/.test(base) && !ARTICLE_FILE.test(base))) {
    const candidates = catalog.assetsByName.get(base) ?? [];
    const path = pickClosest(
      candidates.filter((p) => p.toLowerCase().endsWith(lower)),
      origin.path,
    );
    if (path) return { resolution: { type: 'asset', path, fromStatic: false } };
    return {
      resolution: { type: 'unwrap' },
      problem: {
        severity: 'warning',
        code: 'missing-asset',
        message: `missing file "${shown}"${didYouMean(base, catalog.assetsByName.keys())}`,
      },
    };
  }
  const candidates = (catalog.byName.get(base.replace(ARTICLE_FILE, '')) ?? []).filter(
    (f) =>
      !name.includes('/') ||
      f.path.toLowerCase().replace(ARTICLE_FILE, '').endsWith(lower.replace(ARTICLE_FILE, '')),
  );
  const sameLocale = candidates.filter((f) => f.locale === origin.locale);
  const found = pickClosest(
    (sameLocale.length > 0 ? sameLocale : candidates).map((f) => f.path),
    origin.path,
  );
  const file = found === undefined ? undefined : catalog.byPath.get(found);
  if (file) return article(file, fragment, shown);
  // `[[nodiscard]]` in C++ docs is no link: keep it as written, and warn in case it was meant as one.
  return {
    resolution: { type: 'text', text: `[[${reference.raw}]]` },
    problem: {
      severity: 'warning',
      code: 'broken-link',
      message: `no note named "${shown}" for "[[${shown}]]"; shown as text${didYouMean(base, catalog.byName.keys())}`,
    },
  };
}

/** Of several files with one name, the one nearest to `from` (Obsidian's rule: same folder, then shortest path). */
function pickClosest(paths: readonly string[], from: string): string | undefined {
  const folder = posix.dirname(from);
  return [...paths].sort((a, b) => {
    const near = Number(posix.dirname(b) === folder) - Number(posix.dirname(a) === folder);
    return near || a.split('/').length - b.split('/').length || (a < b ? -1 : 1);
  })[0];
}

/**
 * ` (did you mean "../x.md"?)` for a missing article: the same path in another letter case or
 * with another extension, a near miss in the same folder, or the same file name elsewhere;
 * shown relative to the linking file, as the author would write it.
 */
function hintFor(path: string, origin: SourceFile, catalog: Catalog): string {
  const bare = path.replace(ARTICLE_FILE, '').toLowerCase();
  const found =
    ['.md', '.mdx', '.markdown', '']
      .map((ext) => catalog.byLowerPath.get(bare + ext)?.[0]?.path)
      .find(Boolean) ?? nearMiss(path, catalog);
  if (!found) return '';
  const relative = posix.relative(posix.dirname(origin.path), found);
  return ` (did you mean "${relative}"?)`;
}

function nearMiss(path: string, catalog: Catalog): string | undefined {
  const folder = posix.dirname(path);
  const name = posix.basename(path).replace(ARTICLE_FILE, '');
  const siblings = [...catalog.byPath.keys()].filter((p) => posix.dirname(p) === folder);
  const sibling = suggest(
    name,
    siblings.map((p) => posix.basename(p).replace(ARTICLE_FILE, '')),
  );
  if (sibling !== undefined)
    return siblings.find((p) => posix.basename(p).replace(ARTICLE_FILE, '') === sibling);
  const elsewhere = catalog.byName.get(name.toLowerCase());
  return elsewhere?.length === 1 ? elsewhere[0]?.path : undefined;
}

/** `folder` joined with a relative path; undefined when `..` leaves the content folder. */
function joinPath(folder: string, relative: string): string | undefined {
  const parts: string[] = [];
  for (const part of [...(folder === '.' ? [] : folder.split('/')), ...relative.split('/')]) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.length === 0 ? undefined : parts.join('/') + (relative.endsWith('/') ? '/' : '');
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** What replaces a placeholder: the attributes to write, or `unwrap`. */
export type Replacement = { attributes: Record<string, string> | 'unwrap' } | { text: string };

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  '<': '&lt;',
  '>': '&gt;',
  '\u00a0': '&nbsp;',
};

function escapeText(value: string): string {
  return value.replace(/[&<>\u00a0]/g, (c) => ESCAPES[c] ?? c);
}

/** Serialized the way the DOM serializer writes attribute values (so the HTML reparses to itself). */
function escapeAttribute(value: string): string {
  return value.replace(/[&"<>\u00a0]/g, (c) => ESCAPES[c] ?? c);
}

/**
 * Fill the placeholders of an article's HTML. Each is the first attribute of its tag
 * (`<a data-porthole-ref="key:3" title="…">`); anchors never nest in parsed HTML, so the
 * `</a>` of an unwrapped link is the next one.
 */
export function fillReferences(
  html: string,
  refKey: string,
  replacements: readonly Replacement[],
): string {
  if (replacements.length === 0) return html;
  const marker = new RegExp(`<([a-z]+) data-porthole-ref="${refKey}:(\\d+)"`, 'g');
  let out = '';
  let at = 0;
  for (let match = marker.exec(html); match; match = marker.exec(html)) {
    const tag = match[1] ?? '';
    const replacement = replacements[Number(match[2])];
    out += html.slice(at, match.index);
    at = match.index + match[0].length;
    if (!replacement || 'text' in replacement || replacement.attributes === 'unwrap') {
      if (tag === 'a') {
        const close = html.indexOf('>', at);
        const end = html.indexOf('</a>', close);
        out +=
          replacement && 'text' in replacement
            ? escapeText(replacement.text)
            : html.slice(close + 1, end === -1 ? html.length : end);
        at = end === -1 ? html.length : end + 4;
        marker.lastIndex = at;
      } else out += `<${tag}`;
      continue;
    }
    out += `<${tag}`;
    for (const [name, value] of Object.entries(replacement.attributes))
      out += ` ${name}="${escapeAttribute(value)}"`;
  }
  return out + html.slice(at);
}

/** The attributes for a resolved reference on `<tag>`. */
export function replacementFor(
  resolution: Resolution,
  kind: 'link' | 'embed',
  assetUrl: string | undefined,
  sameLocale: boolean,
): Replacement {
  const attribute = kind === 'link' ? 'href' : 'src';
  switch (resolution.type) {
    case 'article': {
      const { target, section } = resolution;
      const attributes: Record<string, string> = {
        href: `#porthole-article=${encodeURIComponent(target.slug)}${section ? `&section=${encodeURIComponent(section)}` : ''}`,
        'data-porthole-article': target.slug,
      };
      if (section) attributes['data-porthole-section'] = section;
      if (!sameLocale) attributes['data-porthole-locale'] = target.locale;
      return { attributes };
    }
    case 'asset':
      return assetUrl ? { attributes: { [attribute]: assetUrl } } : { attributes: 'unwrap' };
    case 'keep':
      return { attributes: { [attribute]: resolution.url } };
    case 'unwrap':
      return { attributes: 'unwrap' };
    case 'text':
      return { text: resolution.text };
  }
}
