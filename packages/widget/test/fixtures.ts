/**
 * Test doubles for the widget's browser tests: an in-memory `KnowledgeBase`, a ticket adapter
 * that counts calls, event spies and the shared injection corpus.
 */
import type { Article, KnowledgeBase, SearchHit, SearchOptions } from '@porthole/kb';
import { createMemoryAdapter, TicketError } from '@porthole/tickets';
import type { SubmitOptions, TicketAdapter, TicketInput, TicketReceipt } from '@porthole/tickets';

const article = (
  slug: string,
  locale: string,
  title: string,
  html: string,
  extra: Partial<Article> = {},
): Article => ({
  slug,
  locale,
  title,
  html,
  tags: [],
  pages: [],
  sections: [],
  translations: {},
  ...extra,
});

/** Enough paragraphs to make an article scroll (inline styles would be sanitized away). */
const FILLER = '<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>'.repeat(40);

export const ARTICLES: Article[] = [
  article(
    'account/reset-password',
    'en',
    'Reset your password',
    '<p>Open the sign-in page and choose <strong>Forgot password</strong>.</p>' +
      '<h2 id="email-missing">The email did not arrive</h2><p>Check your spam folder.</p>' +
      '<p><a href="#email-missing">Jump</a> · <a href="https://example.org/help">External</a> · ' +
      '<a href="/billing/refunds" data-porthole-article="billing/refunds" data-porthole-section="window">Refunds</a></p>' +
      `${FILLER}<h3 id="far-away">Far away</h3><p>The end.</p>${FILLER}`,
    {
      description: 'Get a new password by email.',
      sections: [
        { id: 'email-missing', title: 'The email did not arrive', level: 2 },
        { id: 'far-away', title: 'Far away', level: 3 },
      ],
    },
  ),
  article(
    'billing/refunds',
    'en',
    'Refunds',
    `<p>We refund within five days.</p>${FILLER}` +
      '<h2 id="window">Refund window</h2><p>Thirty days.</p>',
    { sections: [{ id: 'window', title: 'Refund window', level: 2 }], pages: ['/pricing/**'] },
  ),
  article('account/two-factor', 'en', 'Two-factor sign-in', '<p>Use an app.</p>'),
  article(
    'logariasmos/kodikos',
    'el',
    'Αλλαγή κωδικού πρόσβασης',
    '<p>Ανοίξτε τη σελίδα σύνδεσης.</p>',
  ),
];

export interface TestKnowledgeBase extends KnowledgeBase {
  /** Every search as [query, options]. */
  readonly searches: [string, SearchOptions | undefined][];
  /** Delay (ms) before a search answers, per query; default 0. */
  delays: Record<string, number>;
  /** When set, search and article reject with this. */
  failure: Error | undefined;
}

/** A small knowledge base that matches queries by substring (enough for widget tests). */
export function createTestKnowledgeBase(articles: Article[] = ARTICLES): TestKnowledgeBase {
  const locales = [...new Set(articles.map((a) => a.locale))];
  const kb: TestKnowledgeBase = {
    locales,
    defaultLocale: locales[0] ?? 'en',
    searches: [],
    delays: {},
    failure: undefined,
    resolveLocale(locale) {
      const base = locale?.toLowerCase().split('-')[0];
      return base && locales.includes(base) ? base : kb.defaultLocale;
    },
    articles(locale) {
      const wanted = kb.resolveLocale(locale);
      return articles.filter((a) => a.locale === wanted).map(({ html: _h, ...summary }) => summary);
    },
    async search(query, options) {
      kb.searches.push([query, options]);
      const delay = kb.delays[query] ?? 0;
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      if (kb.failure) throw kb.failure;
      const needle = query.trim().toLowerCase();
      const hits: SearchHit[] = [];
      for (const a of articles) {
        const section = a.sections.find((s) => s.title.toLowerCase().includes(needle));
        if (a.title.toLowerCase().includes(needle) || section) {
          hits.push({
            slug: a.slug,
            locale: a.locale,
            title: a.title,
            score: 1,
            snippet: a.description ?? a.title,
            ...(section && { section: { id: section.id, title: section.title } }),
          });
        }
      }
      return hits.slice(0, options?.limit ?? 10);
    },
    async article(slug, locale) {
      if (kb.failure) throw kb.failure;
      const found =
        articles.find((a) => a.slug === slug && a.locale === locale) ??
        articles.find((a) => a.slug === slug);
      if (!found) throw new Error(`not-found: ${slug}`);
      return found;
    },
  };
  return kb;
}

