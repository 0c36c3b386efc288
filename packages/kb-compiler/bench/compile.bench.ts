/**
 * Time a compile of a content folder, cold and then again with the render cache warm (what
 * `porthole dev` and a rebuild after one edit see), in wall and CPU time:
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
  const cpu = process.cpuUsage();
  const result = await compileKnowledgeBase({ contentDir, cache });
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  const rss = process.memoryUsage().rss / 1024 / 1024;
  console.log(
    `${run}: ${result.articleCount} articles in ${ms.toFixed(0)} ms wall, ${((user + system) / 1000).toFixed(0)} ms CPU (rendered ${result.rendered.fresh}, cached ${result.rendered.cached}); rss ${rss.toFixed(0)} MB`,
  );
}
