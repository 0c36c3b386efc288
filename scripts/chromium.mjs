// Finds Debian's Chromium for the browser and end-to-end tests, installing it with apt when
// running as root on a fresh Debian machine. Browser downloads (`npx playwright install`)
// don't work on machines without general internet access, so we never try them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Flags for every headless Chromium the tests start. Without the background-networking ones,
 * Chromium keeps dialling Google's hosts, which a machine without internet refuses noisily.
 */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** `CHROME_PATH` (set by `npm test`) or Debian's Chromium; never installs anything. */
export function chromiumPath() {
  return process.env.CHROME_PATH ?? '/usr/bin/chromium';
}

/** @returns {string} the path of a Chromium executable */
export function ensureChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH=${fromEnv} does not exist.`);
  }
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;

  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(
      'Chromium is needed for the browser tests. Install it (Debian: `sudo apt-get install -y chromium`)\n' +
        'or set CHROME_PATH to a Chromium or Chrome executable.',
    );
    process.exit(1);
  }
  console.log('Installing Chromium from Debian (apt-get install chromium)…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return '/usr/bin/chromium';
}
