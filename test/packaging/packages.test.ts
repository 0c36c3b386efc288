/**
 * Every package as a consumer gets it: `npm pack` makes the tarball, publint reads it, and a
 * consumer project with the tarballs unpacked into its node_modules resolves every `exports`
 * subpath with Node's own resolution (no `source` condition), imports the ones that run in
 * Node, and type-checks an import of each with TypeScript (as Fuse.js and Floating UI test
 * their packages). Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const repoRoot = resolve(import.meta.dirname, '../..');
const PACKAGES = ['tickets', 'kb', 'kb-compiler', 'widget', 'server', 'cli'];
/** Browser-only entry points: resolved and type-checked, not run in Node. */
const BROWSER_ONLY = new Set(['@porthole/widget']);

interface Manifest {
  name: string;
  exports: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
}

let work: string;
let consumer: string;
const manifests = new Map<string, Manifest>();

/** `npm pack` one workspace package; returns the tarball's path. */
function pack(name: string, into: string): string {
  const out = execFileSync(
    'npm',
    ['pack', '--json', '--pack-destination', into, '--workspace', `packages/${name}`],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  const [result] = JSON.parse(out) as { filename: string }[];
  assert.ok(result, `npm pack packages/${name} made no tarball`);
  return join(into, result.filename);
}

/** The import specifiers of a package: one per `exports` subpath, patterns expanded. */
async function specifiersOf(dir: string, manifest: Manifest): Promise<string[]> {
  const specifiers: string[] = [];
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    if (subpath === './package.json') continue;
    if (!subpath.includes('*')) {
      specifiers.push(`${manifest.name}${subpath.slice(1)}`);
      continue;
    }
    const pattern = typeof target === 'string' ? target : (target['default'] ?? '');
    const [prefix = '', suffix = ''] = pattern.split('*');
    const files = await readdir(join(dir, dirname(prefix)));
    const base = prefix.slice(dirname(prefix).length + 1);
    const matches = files.filter((file) => file.startsWith(base) && file.endsWith(suffix));
    assert.ok(matches.length > 0, `${manifest.name}: ${subpath} matches no packed file`);
    const [subPrefix = ''] = subpath.split('*');
    for (const file of matches) {
      const star = file.slice(base.length, file.length - suffix.length);
      specifiers.push(`${manifest.name}${subPrefix.slice(1)}${star}${subpath.split('*')[1] ?? ''}`);
    }
  }
  return specifiers;
}

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'porthole-pack-'));
  consumer = join(work, 'consumer');
  const modules = join(consumer, 'node_modules');
  await mkdir(join(modules, '@porthole'), { recursive: true });
  const external = new Set<string>();
  for (const name of PACKAGES) {
    const tarball = pack(name, work);
    const dir = join(modules, '@porthole', name);
    await mkdir(dir);
    execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Manifest;
    manifests.set(name, manifest);
    for (const dep of Object.keys(manifest.dependencies ?? {})) {
      if (!dep.startsWith('@porthole/')) external.add(dep);
    }
  }
  // Third-party dependencies come from the repository's install, as a registry would give them.
  for (const dep of external) {
    await mkdir(dirname(join(modules, dep)), { recursive: true });
    await symlink(join(repoRoot, 'node_modules', dep), join(modules, dep), 'dir');
  }
  await writeFile(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
});

after(() => rm(work, { recursive: true, force: true }));

describe('the packed packages', () => {
  for (const name of PACKAGES) {
    test(`@porthole/${name}: publint finds nothing to fix`, async () => {
      const pkgDir = join(consumer, 'node_modules', '@porthole', name);
      const { messages, pkg } = await publint({ pkgDir, pack: false, level: 'suggestion' });
      const problems = messages.map((message) => `${message.type}: ${formatMessage(message, pkg)}`);
      assert.deepEqual(problems, []);
    });
  }

  test('every exports subpath resolves from the tarball, and the Node ones import', async () => {
    const specifiers: { specifier: string; run: boolean }[] = [];
    for (const name of PACKAGES) {
      const manifest = manifests.get(name) as Manifest;
      const dir = join(consumer, 'node_modules', '@porthole', name);
      for (const specifier of await specifiersOf(dir, manifest)) {
        specifiers.push({ specifier, run: !BROWSER_ONLY.has(manifest.name) });
      }
    }
    const script = join(consumer, 'resolve.mjs');
    await writeFile(
      script,
      `import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const out = [];
for (const { specifier, run } of ${JSON.stringify(specifiers)}) {
  const file = fileURLToPath(import.meta.resolve(specifier));
  if (!existsSync(file)) throw new Error(specifier + ' resolves to a missing ' + file);
  if (file.includes('/src/')) throw new Error(specifier + ' resolves to its source: ' + file);
  const exported = run ? Object.keys(await import(specifier)).length : -1;
  out.push([specifier, exported]);
}
console.log(JSON.stringify(out));
`,
    );
    const output = execFileSync(process.execPath, [script], { cwd: consumer, encoding: 'utf8' });
    const resolved = JSON.parse(output) as [string, number][];
    assert.equal(resolved.length, specifiers.length);
    for (const [specifier, exported] of resolved) {
      assert.ok(exported !== 0, `${specifier} exports nothing`);
    }
    assert.ok(
      resolved.some(([specifier]) =>
        /^@porthole\/widget\/porthole-panel-[a-z0-9]+\.js$/.test(specifier),
      ),
      'the widget ships its hashed parts',
    );
  });

  test('every exports subpath with types type-checks in a strict consumer', async () => {
    const lines: string[] = [];
    let index = 0;
    for (const name of PACKAGES) {
      const manifest = manifests.get(name) as Manifest;
      for (const [subpath, target] of Object.entries(manifest.exports)) {
        if (typeof target === 'string' || !target['types']) continue;
        lines.push(`import * as m${index++} from '${manifest.name}${subpath.slice(1)}';`);
      }
    }
    lines.push(
      `export const all = [${Array.from({ length: index }, (_, i) => `m${i}`).join(', ')}];`,
    );
    await writeFile(join(consumer, 'index.ts'), `${lines.join('\n')}\n`);
    await writeFile(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          types: ['node'],
          typeRoots: [join(repoRoot, 'node_modules/@types')],
          strict: true,
          exactOptionalPropertyTypes: true,
          noEmit: true,
          // Our declarations are checked; third-party ones are theirs to check.
          skipLibCheck: true,
        },
        files: ['index.ts'],
      }),
    );
    const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', consumer], { encoding: 'utf8' });
    } catch (error) {
      assert.fail(`tsc: ${(error as { stdout?: string }).stdout ?? String(error)}`);
    }
    assert.ok(index >= 8, `${index} typed entry points checked`);
  });
});
