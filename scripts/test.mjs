#!/usr/bin/env node
// `npm test`: every check the project has, in the order a failure is cheapest to read.
// Build first (the end-to-end test drives the built CLI and the script-tag bundle), then
// static checks, then Node, browser and end-to-end tests, then the size budget.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';
import { ensureDependencies } from './ensure-deps.mjs';

const steps = [
  ['build', 'npm run build'],
  ['typecheck', 'npm run typecheck'],
  ['lint', 'npm run lint'],
  ['api docs', 'node scripts/api-docs.mjs --check'],
  ['node tests', 'npm run test:node'],
  ['packaging', 'npm run test:pack'],
  ['browser tests', 'npm run test:browser'],
  ['end-to-end', 'npm run test:e2e'],
  ['size budget', 'npm run size'],
];

ensureDependencies();
process.env.CHROME_PATH = ensureChromium();

const results = [];
for (const [name, command] of steps) {
  console.log(`\n▶ ${name}: ${command}`);
  const started = performance.now();
  const { status } = spawnSync(command, { stdio: 'inherit', shell: true });
  const seconds = (performance.now() - started) / 1000;
  results.push({ name, ok: status === 0, seconds });
  // Nothing after a failed build can be trusted.
  if (status !== 0 && name === 'build') break;
}

console.log('\n  step            result   time');
for (const { name, ok, seconds } of results) {
  console.log(`  ${name.padEnd(15)} ${ok ? 'pass' : 'FAIL'}    ${seconds.toFixed(1)} s`);
}
const total = results.reduce((sum, r) => sum + r.seconds, 0);
console.log(`  ${'total'.padEnd(15)}          ${total.toFixed(1)} s`);
process.exit(results.every((r) => r.ok) && results.length === steps.length ? 0 : 1);
