import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli, type CliIo } from '../src/index.js';

const shared = resolve(import.meta.dirname, '../../../../shared');

interface Captured {
  code: number;
  out: string;
  err: string;
}

async function porthole(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; waitForStop?: () => Promise<void> } = {},
): Promise<Captured> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    waitForStop: options.waitForStop ?? (() => Promise.resolve()),
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

let dir: string;
async function write(path: string, text: string) {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), text);
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'porthole-cli-'));
  await write(
    'good/en/billing/refunds.md',
    '---\ntitle: Refunds\nkeywords: [money back]\n---\nWe refund within 14 days.\n\n## How to ask\n\nWrite to us. See [plans](plans.md).\n',
  );
  await write(
    'good/en/billing/plans.md',
    '---\ntitle: Plans and pricing\n---\nTeam costs €19 per agent.\n',
  );
  await write(
    'bad/en/a.md',
    '---\ntitle: A\n---\nFirst line.\n\nSee [the missing page](missing.md) for more.\n',
  );
  await write('bad/en/b.md', '---\ntitle: B\norder: first\n---\nBody.\n');
});

after(() => rm(dir, { recursive: true, force: true }));

describe('porthole', () => {
  test('--help lists every command; a bare call is a usage error', async () => {
    const help = await porthole(['--help']);
    assert.equal(help.code, 0);
    for (const name of ['build', 'check', 'dev', 'search', 'serve'])
      assert.match(help.out, new RegExp(`\\b${name}\\b`));
    const bare = await porthole([]);
    assert.equal(bare.code, 2);
  });

  test('an unknown command or flag is exit 2 with a pointer to --help', async () => {
    const unknown = await porthole(['publish']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown command "publish"/);
    const flag = await porthole(['build', 'x', '--ouy', 'y']);
    assert.equal(flag.code, 2);
    assert.match(flag.err, /--ouy/);
    assert.match(flag.err, /porthole build --help/);
  });

  test('each command has --help', async () => {
    for (const name of ['build', 'check', 'dev', 'search', 'serve']) {
      const { code, out } = await porthole([name, '--help']);
      assert.equal(code, 0);
      assert.match(out, new RegExp(`^Usage: porthole ${name}`));
    }
  });
});

describe('porthole build', () => {
  test('compiles a content folder into a static knowledge base', async () => {
    const result = await porthole(['build', 'good', '--out', 'kb'], { cwd: dir });
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /Built 2 articles in 1 locale \(en\)/);
    assert.ok(existsSync(join(dir, 'kb/manifest.json')));
  });

  test('a second build of unchanged content is up to date; a damaged cache file is a warning', async () => {
    const site = join(dir, 'cached-site');
    await mkdir(join(site, 'node_modules'), { recursive: true });
    await write('cached-site/content/en/a.md', '---\ntitle: A\n---\nText.\n');
    // Old enough for the build record to trust its times.
    await utimes(join(site, 'content/en/a.md'), 1_700_000_000, 1_700_000_000);
    const first = await porthole(['build', 'content', '--out', 'kb'], { cwd: site });
    assert.equal(first.code, 0, first.err);
    assert.doesNotMatch(first.out, /up to date/);
    const second = await porthole(['build', 'content', '--out', 'kb'], { cwd: site });
    assert.match(second.out, /\(0 rendered, 1 unchanged; output up to date\)/);
    const cacheRoot = join(site, 'node_modules/.cache/porthole');
    const [id = ''] = await readdir(cacheRoot);
    await writeFile(join(cacheRoot, id, 'build-v1.json'), 'truncated');
    const third = await porthole(['build', 'content', '--out', 'kb'], { cwd: site });
    assert.equal(third.code, 0, third.err);
    assert.match(third.err, /porthole build: warning: ignoring the build record .* damaged/);
    assert.match(third.out, /\(0 rendered, 1 unchanged\)/);
  });

  test('requires --out', async () => {
    const result = await porthole(['build', 'good'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.err, /Missing --out/);
  });

  test('refuses to build articles with errors, printing file:line:col', async () => {
    const result = await porthole(['build', 'bad', '--out', 'bad-kb'], { cwd: dir });
    assert.equal(result.code, 1);
    assert.match(result.err, /a\.md:6:\d+ error .*missing/i);
    assert.ok(!existsSync(join(dir, 'bad-kb/manifest.json')), 'nothing half-built is left behind');
  });
});