/** Records every call; can be told to fail the next attempts or to hang until released. */
export interface CountingAdapter extends TicketAdapter {
  calls: { ticket: TicketInput; idempotencyKey: string | undefined }[];
  /** Tickets actually created (one per idempotency key, like the reference server). */
  readonly created: number;
  /** The next N submissions fail with `failure` (by default a network error). */
  failNext: number;
  failure: () => TicketError;
  /** While set, submissions wait for this promise. */
  gate: Promise<void> | undefined;
}

export function createCountingAdapter(): CountingAdapter {
  const memory = createMemoryAdapter();
  const adapter: CountingAdapter = {
    name: 'counting',
    calls: [],
    get created() {
      return memory.tickets.length;
    },
    failNext: 0,
    failure: () => new TicketError('network', 'Could not reach the help desk.'),
    gate: undefined,
    async submit(ticket: TicketInput, options: SubmitOptions = {}): Promise<TicketReceipt> {
      adapter.calls.push({ ticket, idempotencyKey: options.idempotencyKey });
      if (adapter.gate) await adapter.gate;
      if (adapter.failNext > 0) {
        adapter.failNext--;
        throw adapter.failure();
      }
      return memory.submit(ticket, options);
    },
  };
  return adapter;
}

/** Collects the events of one type dispatched on (or bubbling through) a target. */
export function spyOn<T extends Event = CustomEvent>(
  target: EventTarget,
  type: string,
): { events: T[]; readonly count: number; last: () => T | undefined } {
  const events: T[] = [];
  target.addEventListener(type, (event) => events.push(event as T));
  return {
    events,
    get count() {
      return events.length;
    },
    last: () => events.at(-1),
  };
}

export interface XssVector {
  id: string;
  input: string;
  context: 'markdown' | 'query' | 'text';
  group: string;
}

/** The shared injection corpus, served by web-test-runner.config.mjs from ../shared. */
export async function loadXssVectors(): Promise<XssVector[]> {
  const response = await fetch('/__porthole__/xss-vectors.json');
  if (!response.ok) throw new Error(await response.text());
  return (await response.json()) as XssVector[];
}

/**
 * Wait until `predicate` holds, or fail after `timeout` ms. Polls with timers, not animation
 * frames: test pages that run side by side are background tabs, where frames never come.
 */
export async function until(predicate: () => unknown, message: string, timeout = 3000) {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Jump any running animations of `el` to their end (they may never run in a background tab). */
export function finishAnimations(el: Element): void {
  for (const animation of el.getAnimations()) animation.finish();
}

function describeNode(value: unknown): string {
  if (!(value instanceof Element)) return String(value);
  const label = value.getAttribute('aria-label') ?? value.textContent?.trim().slice(0, 30) ?? '';
  return `<${value.localName}${value.id ? `#${value.id}` : ''}> "${label}"`;
}

/**
 * Identity check for DOM nodes. Chai's own `equal` hands both nodes to web-test-runner, which
 * walks their whole object graph (Lit internals, the document…) to report a failure and can
 * hang; this reports a short description instead.
 */
export function expectSame(actual: unknown, expected: unknown, message = 'same node'): void {
  if (actual !== expected) {
    throw new Error(`${message}: expected ${describeNode(expected)}, got ${describeNode(actual)}`);
  }
}
