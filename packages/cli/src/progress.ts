/**
 * Build progress on standard error: a bar redrawn in place on a terminal, plain lines (every
 * 10%) otherwise, so CI logs stay readable. Nothing for builds that finish at once.
 */
import type { BuildProgress } from '@porthole/kb-compiler';

const BAR = 24;
const number = new Intl.NumberFormat('en');

export function createProgress(
  write: (text: string) => void,
  interactive: boolean,
): { update: (progress: BuildProgress) => void; finish: () => void } {
  let lastTenth = -1;
  let drawn = false;
  const started = performance.now();
  return {
    update({ done, total, cached }) {
      // Small or fully cached builds finish before anyone could read a bar.
      if (total - cached < 200 || performance.now() - started < 300) return;
      const share = done / total;
      const label = `${number.format(done)}/${number.format(total)} articles${cached ? ` (${number.format(cached)} unchanged)` : ''}`;
      if (interactive) {
        const filled = Math.round(share * BAR);
        write(`\r[${'#'.repeat(filled)}${' '.repeat(BAR - filled)}] ${label}`);
        drawn = true;
      } else if (Math.floor(share * 10) > lastTenth) {
        lastTenth = Math.floor(share * 10);
        write(`Rendered ${label}\n`);
      }
    },
    finish() {
      if (drawn) write('\r\x1b[2K');
    },
  };
}