describe('porthole check', () => {
  test('reports a broken link and a bad front-matter value with positions, a count per code, exit 1', async () => {
    const result = await porthole(['check', 'bad'], { cwd: dir });
    assert.equal(result.code, 1);
    const lines = result.out.trim().split('\n');
    assert.ok(
      lines.some((l) => /^bad[/\\]en[/\\]a\.md:6:\d+ error /.test(l)),
      result.out,
    );
    assert.ok(
      lines.some((l) => /b\.md:3:1 error `order` must be a number/.test(l)),
      result.out,
    );
    assert.match(result.err, /broken-link +1 error\n/);
    assert.match(result.err, /invalid-front-matter +1 error\n/);
    assert.match(result.err, /^2 errors, 0 warnings$/m);
  });

  test('--summary prints only the count per code', async () => {
    const result = await porthole(['check', 'bad', '--summary'], { cwd: dir });
    assert.equal(result.code, 1);
    assert.equal(result.out, '');
    assert.match(result.err, /^ {2}broken-link +1 error\n/m);
  });

  test('a folder that does not exist is a usage error, not a crash', async () => {
    const result = await porthole(['check', 'nowhere'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.err, /nowhere does not exist/);
  });

  test('a clean folder exits 0', async () => {
    const result = await porthole(['check', 'good'], { cwd: dir });
    assert.equal(result.code, 0, result.out);
  });

  test('--json prints the diagnostics as data', async () => {
    const result = await porthole(['check', 'bad', '--json'], { cwd: dir });
    const diagnostics = JSON.parse(result.out) as { severity: string; line: number }[];
    assert.ok(diagnostics.some((d) => d.severity === 'error' && d.line === 6));
  });
});

describe('porthole search', () => {
  test('prints ranked hits, with --json as data', async () => {
    await porthole(['build', 'good', '--out', 'kb'], { cwd: dir });
    const text = await porthole(['search', '--kb', 'kb', 'refnds'], { cwd: dir });
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /^1\. Refunds/);
    const json = await porthole(['search', '--kb', 'kb', '--json', 'money back'], { cwd: dir });
    const hits = JSON.parse(json.out) as { slug: string }[];
    assert.equal(hits[0]?.slug, 'billing/refunds');
  });

  test('says when there is no good match; --all shows the weak hits', async () => {
    await porthole(['build', 'good', '--out', 'kb'], { cwd: dir });
    const none = await porthole(['search', '--kb', 'kb', 'bake sourdough refunds'], { cwd: dir });
    assert.match(
      none.out,
      /^No good match for "bake sourdough refunds" \(--all shows weak hits\)\.$/m,
    );
    const weak = await porthole(['search', '--kb', 'kb', '--all', 'bake sourdough refunds'], {
      cwd: dir,
    });
    assert.match(weak.out, /^No good match; weak hits:\n1\. Refunds/);
  });

  test('requires --kb and a query', async () => {
    assert.equal((await porthole(['search', 'refunds'])).code, 2);
    assert.equal((await porthole(['search', '--kb', 'kb'], { cwd: dir })).code, 2);
  });
});

describe('porthole serve', () => {
  test('serves the knowledge base, health check and ticket API until stopped', async () => {
    await porthole(['build', 'good', '--out', 'kb'], { cwd: dir });
    let stop!: () => void;
    const stopped = new Promise<void>((done) => (stop = done));
    let url = '';
    const running = runCli(
      ['serve', '--port', '0', '--kb', 'kb', '--allowed-origins', 'https://shop.example/'],
      {
        out: (text) => void (url ||= /serving on (\S+)/.exec(text)?.[1] ?? ''),
        err: () => {},
        cwd: dir,
        env: { DATABASE_URL: `sqlite:${join(dir, 'serve.db')}` },
        waitForStop: () => stopped,
      },
    );
    for (let i = 0; i < 100 && !url; i++) await new Promise((r) => setTimeout(r, 20));
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+/);
    const base = url.replace(/\/$/, '');
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    const manifest = await fetch(`${base}/kb/manifest.json`);
    assert.equal(manifest.status, 200);
    const preflight = await fetch(`${base}/v1/tickets`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, idempotency-key',
      },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://shop.example');
    const created = await fetch(`${base}/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'cli-test-1' },
      body: JSON.stringify({ email: 'a@example.com', subject: 'Hi', message: 'Hello there' }),
    });
    assert.equal(created.status, 201);
    stop();
    assert.equal(await running, 0);
    assert.ok((await readFile(join(dir, 'serve.db'))).length > 0, 'the ticket went to SQLite');
  });

  test('refuses a --kb folder that was not built', async () => {
    const result = await porthole(['serve', '--kb', 'good'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.err, /no manifest\.json/);
  });
});

// Skipped on a machine without ../shared; in CI (CI=true) its absence is a failure instead.
const hasHelpCenter = existsSync(join(shared, 'corpora/helpcenter-md'));
describe(
  'the real help center',
  { skip: !hasHelpCenter && process.env.CI !== 'true' && 'needs ../shared' },
  () => {
    test('builds and checks ../shared/corpora/helpcenter-md', async () => {
      assert.ok(hasHelpCenter, `${shared}/corpora/helpcenter-md is missing: CI needs ../shared`);
      const content = join(shared, 'corpora/helpcenter-md');
      const build = await porthole(['build', content, '--out', join(dir, 'helpcenter-kb')]);
      assert.equal(build.code, 0, build.err);
      assert.match(build.out, /Built 173 articles/);
      const check = await porthole(['check', content]);
      for (const line of check.out.trim().split('\n').filter(Boolean)) {
        assert.match(line, /^.+\.md:\d+:\d+ (error|warning|info) .+/);
      }
      assert.equal(check.code, 0, 'the help center has no errors');
    });
  },
);
