#!/usr/bin/env node
// `npm run demo`: builds everything, compiles the example help center and serves the demo
// site, the knowledge base and the ticket API (SQLite) on http://127.0.0.1:8787 ($PORT).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { ensureDependencies } from './ensure-deps.mjs';

const run = (command) => {
  console.log(`▶ ${command}`);
  const { status } = spawnSync(command, { stdio: 'inherit', shell: true });
  if (status !== 0) process.exit(status ?? 1);
};

ensureDependencies();
run('npm run build');
run(
  'node packages/cli/bin/porthole.js build examples/quayside/content --out examples/quayside/dist/kb',
);

const port = process.env.PORT ?? '8787';
const env = {
  ...process.env,
  PORTHOLE_AGENT_TOKEN: process.env.PORTHOLE_AGENT_TOKEN ?? randomBytes(12).toString('hex'),
  DATABASE_URL: process.env.DATABASE_URL ?? 'sqlite:.data/porthole.db',
};
const server = spawn(
  process.execPath,
  [
    'packages/cli/bin/porthole.js',
    'serve',
    '--port',
    port,
    '--kb',
    'examples/quayside/dist/kb',
    '--static',
    'examples/quayside/site',
  ],
  { stdio: 'inherit', env },
);
console.log(
  `\nOpen http://127.0.0.1:${port}/ and click the Help bubble.\n` +
    `Tickets land in ${env.DATABASE_URL}; read them with:\n` +
    `  curl -H 'Authorization: Bearer ${env.PORTHOLE_AGENT_TOKEN}' http://127.0.0.1:${port}/v1/tickets\n`,
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
