/**
 * `@porthole/kb-compiler` — compile Markdown articles into a static Porthole knowledge base,
 * and check them for mistakes. Node only.
 */
export {
  checkKnowledgeBase,
  compileKnowledgeBase,
  type CheckOptions,
  type CompileOptions,
  type CompileResult,
} from './compile.js';
export {
  CompileError,
  formatDiagnostic,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticSeverity,
  type FormatDiagnosticOptions,
} from './diagnostics.js';
export type { ContentSource } from './sources.js';
