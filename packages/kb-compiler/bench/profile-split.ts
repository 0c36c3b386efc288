/**
 * Splits a CPU profile of rebuilds (`watch-edit.ts --profile`) into the search index (samples
 * under `cachedSearchIndex`), garbage collection, and the rest of the build, and lists the
 * functions of the rest by their own time.
 *
 *   node --import tsx packages/kb-compiler/bench/profile-split.ts /tmp/edit.cpuprofile
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: profile-split.ts <file.cpuprofile>');
const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parents.set(child, node.id);
const nameOf = (node: ProfileNode) =>
  `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').slice(-2).join('/')}`;

/** Not the build: the profiler's own calls, idle time. */
const OUTSIDE = ['post node:inspector', '(idle)', '(program)'];
const totals = { index: 0, gc: 0, build: 0, outside: 0 };
const self = new Map<string, number>();
profile.samples.forEach((id, i) => {
  const time = profile.timeDeltas[i] ?? 0;
  const chain: string[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
    const node = nodes.get(at);
    if (node) chain.push(nameOf(node));
  }
  const leaf = chain[0] ?? '';
  if (leaf.startsWith('(garbage collector)')) totals.gc += time;
  else if (chain.some((name) => name.startsWith('cachedSearchIndex '))) totals.index += time;
  else if (chain.some((name) => OUTSIDE.some((o) => name.startsWith(o)))) totals.outside += time;
  else {
    totals.build += time;
    self.set(leaf, (self.get(leaf) ?? 0) + time);
  }
});
const ms = (us: number) => `${Math.round(us / 1000)} ms`;
console.log(
  `search index ${ms(totals.index)}, rest of the build ${ms(totals.build)}, GC ${ms(totals.gc)}, profiler and idle ${ms(totals.outside)}`,
);
for (const [name, time] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20))
  console.log(`${ms(time).padStart(8)}  ${name}`);
