/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import {
  createCountingAdapter,
  createTestKnowledgeBase,
  spyOn,
  until,
} from '../../test/fixtures.js';
import type { TestKnowledgeBase } from '../../test/fixtures.js';
import { createChunkLoader } from '../core/chunk-loader.js';
import type { ChunkImporters, ChunkLoader, ChunkName, Chunks } from '../core/chunk-loader.js';
import '../components/widget/widget.js';
import type { PortholeWidget } from '../components/widget/widget.js';
import { importers as realImporters } from './importers.js';

/**
 * The widget loads its parts through its own chunk loader (`el.chunks`): these tests give
 * each widget one whose importers they watch and steer.
 */
let imports: { name: ChunkName; attempt: number }[];
let kb: TestKnowledgeBase;
let importers: ChunkImporters;

type Importer<K extends ChunkName> = (attempt: number) => Promise<Chunks[K]>;

/** Record every import, then run `importer` (the real one by default). */
function watch<K extends ChunkName>(
  name: K,
  importer: Importer<K> = realImporters[name] as Importer<K>,
): void {
  (importers as Record<K, Importer<K>>)[name] = (attempt) => {
    imports.push({ name, attempt });
    return importer(attempt);
  };
}

/** A knowledge-base chunk whose `openKnowledgeBase` opens the in-memory test KB. */
const fakeKbChunk = async () => ({ openKnowledgeBase: async () => kb }) as unknown as Chunks['kb'];

/** What a browser throws for a module it cannot fetch (offline, 404). */
const fetchFailure = () =>
  Promise.reject(new TypeError('Failed to fetch dynamically imported module: porthole-x.js'));

/** An importer that waits until `release()` is called. */
function gated<T>(importer: (attempt: number) => Promise<T>) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    importer: async (attempt: number) => {
      await gate;
      return importer(attempt);
    },
    release: () => release(),
  };
}

let loader: ChunkLoader;
let prefetched: ChunkName[];

async function widget() {
  loader = createChunkLoader(importers, { prefetch: (name) => prefetched.push(name) });
  return fixture<PortholeWidget>(
    html`<porthole-widget
      kb="/lazy-test/kb/"
      endpoint="/lazy-test/v1/tickets"
      .chunks=${loader}
      .adapter=${createCountingAdapter()}
    ></porthole-widget>`,
  );
}

const root = (el: Element) => el.shadowRoot as ShadowRoot;
const launcher = (el: PortholeWidget) => root(el).querySelector('[part=launcher]') as HTMLElement;
const inside = (el: PortholeWidget) => root(el).querySelector('porthole-panel') as LitElement;
const panelText = (el: PortholeWidget) =>
  [...root(el).querySelectorAll('[part=panel__body] > *:not([hidden])')]
    .map((n) => n.textContent)
    .join(' ');
const inPanel = (el: PortholeWidget, selector: string) =>
  inside(el)?.shadowRoot?.querySelector(selector) ?? null;
const imported = () => imports.map(({ name }) => name);

/** Make this Chromium look like a browser without `Element.setHTML()` until the test ends. */
function withoutSanitizerApi(): void {
  Object.defineProperty(HTMLTemplateElement.prototype, 'setHTML', {
    value: undefined,
    configurable: true,
  });
}

