import type { PortholeWidget } from './components/widget/widget.component.js';
import { isPortholeEventName } from './core/events.js';
import type { PortholeEventDetails, PortholeEventName } from './core/events.js';
import type { ContactPrefill, PortholeOptions, PortholeUser } from './core/options.js';
import { issueWarning } from './core/warnings.js';
import type { DeepLink } from './components/widget/page-hooks.js';

/** An event name with or without its `porthole-` prefix: `'open'` or `'porthole-open'`. */
export type PortholeEventShortName = PortholeEventName extends `porthole-${infer Short}`
  ? Short
  : never;

type EventFor<N> = N extends PortholeEventName
  ? CustomEvent<PortholeEventDetails[N]>
  : N extends PortholeEventShortName
    ? CustomEvent<PortholeEventDetails[`porthole-${N}`]>
    : never;

/**
 * The global `Porthole(command, …args)` function. It never throws into the page: a bad command
 * or argument logs a coded warning instead.
 */
export interface PortholeFunction {
  (command: 'open' | 'close' | 'toggle' | 'destroy' | 'logout'): void;
  /** Open the panel and search. */
  (command: 'search', query: string): void;
  /** Open the panel on an article, optionally in another locale and at a section. */
  (command: 'article', slug: string, locale?: string, section?: string): void;
  /** Open the contact form; fills in fields the visitor has not typed in. */
  (command: 'contact', prefill?: ContactPrefill): void;
  /**
   * A link to a page (this one by default) that opens the widget on an article (at a section,
   * in a locale) or a search: `https://example.com/pricing#porthole-article=billing%2Frefunds`.
   */
  (command: 'link', target: DeepLink, page?: string): string;
  /** Who the visitor is: prefills name and email; `userHash` verifies their tickets. */
  (command: 'identify', user: PortholeUser): void;
  (command: 'config', options: PortholeOptions): void;
  /** Listen to a widget event; returns a function that stops listening. */
  <N extends PortholeEventName | PortholeEventShortName>(
    command: 'on',
    event: N,
    handler: (event: EventFor<N>) => void,
  ): () => void;
  /** Set on the real function, so a second copy of the script can tell it is not the stub. */
  readonly loaded: true;
}

/** The pre-load stub from the embed snippet: it only queues its `arguments`. */
export interface PortholeStub {
  (...args: unknown[]): void;
  q?: ArrayLike<unknown>[];
}

declare global {
  interface Window {
    Porthole?: PortholeFunction | PortholeStub;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keep only the string fields named in `keys` (the API is called from untyped pages). */
function pickStrings<K extends string>(
  value: unknown,
  keys: readonly K[],
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  if (isRecord(value)) {
    for (const key of keys) {
      const field = value[key];
      if (typeof field === 'string') out[key] = field;
    }
  }
  return out;
}

/** Make the `Porthole()` function that drives one widget element. */
export function createPorthole(widget: PortholeWidget): PortholeFunction {
  const unsubscribers = new Set<() => void>();
  let destroyed = false;

  const commands: Record<string, (...args: unknown[]) => unknown> = {
    open: () => widget.show(),
    close: () => widget.hide(),
    toggle: () => widget.toggle(),
    search: (query) => widget.search(typeof query === 'string' ? query : ''),
    article: (slug, locale, section) =>
      typeof slug === 'string'
        ? widget.showArticle(
            slug,
            typeof locale === 'string' ? locale : undefined,
            typeof section === 'string' ? section : undefined,
          )
        : issueWarning('bad-argument', "Porthole('article', slug) needs a slug string."),
    contact: (prefill) =>
      widget.contact(pickStrings(prefill, ['name', 'email', 'subject', 'message'])),
    identify: (user) => widget.identify(pickStrings(user, ['name', 'email', 'userHash'])),
    logout: () => widget.logout(),
    link: (target, page) => {
      const { article, section, locale, search } = pickStrings(target, [
        'article',
        'section',
        'locale',
        'search',
      ]);
      if (!article && !search) {
        issueWarning('bad-argument', "Porthole('link', …) needs { article: slug } or { search }.");
        return undefined;
      }
      const link: DeepLink = article
        ? { article, ...(section && { section }), ...(locale && { locale }) }
        : { search: search as string };
      return widget.link(link, typeof page === 'string' ? page : undefined);
    },
    config: (options) =>
      isRecord(options)
        ? widget.configure(options as PortholeOptions)
        : issueWarning('bad-argument', "Porthole('config', options) needs an object."),
    on: (name, handler) => {
      const type =
        typeof name === 'string' && !name.startsWith('porthole-') ? `porthole-${name}` : name;
      if (!isPortholeEventName(type) || typeof handler !== 'function') {
        issueWarning(
          'bad-argument',
          `Porthole('on', …) needs a known event name and a function; got "${String(name)}".`,
        );
        return () => undefined;
      }
      const listener = (event: Event) => (handler as (event: Event) => void)(event);
      widget.addEventListener(type, listener);
      const off = () => {
        widget.removeEventListener(type, listener);
        unsubscribers.delete(off);
      };
      unsubscribers.add(off);
      return off;
    },
    destroy: () => {
      for (const off of [...unsubscribers]) off();
      widget.remove();
      destroyed = true;
    },
  };

  const porthole = (command: unknown, ...args: unknown[]): unknown => {
    if (destroyed) {
      issueWarning('destroyed', `Porthole('${String(command)}') after 'destroy' does nothing.`);
      return undefined;
    }
    const run =
      typeof command === 'string' && Object.hasOwn(commands, command)
        ? commands[command]
        : undefined;
    if (!run) {
      issueWarning('unknown-command', `Unknown command Porthole('${String(command)}').`);
      return undefined;
    }
    try {
      const result = run(...args);
      if (result instanceof Promise) {
        result.catch((error: unknown) => warnFailure(command as string, error));
        return undefined;
      }
      return result;
    } catch (error) {
      warnFailure(command as string, error);
      return undefined;
    }
  };
  return Object.assign(porthole, { loaded: true as const }) as PortholeFunction;
}

function warnFailure(command: string, error: unknown): void {
  issueWarning('command-failed', `Porthole('${command}') failed: ${String(error)}`);
}

/** True when `value` is a real `Porthole()` (not the stub, not something else). */
export function isPortholeFunction(value: unknown): value is PortholeFunction {
  return typeof value === 'function' && (value as Partial<PortholeFunction>).loaded === true;
}

/**
 * Make `window.Porthole` drive `widget`: run the calls the stub queued before the script
 * arrived, in order (including any a queued call makes), then replace the stub.
 */
export function installPorthole(widget: PortholeWidget, target: Window = window): PortholeFunction {
  const porthole = createPorthole(widget);
  const stub = target.Porthole;
  const queue = stub && !isPortholeFunction(stub) && Array.isArray(stub.q) ? stub.q : [];
  while (queue.length) {
    const args = Array.from(queue.shift() ?? []);
    (porthole as (...args: unknown[]) => unknown)(...args);
  }
  target.Porthole = porthole;
  return porthole;
}
