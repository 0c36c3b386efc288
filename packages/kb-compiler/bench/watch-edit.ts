/**
 * One edit in watch mode (`porthole dev`, the Vite plugin): builds a content folder, appends a
 * sentence to one article, and prints how long the rebuild took (wall and CPU). With
 * `--new-words`, each sentence brings a word the knowledge base does not have yet (the
 * vocabulary changes too). With `--profile <file>`, writes a CPU profile of the rebuilds only.
 * The article is restored at the end.
 *
 *   node --import tsx packages/kb-compiler/bench/watch-edit.ts /tmp/wc-scale [--new-words] [--profile out.cpuprofile]
 */
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { watchKnowledgeBase } from '../src/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { profile: { type: 'string' }, 'new-words': { type: 'boolean' } },
});
const [dir] = positionals;
if (!dir) throw new Error('usage: watch-edit.ts <content-dir> [--new-words] [--profile <file>]');
const profilePath = values.profile;
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
if (profilePath) {
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
    const word = values['new-words'] ? ` about quokkas${round}` : '';
    await appendFile(target, `\nOne more sentence${word}, round ${round}.\n`);
    await rebuilt;
    await watcher.settled();
    const used = process.cpuUsage(cpu);
    console.log(
      `edit ${round}: ${Math.round(performance.now() - t)} ms wall, ${Math.round((used.user + used.system) / 1000)} ms CPU, ${watcher.current.rendered.fresh} rendered`,
    );
  }
  if (profilePath) {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(profilePath, JSON.stringify(profile));
  }
}
