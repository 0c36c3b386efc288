/**
 * Front matter: the YAML block between `---` lines at the top of an article. Parsed with the
 * `yaml` package's core schema and refused — never coerced — when it uses YAML features that
 * have no business in article metadata and have been used in attacks on YAML loaders: explicit
 * tags (`!!js/function`, `!!python/object`, any `!tag`), anchors and aliases (billion-laughs
 * expansion), merge keys and `__proto__` keys.
 */
import * as v from 'valibot';
import { LineCounter, isAlias, isMap, isScalar, parseDocument, visit, type Node } from 'yaml';
import type { DiagnosticCode } from './diagnostics.js';

/** A problem at an offset of the whole file. */
export interface FrontMatterProblem {
  offset: number;
  code: DiagnosticCode;
  message: string;
  severity: 'error' | 'warning';
}

export interface FrontMatter {
  title?: string;
  description?: string;
  category?: string;
  tags: string[];
  keywords: string[];
  order?: number;
  draft: boolean;
  updated?: string;
  translationKey?: string;
  pages: string[];
  slug?: string;
  locale?: string;
  /** Docusaurus `id`: the last part of the slug, in the article's folder. */
  id?: string;
  /** Other slugs (or Obsidian names) of the article, from `aliases` or `redirect_from`. */
  aliases: string[];
}

export interface ParsedFrontMatter {
  /** Undefined when the front matter could not be read at all. */
  data: FrontMatter | undefined;
  /** Offset (in the whole file) where the Markdown body starts. */
  bodyOffset: number;
  /** Offset of each top-level key, for pointing diagnostics at it. */
  keyOffsets: ReadonlyMap<string, number>;
  problems: FrontMatterProblem[];
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;
/** Front matter bigger than this is not metadata. */
const MAX_FRONT_MATTER = 64 * 1024;

const KNOWN_KEYS = [
  'title',
  'description',
  'category',
  'tags',
  'keywords',
  'order',
  'draft',
  'updated',
  'translationKey',
  'pages',
  'slug',
  'locale',
] as const;

function readPath(object: Record<string, unknown>, path: string): unknown {
  let value: unknown = object;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part))
      return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Copy other tools' keys into Porthole's (`sidebar_position` → `order` …) where that is unset. */
function mapForeignKeys(raw: Record<string, unknown>, keyOffsets: Map<string, number>): void {
  for (const [key, sources] of Object.entries(FOREIGN_KEYS)) {
    if (raw[key] !== undefined && raw[key] !== null) continue;
    for (const source of sources) {
      const value = readPath(raw, source);
      const usable =
        key === 'order'
          ? typeof value === 'number' && Number.isFinite(value)
          : key === 'updated'
            ? typeof value === 'string' && ISO_DATE.test(value.trim())
            : typeof value === 'string' && value.trim() !== '';
      if (!usable) continue;
      raw[key] = value;
      const at = keyOffsets.get(source.split('.')[0] ?? source);
      if (at !== undefined) keyOffsets.set(key, at);
      break;
    }
  }
  // Docusaurus and Hugo slugs are site paths: `/`, `/billing/refunds/`.
  if (typeof raw.slug === 'string') {
    raw.slug = raw.slug.trim().replace(/^\/+|\/+$/g, '') || 'index';
  }
}

function readAliases(raw: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of ['aliases', 'redirect_from']) {
    const value = raw[key];
    for (const item of typeof value === 'string' ? [value] : Array.isArray(value) ? value : []) {
      if (typeof item === 'string' && item.trim()) out.push(item.trim());
    }
  }
  return out;
}

/**
 * Front matter of other tools that means something here: the first key present fills the
 * Porthole key when the article does not set it.
 */
const FOREIGN_KEYS: Record<string, string[]> = {
  order: ['sidebar_position', 'weight', 'nav_order', 'sidebar.order'],
  description: ['intro', 'summary', 'excerpt'],
  slug: ['permalink'],
  updated: ['lastmod', 'last_modified_at', 'last_update.date'],
};

/**
 * Front matter of other tools that only affects their own sites (navigation, layout, edit
 * links, social cards): ignored without a warning, so a migrated tree is not buried in them.
 */
const PRESENTATION_KEYS = new Set([
  ...Object.values(FOREIGN_KEYS)
    .flat()
    .map((k) => k.split('.')[0] ?? k),
  'id',
  'aliases',
  'redirect_from',
  'sidebar_label',
  'sidebar_class_name',
  'sidebar_custom_props',
  'displayed_sidebar',
  'hide_title',
  'hide_table_of_contents',
  'toc_min_heading_level',
  'toc_max_heading_level',
  'pagination_label',
  'pagination_next',
  'pagination_prev',
  'custom_edit_url',
  'parse_number_prefixes',
  'last_update',
  'image',
  'sidebar',
  'template',
  'hero',
  'banner',
  'head',
  'editUrl',
  'lastUpdated',
  'prev',
  'next',
  'pagefind',
  'tableOfContents',
  'layout',
  'hide',
  'search',
  'icon',
  'status',
  'subtitle',
  'social',
  'cssclasses',
  'cssclass',
  'publish',
  'linkTitle',
  'menu',
  'type',
  'date',
  'toc',
  'nav_exclude',
  'parent',
  'grand_parent',
  'has_children',
  'authors',
  'author',
  'comments',
  'social_image',
  'keywords_seo',
]);

