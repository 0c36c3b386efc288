/**
 * Project configuration: `porthole.config.json`, or a `"porthole"` key in `package.json`, in
 * the content folder or the nearest folder above it. It sets diagnostic severities (`"off"`
 * ignores a code), files to leave out, and what a migrated tree needs (site-absolute links and
 * images, the size limit). Without one, the defaults are strict, as a new tree should be.
 *
 * ```json
 * {
 *   "diagnostics": { "unknown-front-matter-key": "off", "missing-anchor": "error" },
 *   "ignore": ["en/legacy/**"],
 *   "overrides": [{ "files": "en/reference/**", "diagnostics": { "broken-link": "warning" } }],
 *   "siteBase": "/docs/",
 *   "staticDir": "../static",
 *   "maxArticleSize": 2000000
 * }
 * ```
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import * as v from 'valibot';
import { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode } from './diagnostics.js';

export type SeveritySetting = 'error' | 'warning' | 'off';

export interface PortholeConfig {
  /** Severity per diagnostic code; `off` drops it. */
  diagnostics?: Partial<Record<DiagnosticCode, SeveritySetting>>;
  /** Globs of content paths (`en/legacy/**`) that are neither built nor checked. */
  ignore?: string[];
  /** Severities for some files only (the last matching override wins). */
  overrides?: {
    files: string | string[];
    diagnostics: Partial<Record<DiagnosticCode, SeveritySetting>>;
  }[];
  /**
   * The site path the content folder is published under (`/docs/`): a site-absolute link
   * below it (`/docs/guides/setup`) points at an article and is checked. Absolute file
   * system paths are resolved against the folder of the configuration file.
   */
  siteBase?: string;
  /** Folder whose files the site serves at `/` (`static/`, `public/`): site-absolute images come from it. */
  staticDir?: string;
  /** Largest article, in bytes, that is built. */
  maxArticleSize?: number;
  /** Locale of articles outside a locale folder. */
  defaultLocale?: string;
}

export interface LoadedConfig {
  config: PortholeConfig;
  /** The file it came from, if any. */
  file: string | undefined;
}

const Severity = v.picklist(
  ['error', 'warning', 'off'],
  'a severity is "error", "warning" or "off"',
);
const Severities = v.record(
  v.picklist(DIAGNOSTIC_CODES as DiagnosticCode[], 'unknown diagnostic code'),
  Severity,
);
const ConfigSchema = v.strictObject(
  {
    diagnostics: v.optional(Severities),
    ignore: v.optional(v.array(v.string())),
    overrides: v.optional(
      v.array(
        v.object({ files: v.union([v.string(), v.array(v.string())]), diagnostics: Severities }),
      ),
    ),
    siteBase: v.optional(v.pipe(v.string(), v.startsWith('/', '`siteBase` starts with /'))),
    staticDir: v.optional(v.string()),
    maxArticleSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    defaultLocale: v.optional(v.string()),
    $schema: v.optional(v.string()),
  },
  'unknown key',
);

/** Thrown for a configuration file that cannot be used. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The configuration that applies to `contentDir`, or the defaults. */
export async function loadConfig(contentDir: string): Promise<LoadedConfig> {
  for (let dir = resolve(contentDir); ; dir = dirname(dir)) {
    const own = join(dir, 'porthole.config.json');
    if (existsSync(own)) return { config: await readConfig(own, undefined), file: own };
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const loaded = await readConfig(pkg, 'porthole');
      // A package.json without a "porthole" key ends the search: it is the project's root.
      return Object.keys(loaded).length > 0
        ? { config: loaded, file: pkg }
        : { config: {}, file: undefined };
    }
    if (dirname(dir) === dir) return { config: {}, file: undefined };
  }
}

async function readConfig(file: string, key: string | undefined): Promise<PortholeConfig> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      `${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (key !== undefined) data = (data as Record<string, unknown> | null)?.[key] ?? {};
  const result = v.safeParse(ConfigSchema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new ConfigError(
      `${file}${key ? ` ("${key}")` : ''}: ${path ? `${path}: ` : ''}${issue.message}`,
    );
  }
  const config = result.output as PortholeConfig & { $schema?: string };
  delete config.$schema;
  if (config.staticDir) config.staticDir = resolve(dirname(file), config.staticDir);
  return config;
}

/** `*` matches within a path segment, `**` across segments, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] ?? '';
    if (char === '*' && glob[i + 1] === '*') {
      pattern += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') pattern += '[^/]*';
    else if (char === '?') pattern += '[^/]';
    else pattern += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern.replace(/^\.\//, '')}$`);
}

/**
 * Apply the configured severities: `path` gives a diagnostic's path inside the content folder.
 * Diagnostics set to `off` are dropped.
 */
export function applySeverities(
  diagnostics: Diagnostic[],
  config: PortholeConfig,
  pathOf: (diagnostic: Diagnostic) => string,
): Diagnostic[] {
  const overrides = (config.overrides ?? []).map((o) => ({
    patterns: (Array.isArray(o.files) ? o.files : [o.files]).map(globToRegExp),
    diagnostics: o.diagnostics,
  }));
  if (!config.diagnostics && overrides.length === 0) return diagnostics;
  const out: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    let setting = config.diagnostics?.[diagnostic.code];
    const path = pathOf(diagnostic);
    for (const override of overrides) {
      if (override.patterns.some((p) => p.test(path)))
        setting = override.diagnostics[diagnostic.code] ?? setting;
    }
    if (setting === 'off') continue;
    out.push(setting ? { ...diagnostic, severity: setting } : diagnostic);
  }
  return out;
}
