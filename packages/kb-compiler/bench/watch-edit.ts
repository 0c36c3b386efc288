/**
 * One edit in watch mode (`porthole dev`, the Vite plugin): builds a content folder, appends a
 * sentence to one article, and prints how long the rebuild took (wall and CPU). With
 * `--profile <file>`, writes a CPU profile of the rebuilds only. The article is restored at the end.
 *
 *   node --import tsx packages/kb-compiler/bench/watch-edit.ts /tmp/wc-scale [--profile out.cpuprofile]
 */
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { watchKnowledgeBase } from '../src/index.js';

const [dir, flag, profilePath] = process.argv.slice(2);
if (!dir) throw new Error('usage: watch-edit.ts <content-dir> [--profile <file>]');
const articles = (await readdir(dir, { recursive: true })).filter((p) => p.endsWith('.md')).sort();
const target = join(dir, articles[Math.floor(articles.length / 2)] ?? '');

const original = await readFile(target, 'utf8');
const started = performance.now();
// Each edit waits for the build it causes (`settled()` alone returns at once when the change
// event has not arrived yet).
let built: () => void = () => {};
const watcher = await watchKnowledgeBase({ contentDir: dir, onBuild: () => built() });
console.log(`first build: ${Math.round(performance.now() - started)} ms`);
const session = new Session();
session.connect();
if (flag === '--profile') {
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
try {
  await editThreeTimes();
} finally {
  await writeFile(target, original);
  watcher.close();
}

async function editThreeTimes() {
  for (let round = 1; round <= 3; round++) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    const rebuilt = new Promise<void>((resolve) => (built = resolve));
    await appendFile(target, `\nOne more sentence, round ${round}.\n`);
    await rebuilt;
    await watcher.settled();
    const used = process.cpuUsage(cpu);
    console.log(
      `edit ${round}: ${Math.round(performance.now() - t)} ms wall, ${Math.round((used.user + used.system) / 1000)} ms CPU, ${watcher.current.rendered.fresh} rendered`,
    );
  }
  if (flag === '--profile' && profilePath) {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(profilePath, JSON.stringify(profile));
  }
}
