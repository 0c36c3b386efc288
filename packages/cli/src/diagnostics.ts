/** How build, check and dev print diagnostics: one line each, then a count per code. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatDiagnostic, summarizeDiagnostics, type Diagnostic } from '@porthole/kb-compiler';

const plural = new Intl.PluralRules('en');
/** `1 article`, `2 articles`. */
export const count = (n: number, word: string) =>
  `${n} ${word}${plural.select(n) === 'one' ? '' : 's'}`;

export function formatLines(diagnostics: readonly Diagnostic[], cwd: string): string {
  return diagnostics.map((d) => `${formatDiagnostic(d, { cwd })}\n`).join('');
}

/** `broken-link      3 errors` per code, most frequent first; nothing when there is nothing. */
export function formatSummary(diagnostics: readonly Diagnostic[]): string {
  const rows = summarizeDiagnostics(diagnostics);
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((r) => r.code.length));
  return rows
    .map(({ code, errors, warnings }) => {
      const parts = [
        errors ? count(errors, 'error') : '',
        warnings ? count(warnings, 'warning') : '',
      ];
      return `  ${code.padEnd(width)}  ${parts.filter(Boolean).join(', ')}\n`;
    })
    .join('');
}

/**
 * Where `porthole build` keeps rendered articles between runs: `node_modules/.cache/porthole`
 * of the current project when there is one, else the system's temporary folder; one folder per
 * content folder.
 */
export function defaultCacheDir(cwd: string, contentDir: string): string {
  const id = createHash('sha256').update(resolve(contentDir)).digest('hex').slice(0, 12);
  const modules = join(cwd, 'node_modules');
  return existsSync(modules)
    ? join(modules, '.cache/porthole', id)
    : join(tmpdir(), 'porthole-cache', id);
}