const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
export const LOCALE_PATTERN = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const SLUG_PATTERN = /^(?!\/)(?!.*\/$)(?!.*\/\/)(?!(?:.*\/)?\.\.?(?:\/|$))[^\p{Cc}#?\\]+$/u;

function text(key: string) {
  return v.pipe(
    v.string(`\`${key}\` must be text (put it in quotes if it looks like a number or a date)`),
    v.trim(),
    v.minLength(1, `\`${key}\` is empty`),
  );
}

function textList(key: string) {
  const message = `\`${key}\` must be a list of text, like [one, two]`;
  return v.pipe(
    v.union([v.string(message), v.array(v.string(message), message)], message),
    v.transform((value) => (typeof value === 'string' ? [value] : value)),
    v.transform((values) => values.map((s) => s.trim()).filter(Boolean)),
  );
}

const FrontMatterSchema = v.object({
  title: v.nullish(text('title')),
  description: v.nullish(text('description')),
  category: v.nullish(text('category')),
  tags: v.nullish(textList('tags')),
  keywords: v.nullish(textList('keywords')),
  order: v.nullish(
    v.pipe(v.number('`order` must be a number'), v.finite('`order` must be finite')),
  ),
  draft: v.nullish(v.boolean('`draft` must be true or false')),
  updated: v.nullish(
    v.pipe(
      text('updated'),
      v.regex(ISO_DATE, '`updated` must be a date like 2024-05-31'),
      v.check((value) => !Number.isNaN(Date.parse(value)), '`updated` is not a real date'),
    ),
  ),
  translationKey: v.nullish(text('translationKey')),
  pages: v.nullish(textList('pages')),
  slug: v.nullish(
    v.pipe(
      text('slug'),
      v.regex(
        SLUG_PATTERN,
        '`slug` must be a path like billing/refunds (no leading or trailing /, no . or .. parts)',
      ),
    ),
  ),
  locale: v.nullish(
    v.pipe(
      text('locale'),
      v.regex(LOCALE_PATTERN, '`locale` must be a language code like en, pt-BR or sr-Latn'),
    ),
  ),
});

/** Split off and parse the front matter of one Markdown file. */
export function parseFrontMatter(source: string): ParsedFrontMatter {
  const start = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const opening = OPENING.exec(source.slice(start));
  const empty = { tags: [], keywords: [], pages: [], draft: false, aliases: [] };
  if (!opening) {
    return { data: empty, bodyOffset: start, keyOffsets: new Map(), problems: [] };
  }
  const yamlStart = start + opening[0].length;
  const closing = CLOSING.exec(source.slice(yamlStart));
  if (!closing) {
    return failed(
      start,
      start,
      'front matter starts with --- on line 1 but never ends; add a line with --- after it',
    );
  }
  const yamlText = source.slice(yamlStart, yamlStart + closing.index);
  const afterClosing = yamlStart + closing.index + closing[0].length;
  const bodyOffset = source.startsWith('\r\n', afterClosing)
    ? afterClosing + 2
    : source.startsWith('\n', afterClosing)
      ? afterClosing + 1
      : afterClosing;
  if (yamlText.length > MAX_FRONT_MATTER) {
    return failed(
      bodyOffset,
      yamlStart,
      `front matter is larger than ${MAX_FRONT_MATTER / 1024} KB`,
    );
  }

  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, {
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
    lineCounter,
  });
  const problems: FrontMatterProblem[] = [];
  const fail = (offset: number, code: DiagnosticCode, message: string) =>
    problems.push({ offset: yamlStart + offset, code, message, severity: 'error' });

  for (const error of document.errors) {
    fail(
      locateYamlError(yamlText, error.code, error.pos[0]),
      'invalid-front-matter',
      `invalid front matter: ${describeYamlError(error.code, error.message)}`,
    );
  }
  if (problems.length > 0) return { data: undefined, bodyOffset, keyOffsets: new Map(), problems };

  visit(document, {
    Node(_, node: Node) {
      const at = node.range?.[0] ?? 0;
      if (isAlias(node)) {
        fail(at, 'unsafe-yaml', `YAML aliases (*${node.source}) are not allowed in front matter`);
      } else if (node.anchor) {
        fail(
          findBefore(yamlText, at, '&'),
          'unsafe-yaml',
          `YAML anchors (&${node.anchor}) are not allowed in front matter`,
        );
      }
      if (node.tag) {
        const shown = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
        fail(
          findBefore(yamlText, at, '!'),
          'unsafe-yaml',
          `YAML tags like ${shown} are not allowed in front matter; write plain values`,
        );
      }
    },
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      const at = isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
      if (key === '<<')
        fail(at, 'unsafe-yaml', 'YAML merge keys (<<) are not allowed in front matter');
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
        fail(at, 'unsafe-yaml', `the key "${String(key)}" is not allowed in front matter`);
      }
    },
  });
  if (problems.length > 0) return { data: undefined, bodyOffset, keyOffsets: new Map(), problems };

  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return { data: empty, bodyOffset, keyOffsets: new Map(), problems };
  }
  if (!isMap(contents)) {
    fail(
      contents.range?.[0] ?? 0,
      'invalid-front-matter',
      'front matter must be "key: value" lines (a YAML mapping)',
    );
    return { data: undefined, bodyOffset, keyOffsets: new Map(), problems };
  }

  const keyOffsets = new Map<string, number>();
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    const at = yamlStart + (isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0);
    if (typeof key !== 'string') {
      problems.push({
        offset: at,
        code: 'invalid-front-matter',
        severity: 'error',
        message: 'front matter keys must be plain words',
      });
      continue;
    }
    keyOffsets.set(key, at);
    if (!(KNOWN_KEYS as readonly string[]).includes(key) && !PRESENTATION_KEYS.has(key)) {
      const hint = suggestKey(key);
      problems.push({
        offset: at,
        code: 'unknown-front-matter-key',
        severity: 'warning',
        message: `unknown front matter key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; it is ignored`,
      });
    }
  }

  const raw = document.toJS({ maxAliasCount: 0 }) as Record<string, unknown>;
  mapForeignKeys(raw, keyOffsets);
  const known = Object.fromEntries(
    KNOWN_KEYS.filter((k) => Object.hasOwn(raw, k)).map((k) => [k, raw[k]]),
  );
  const result = v.safeParse(FrontMatterSchema, known, { abortPipeEarly: true });
  if (!result.success) {
    for (const issue of result.issues) {
      const key = String(issue.path?.[0]?.key ?? '');
      problems.push({
        offset: keyOffsets.get(key) ?? yamlStart,
        code: 'invalid-front-matter',
        severity: 'error',
        message: issue.message,
      });
    }
    return { data: undefined, bodyOffset, keyOffsets, problems };
  }
  const out = result.output;
  const data: FrontMatter = {
    tags: out.tags ?? [],
    keywords: out.keywords ?? [],
    pages: out.pages ?? [],
    draft: out.draft ?? false,
    aliases: readAliases(raw),
  };
  if (typeof raw.id === 'string' && /^[^/#?\\\p{Cc}]+$/u.test(raw.id.trim()))
    data.id = raw.id.trim();
  if (out.title != null) data.title = out.title;
  if (out.description != null) data.description = out.description;
  if (out.category != null) data.category = out.category;
  if (out.order != null) data.order = out.order;
  if (out.updated != null) data.updated = out.updated;
  if (out.translationKey != null) data.translationKey = out.translationKey;
  if (out.slug != null) data.slug = out.slug;
  if (out.locale != null) data.locale = out.locale;
  return { data, bodyOffset, keyOffsets, problems };
}

function failed(bodyOffset: number, offset: number, message: string): ParsedFrontMatter {
  return {
    data: undefined,
    bodyOffset,
    keyOffsets: new Map(),
    problems: [{ offset, code: 'invalid-front-matter', message, severity: 'error' }],
  };
}

/**
 * Where the tag (`!…`) or anchor (`&…`) of a node starts: yaml gives the value's offset, the
 * marker is before it on the same line.
 */
function findBefore(text: string, offset: number, char: string): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let found = text.lastIndexOf(char, offset);
  if (found < lineStart) return offset;
  while (found > lineStart && !/\s/.test(text.charAt(found - 1))) found--;
  return found;
}

/** yaml reports an unclosed quote where the text ends; the opening quote is more useful. */
function locateYamlError(text: string, code: string, offset: number): number {
  if (code !== 'MISSING_CHAR') return offset;
  const quote = Math.max(text.lastIndexOf('"', offset - 1), text.lastIndexOf("'", offset - 1));
  return quote >= 0 ? quote : offset;
}

function describeYamlError(code: string, message: string): string {
  if (code === 'TAB_AS_INDENT') return 'tabs are not allowed for indentation in YAML; use spaces';
  if (code === 'DUPLICATE_KEY') return 'the same key appears twice';
  return message.replace(/\s+/g, ' ').trim();
}

function suggestKey(key: string): string | undefined {
  const lower = key.toLowerCase().replace(/[-_ ]/g, '');
  return KNOWN_KEYS.find((known) => {
    const k = known.toLowerCase();
    return (
      k === lower ||
      k === `${lower}s` ||
      `${k}s` === lower ||
      (lower.length > 3 && k.startsWith(lower))
    );
  });
}
