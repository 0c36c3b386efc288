/**
 * `@porthole/kb-compiler` — compile Markdown articles into a static Porthole knowledge base,
 * and check them for mistakes. Node only.
 */
export {
  checkKnowledgeBase,
  compileKnowledgeBase,
  type BuildProgress,
  type CheckOptions,
  type CompileOptions,
  type CompileResult,
} from './compile.js';
export { createMemoryCache, openDiskCache, type RenderCache } from './cache.js';
export {
  ConfigError,
  loadConfig,
  type LoadedConfig,
  type PortholeConfig,
  type SeveritySetting,
} from './config.js';
export {
  CompileError,
  DIAGNOSTIC_CODES,
  formatDiagnostic,
  summarizeDiagnostics,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticSeverity,
  type FormatDiagnosticOptions,
} from './diagnostics.js';
export type { ContentSource } from './sources.js';
export {
  watchKnowledgeBase,
  type BuildEvent,
  type KnowledgeBaseWatcher,
  type WatchOptions,
} from './watch.js';