describe('lazy chunks', () => {
  let unhandled: PromiseRejectionEvent[];
  const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event);
  /** Idle callbacks the widget asked for; the tests decide when the browser is idle. */
  let idle: (() => void)[];
  const realRequestIdle = window.requestIdleCallback;

  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));
  beforeEach(() => {
    localStorage.clear();
    imports = [];
    prefetched = [];
    importers = { ...realImporters };
    kb = createTestKnowledgeBase();
    watch('panel');
    watch('kb', fakeKbChunk);
    watch('sanitize');
    watch('tickets');
    watch('position');
    watch('overrides');
    idle = [];
    window.requestIdleCallback = (callback) => idle.push(() => callback({} as IdleDeadline));
    unhandled = [];
    window.addEventListener('unhandledrejection', onUnhandled);
  });
  afterEach(() => {
    delete (HTMLTemplateElement.prototype as { setHTML?: unknown }).setHTML;
    window.requestIdleCallback = realRequestIdle;
    window.removeEventListener('unhandledrejection', onUnhandled);
    expect(
      unhandled.map((e) => String(e.reason)),
      'unhandled rejections',
    ).to.deep.equal([]);
  });

  it('loads nothing at first; on hover the panel and the search code, never the KB itself', async () => {
    let opens = 0;
    watch('kb', async () => ({ openKnowledgeBase: async () => (opens++, kb) }) as never);
    const el = await widget();
    expect(imported(), 'on page load').to.deep.equal([]);

    launcher(el).dispatchEvent(new PointerEvent('pointerenter'));
    await until(() => loader.get('kb'), 'kb chunk');
    expect(imported(), 'on hover').to.deep.equal(['panel', 'kb']);
    expect(opens, 'no manifest fetched on hover').to.equal(0);

    el.show();
    await el.updateComplete;
    expect(opens, 'opened with the panel').to.equal(1);
    expect(imported(), 'on open').to.deep.equal(['panel', 'kb']);

    await el.showArticle('account/reset-password');
    expect(imported(), 'no DOMPurify: this Chromium sanitizes by itself').to.deep.equal([
      'panel',
      'kb',
    ]);

    el.contact();
    await el.updateComplete;
    expect(imported(), 'on Contact us').to.deep.equal(['panel', 'kb', 'tickets']);
    expect(inPanel(el, 'porthole-contact-form'), 'form shown').to.not.equal(null);

    el.hide();
    el.show();
    el.contact();
    await el.updateComplete;
    expect(imported(), 'each chunk once').to.have.length(3);
  });

  it('prefetches the panel’s code (without running it) when the browser is idle', async () => {
    const el = await widget();
    expect(idle, 'one idle callback asked for').to.have.length(1);
    idle[0]?.();
    expect(prefetched).to.deep.equal(['panel']);
    expect(imported(), 'nothing run').to.deep.equal([]);
    expect(root(el).querySelector('porthole-panel'), 'built only when needed').to.equal(null);
  });

  it('loads the code that checks `strings` with the panel, and only where a site sets them', async () => {
    const el = await widget();
    el.configure({ strings: { contactUs: 'Write to us' } });
    el.show();
    await el.updateComplete;
    expect(imported()).to.have.members(['panel', 'overrides', 'kb']);
    const search = inPanel(el, 'porthole-search') as LitElement;
    await search.updateComplete;
    expect(root(search).textContent, 'the site’s text from the first view').to.contain(
      'Write to us',
    );
  });

  it('starts loading on keyboard focus and on touch too', async () => {
    const focused = await widget();
    launcher(focused).focus();
    await until(() => loader.get('kb'), 'kb chunk after focus');
    expect(imported()).to.deep.equal(['panel', 'kb']);

    imports = [];
    const touched = await widget();
    launcher(touched).dispatchEvent(new Event('touchstart'));
    await until(() => loader.get('kb'), 'kb chunk after touch');
    expect(imported()).to.deep.equal(['panel', 'kb']);
  });

  it('loads the panel and the knowledge base for a search command without any hover', async () => {
    const el = await widget();
    await el.search('refunds');
    expect(kb.searches.map(([query]) => query)).to.deep.equal(['refunds']);
    expect(imported()).to.deep.equal(['panel', 'kb']);
  });

  it('shows a loading state in the dialog while the panel loads, never a half-made view', async () => {
    const gate = gated(realImporters.panel);
    watch('panel', gate.importer);
    const el = await widget();
    el.show();
    await until(() => panelText(el).includes('Loading…'), 'loading state');
    const pending = root(el).querySelector('[part=panel__body] [role=status]') as HTMLElement;
    expect(pending.textContent).to.equal('Loading…');
    expect(root(el).activeElement, 'focus on the loading line').to.equal(pending);
    await expect(el).to.be.accessible();
    gate.release();
    await el.updateComplete;
    expect(inPanel(el, 'porthole-search'), 'search view').to.not.equal(null);
    expect(pending.hidden).to.equal(true);

    const ticketsGate = gated(realImporters.tickets);
    watch('tickets', ticketsGate.importer);
    el.contact();
    await until(() => inPanel(el, '.pending'), 'loading state for the form');
    expect(inPanel(el, 'porthole-contact-form'), 'no form yet').to.equal(null);
    ticketsGate.release();
    await el.updateComplete;
    expect(inPanel(el, 'porthole-contact-form'), 'form').to.not.equal(null);
  });

  it('reports a panel that fails to load, and "Try again" loads it', async () => {
    let offline = true;
    watch('panel', (attempt) => (offline ? fetchFailure() : realImporters.panel(attempt)));
    const el = await widget();
    const errors = spyOn<CustomEvent<{ code: string; error: Error }>>(el, 'porthole-error');
    el.show();
    await el.updateComplete;
    expect(errors.last()?.detail.code).to.equal('panel-unavailable');
    expect(errors.last()?.detail.error.cause).to.be.instanceOf(TypeError);
    const alert = root(el).querySelector('[part=panel__body] [role=alert]') as HTMLElement;
    expect(alert.hidden).to.equal(false);
    expect(alert.textContent).to.contain('Help can’t be loaded right now.');
    await expect(el).to.be.accessible();

    offline = false;
    [...alert.querySelectorAll('button')].find((b) => b.textContent === 'Try again')?.click();
    await until(() => inPanel(el, 'porthole-search'), 'search view after Try again');
    expect(imports.filter((i) => i.name === 'panel').map((i) => i.attempt)).to.deep.equal([0, 1]);
  });

  it('reports a knowledge-base chunk that fails to load, and loads it on the next open', async () => {
    let offline = true;
    watch('kb', () => (offline ? fetchFailure() : fakeKbChunk()));
    const el = await widget();
    const errors = spyOn<CustomEvent<{ code: string; error: Error }>>(document, 'porthole-error');
    el.show();
    await until(() => errors.count > 0, 'porthole-error');
    expect(errors.last()?.detail.code).to.equal('kb-unavailable');
    expect(errors.last()?.detail.error.cause).to.be.instanceOf(TypeError);
    await el.updateComplete;
    const search = inPanel(el, 'porthole-search') as LitElement;
    await search.updateComplete;
    expect(root(search).querySelector('[role=status]')?.textContent).to.match(
      /can’t be loaded right now/,
    );
    await expect(el).to.be.accessible();

    offline = false;
    el.hide();
    el.show();
    await el.updateComplete;
    expect(imports.filter((i) => i.name === 'kb').map((i) => i.attempt)).to.deep.equal([0, 1]);
    const { home } = search as unknown as { home: { suggestions: unknown[] } };
    expect(home.suggestions).to.not.have.length(0);
    expect(errors.count, 'no new error').to.equal(1);
  });

  it('without the HTML Sanitizer API, loads DOMPurify for the first article', async () => {
    withoutSanitizerApi();
    const el = await widget();
    await el.showArticle('account/reset-password');
    expect(imported()).to.deep.equal(['panel', 'kb', 'sanitize']);
    const article = inPanel(el, 'porthole-article') as LitElement;
    expect(root(article).querySelector('[part=body] strong')?.textContent).to.equal(
      'Forgot password',
    );
  });

  it('reports a sanitizer chunk that fails to load, and shows the article on the next try', async () => {
    withoutSanitizerApi();
    let offline = true;
    watch('sanitize', (attempt) => (offline ? fetchFailure() : realImporters.sanitize(attempt)));
    const el = await widget();
    const errors = spyOn<CustomEvent<{ code: string }>>(el, 'porthole-error');
    await el.showArticle('account/reset-password', 'en');
    const article = inPanel(el, 'porthole-article') as LitElement;
    expect(errors.last()?.detail.code).to.equal('article-unavailable');
    await article.updateComplete;
    expect(root(article).querySelector('[role=alert]')?.textContent).to.contain('can’t be loaded');
    expect(root(article).querySelector('[part=body]'), 'no unsanitized body').to.equal(null);

    offline = false;
    await el.showArticle('account/reset-password', 'en');
    await el.updateComplete;
    const shown = inPanel(el, 'porthole-article') as LitElement;
    expect(root(shown).querySelector('h2')?.textContent).to.equal('Reset your password');
    expect(root(shown).querySelector('[part=body] strong')?.textContent).to.equal(
      'Forgot password',
    );
    expect(errors.count).to.equal(1);
  });

  it('reports a ticket chunk that fails to load, keeps the draft, and "Try again" loads it', async () => {
    let offline = true;
    watch('tickets', (attempt) => (offline ? fetchFailure() : realImporters.tickets(attempt)));
    const el = await widget();
    const errors = spyOn<CustomEvent<{ code: string }>>(el, 'porthole-error');
    el.contact({ subject: 'Where is my refund?' });
    await until(() => errors.count > 0, 'porthole-error');
    expect(errors.last()?.detail.code).to.equal('ticket-network');
    await el.updateComplete;
    const alert = inPanel(el, '.pending [role=alert]');
    expect(alert?.textContent).to.equal(
      'The contact form can’t be loaded right now. Check your connection, then try again.',
    );
    expect(inPanel(el, 'porthole-contact-form')).to.equal(null);
    await expect(el).to.be.accessible();

    offline = false;
    const retry = [...(inside(el).shadowRoot?.querySelectorAll('.pending button') ?? [])].find(
      (b) => b.textContent?.trim() === 'Try again',
    ) as HTMLButtonElement;
    retry.click();
    await until(() => inPanel(el, 'porthole-contact-form'), 'form after Try again');
    const form = inPanel(el, 'porthole-contact-form') as HTMLElement & {
      draft: { subject: string };
    };
    expect(form.draft.subject, 'prefill kept').to.equal('Where is my refund?');
    expect(imports.filter((i) => i.name === 'tickets').map((i) => i.attempt)).to.deep.equal([0, 1]);
  });
});
