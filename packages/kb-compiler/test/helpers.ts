import { checkKnowledgeBase, type Diagnostic } from '../src/index.js';

/** Check in-memory articles (path → text) as if they were in a folder named `content`. */
export function checkSources(files: Record<string, string>): Promise<Diagnostic[]> {
  const sources = Object.entries(files).map(([path, content]) => ({ path, content }));
  return checkKnowledgeBase('content', { sources });
}

/** `line:col severity code` of each diagnostic, for compact assertions. */
export function summarize(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`);
}
