// On a fresh clone, `npm run demo` and `npm test` install the workspace first, so each is a
// single command. (better-sqlite3 compiles from source on first install: about 90 s.)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function ensureDependencies() {
  if (existsSync('node_modules/.package-lock.json')) return;
  console.log('▶ installing dependencies: npm ci');
  const { status } = spawnSync('npm ci --no-audit --no-fund', { stdio: 'inherit', shell: true });
  if (status !== 0) process.exit(status ?? 1);
}
