/**
 * Time a compile of a content folder, cold and then again with the render cache warm (what
 * `porthole dev` and a rebuild after one edit see):
 *
 *   node --conditions=source --import tsx packages/kb-compiler/bench/compile.bench.ts <content-dir>
 */
import { compileKnowledgeBase, createMemoryCache } from '../src/index.js';

const contentDir = process.argv[2];
if (!contentDir) {
  console.error('Usage: compile.bench.ts <content-dir>');
  process.exit(2);
}
const cache = createMemoryCache();
for (const run of ['cold', 'cached']) {
  const started = performance.now();
  const result = await compileKnowledgeBase({ contentDir, cache });
  const ms = performance.now() - started;
  const heap = process.memoryUsage().rss / 1024 / 1024;
  console.log(
    `${run}: ${result.articleCount} articles in ${ms.toFixed(0)} ms (rendered ${result.rendered.fresh}, cached ${result.rendered.cached}); rss ${heap.toFixed(0)} MB`,
  );
}
