/**
 * Which files an article includes (`![[Note]]`, `--8<-- "file.md"`, MDX partial imports),
 * found before rendering so a worker gets their text with the job and the cache key covers
 * them. Found with a quick scan of the source (a directive inside a code block is resolved
 * too, and simply not used).
 */
import { posix } from 'node:path';
import type { Catalog, SourceFile } from './catalog.js';
import type { IncludeMap } from './markdown/context.js';

const EMBED = /^ {0,3}!\[\[([^[\]\n|#^]+)/gm;
const SNIPPET = /^ {0,3}-{1,}8<-{1,}[ \t]+["']([^"'\n]+)["']/gm;
const IMPORT = /^import\s+[\w$]+\s+from\s+["']([^"'\n]+\.mdx?)["']/gm;

/** Files with no include directive at all (their includes do not depend on the catalog). */
const includesNothing = new WeakSet<SourceFile>();

/** The files `file` includes, directly or through other includes. */
export function findIncludes(file: SourceFile, catalog: Catalog): IncludeMap | undefined {
  if (includesNothing.has(file)) return undefined;
  if (!mayInclude(file)) {
    includesNothing.add(file);
    return undefined;
  }
  const targets: Record<string, string> = {};
  const texts: Record<string, string> = {};
  const queue = [file];
  for (let source = queue.shift(); source; source = queue.shift()) {
    if (!mayInclude(source)) continue;
    const body = source.text.slice(source.bodyOffset);
    for (const [written, found] of directives(body, source, catalog)) {
      targets[`${source.path}\u0000${written}`] = found.path;
      if (!(found.path in texts)) {
        texts[found.path] = found.text.slice(found.bodyOffset);
        queue.push(found);
      }
    }
  }
  return Object.keys(targets).length > 0 ? { targets, texts } : undefined;
}

function mayInclude({ text, bodyOffset }: SourceFile): boolean {
  return (
    text.includes('![[', bodyOffset) ||
    text.includes('8<-', bodyOffset) ||
    text.includes('import ', bodyOffset)
  );
}

function* directives(
  body: string,
  source: SourceFile,
  catalog: Catalog,
): Generator<[string, SourceFile]> {
  const folder = posix.dirname(source.path);
  for (const match of body.matchAll(EMBED)) {
    const written = match[1]?.trim() ?? '';
    const lower = written.toLowerCase().replace(/\.(?:md|mdx)$/, '');
    const candidates = (catalog.byName.get(posix.basename(lower)) ?? []).filter((f) =>
      f.path
        .toLowerCase()
        .replace(/\.(?:md|mdx|markdown)$/, '')
        .endsWith(lower),
    );
    const found = candidates.find((f) => posix.dirname(f.path) === folder) ?? candidates[0];
    if (found) yield [written, found];
  }
  for (const match of body.matchAll(SNIPPET)) {
    const written = match[1] ?? '';
    const found = [
      posix.join(folder, written),
      posix.normalize(written),
      written.split('/').slice(1).join('/'),
    ]
      .map((p) => catalog.byPath.get(p))
      .find(Boolean);
    if (found) yield [written, found];
  }
  for (const match of body.matchAll(IMPORT)) {
    const written = match[1] ?? '';
    const relative = written.startsWith('.') ? posix.join(folder, written) : undefined;
    // Docusaurus `@site/docs/_partial.mdx`: try the path with its leading folders removed.
    const parts = written.replace(/^@site\//, '').split('/');
    const candidates = [relative, ...parts.map((_, i) => parts.slice(i).join('/'))];
    const found = candidates.map((p) => (p ? catalog.byPath.get(p) : undefined)).find(Boolean);
    if (found) yield [written, found];
  }
}
