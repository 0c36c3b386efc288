/**
 * The script-tag bundle (`@porthole/widget/porthole.js`):
 *
 *   <script src="/porthole.js" data-kb="/kb/" data-endpoint="/v1/tickets" async></script>
 *
 * Mounts one `<porthole-widget>` at the end of `<body>` and replaces the `window.Porthole`
 * stub with the real command function, running the calls queued before the script arrived.
 * It holds only the launcher, the dialog's frame and the command API; the panel and what it
 * needs load later from the `porthole-*.js` files beside it. Under a strict CSP it needs
 * nothing but `script-src 'self'` and `connect-src 'self'`: styles are constructed stylesheets
 * inside shadow roots, positions are set through CSSOM.
 */
import { installPorthole, isPortholeFunction } from './command-api.js';
import './components/widget/widget.js';
import { isPosition } from './components/widget/widget.component.js';
import type { PortholeOptions } from './core/options.js';
import { issueWarning } from './core/warnings.js';

// Only readable while the script first runs, so it is captured before anything waits.
const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;

/**
 * Options from the script's `data-*` attributes. Given URLs stay relative to the page, like
 * every other URL in HTML; a missing `data-kb` / `data-endpoint` means the layout
 * `porthole serve` uses on the script's own origin (`/kb/`, `/v1/tickets`).
 * See docs/embedding.md.
 */
export function readScriptOptions(element: HTMLScriptElement | null): PortholeOptions {
  const data = element?.dataset ?? {};
  const base = element?.src || document.baseURI;
  const options: PortholeOptions = {
    kb: data['kb'] ?? new URL('/kb/', base).href,
    endpoint: data['endpoint'] ?? new URL('/v1/tickets', base).href,
  };
  if (data['locale']) options.locale = data['locale'];
  if (data['accent']) options.accent = data['accent'];
  if (data['shortcut']) options.shortcut = data['shortcut'];
  if (data['attachments'] === 'off') options.attachments = false;
  // Parsed (and checked) with the fields' own code, on sites that have them.
  if (data['fields']) options.fields = data['fields'];
  if (data['replyTime']) options.replyTime = data['replyTime'];
  if (data['launcher'] === 'none') options.launcher = false;
  else if (data['launcher']) {
    issueWarning('bad-launcher', `data-launcher="${data['launcher']}" is not "none".`);
  }
  const position = data['position'];
  if (position && isPosition(position)) options.position = position;
  else if (position) {
    issueWarning(
      'bad-position',
      `data-position="${position}" is not bottom-end, bottom-start, bottom-right or bottom-left.`,
    );
  }
  return options;
}

function alreadyLoaded(): boolean {
  if (!isPortholeFunction(window.Porthole)) return false;
  issueWarning('loaded-twice', 'porthole.js was loaded twice; the second copy does nothing.');
  return true;
}

/**
 * Make the widget, then, in a task of its own, put it on the page and run the queued calls:
 * building it and showing it cost about the same, so two short tasks instead of one.
 */
function mount(): void {
  try {
    if (alreadyLoaded()) return;
    const widget = document.createElement('porthole-widget');
    widget.configure(readScriptOptions(script));
    setTimeout(() => attach(widget), 0);
  } catch (error) {
    issueWarning('mount-failed', `The help widget could not start: ${String(error)}`);
  }
}

function attach(widget: HTMLElementTagNameMap['porthole-widget']): void {
  try {
    if (alreadyLoaded()) return;
    document.body.append(widget);
    installPorthole(widget);
  } catch (error) {
    issueWarning('mount-failed', `The help widget could not start: ${String(error)}`);
  }
}

// In a task of its own, after the one that evaluated this script: short tasks instead of one
// long one on the host page's main thread.
const mountSoon = () => setTimeout(mount, 0);
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', mountSoon, { once: true });
} else {
  mountSoon();
}
