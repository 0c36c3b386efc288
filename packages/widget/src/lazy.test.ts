/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import { createCountingAdapter, createTestKnowledgeBase, spyOn, until } from '../test/fixtures.js';
import type { TestKnowledgeBase } from '../test/fixtures.js';
import type { ChunkName, Chunks } from './chunk-loader.js';
import './components/widget/widget.js';
import type { PortholeWidget } from './components/widget/widget.js';
import { chunks } from './lazy.js';

/**
 * The widget loads its heavy parts through one seam (`lazy.ts`): these tests watch and steer
 * it by swapping the importers, and start every test with nothing loaded.
 */
const realImporters = { ...chunks.importers };
let imports: { name: ChunkName; attempt: number }[];
let kb: TestKnowledgeBase;

type Importer<K extends ChunkName> = (attempt: number) => Promise<Chunks[K]>;
const realImporter = <K extends ChunkName>(name: K) => realImporters[name] as Importer<K>;

/** Record every import, then run `importer` (the real one by default). */
function watch<K extends ChunkName>(name: K, importer: Importer<K> = realImporter(name)): void {
  (chunks.importers as Record<K, Importer<K>>)[name] = (attempt) => {
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

async function widget() {
  return fixture<PortholeWidget>(
    html`<porthole-widget
      kb="/lazy-test/kb/"
      endpoint="/lazy-test/v1/tickets"
      .adapter=${createCountingAdapter()}
    ></porthole-widget>`,
  );
}

const root = (el: Element) => el.shadowRoot as ShadowRoot;
const launcher = (el: PortholeWidget) => root(el).querySelector('porthole-launcher') as HTMLElement;
const panelText = (el: PortholeWidget) =>
  [...root(el).querySelectorAll('porthole-panel > *')].map((n) => n.textContent).join(' ');
const imported = () => imports.map(({ name }) => name);
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('lazy chunks', () => {
  let unhandled: PromiseRejectionEvent[];
  const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event);

  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));
  beforeEach(() => {
    localStorage.clear();
    chunks.reset();
    imports = [];
    kb = createTestKnowledgeBase();
    watch('kb', fakeKbChunk);
    watch('sanitize');
    watch('tickets');
    unhandled = [];
    window.addEventListener('unhandledrejection', onUnhandled);
  });
  afterEach(() => {
    window.removeEventListener('unhandledrejection', onUnhandled);
    Object.assign(chunks.importers, realImporters);
    chunks.reset();
    expect(
      unhandled.map((e) => String(e.reason)),
      'unhandled rejections',
    ).to.deep.equal([]);
  });

  it('loads nothing until the visitor reaches for the launcher, then only what is needed', async () => {
    const el = await widget();
    await settle();
    expect(imported(), 'on page load').to.deep.equal([]);

    launcher(el).dispatchEvent(new PointerEvent('pointerenter'));
    await until(() => chunks.get('kb'), 'kb chunk');
    expect(imported(), 'on hover').to.deep.equal(['kb']);

    el.show();
    await until(() => chunks.get('sanitize'), 'sanitize chunk');
    await el.updateComplete;
    expect(imported(), 'on open').to.deep.equal(['kb', 'sanitize']);

    el.contact();
    await el.updateComplete;
    expect(imported(), 'on Contact us').to.deep.equal(['kb', 'sanitize', 'tickets']);
    expect(root(el).querySelector('porthole-contact-form'), 'form shown').to.not.equal(null);

    el.hide();
    el.show();
    el.contact();
    await el.updateComplete;
    expect(imported(), 'each chunk once').to.have.length(3);
  });

  it('starts loading the knowledge base on keyboard focus and on touch too', async () => {
    const focused = await widget();
    launcher(focused).focus();
    await until(() => chunks.get('kb'), 'kb chunk after focus');
    expect(imported()).to.deep.equal(['kb']);

    chunks.reset();
    imports = [];
    const touched = await widget();
    launcher(touched).dispatchEvent(new Event('touchstart'));
    await until(() => chunks.get('kb'), 'kb chunk after touch');
    expect(imported()).to.deep.equal(['kb']);
  });

  it('loads the knowledge base for a search command without any hover', async () => {
    const el = await widget();
    await el.search('refunds');
    await until(() => kb.searches.length === 1, 'search ran');
    expect(imported()).to.include('kb');
    expect(imported()).to.not.include('tickets');
  });

  it('shows a loading state in the panel while a chunk loads, never a half-made view', async () => {
    const kbGate = gated(fakeKbChunk);
    watch('kb', kbGate.importer);
    const el = await widget();
    el.show();
    await until(() => root(el).querySelector('.pending'), 'loading state');
    expect(panelText(el)).to.contain('Loading…');
    expect(root(el).querySelector('.pending')?.getAttribute('role')).to.equal('status');
    expect(root(el).querySelector('porthole-search'), 'no search view yet').to.equal(null);
    await expect(el).to.be.accessible();
    kbGate.release();
    await el.updateComplete;
    expect(root(el).querySelector('porthole-search'), 'search view').to.not.equal(null);
    expect(root(el).querySelector('.pending')).to.equal(null);

    const ticketsGate = gated(realImporter('tickets'));
    watch('tickets', ticketsGate.importer);
    el.contact();
    await until(() => root(el).querySelector('.pending'), 'loading state for the form');
    expect(root(el).querySelector('porthole-contact-form'), 'no form yet').to.equal(null);
    ticketsGate.release();
    await el.updateComplete;
    expect(root(el).querySelector('porthole-contact-form'), 'form').to.not.equal(null);
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
    const search = root(el).querySelector<LitElement>('porthole-search');
    await search?.updateComplete;
    expect(root(search as Element).querySelector('[role=status]')?.textContent).to.match(
      /can’t be loaded right now/,
    );
    await expect(el).to.be.accessible();

    offline = false;
    el.hide();
    el.show();
    await until(() => chunks.get('kb'), 'kb chunk on the second open');
    expect(imports.filter((i) => i.name === 'kb').map((i) => i.attempt)).to.deep.equal([0, 1]);
    await until(
      () =>
        (root(el).querySelector('porthole-search') as { suggestions?: unknown[] } | null)
          ?.suggestions?.length,
      'suggestions after the retry',
    );
    expect(errors.count, 'no new error').to.equal(1);
  });

  it('reports a sanitizer chunk that fails to load, and shows the article on the next try', async () => {
    let offline = true;
    watch('sanitize', (attempt) => (offline ? fetchFailure() : realImporters.sanitize(attempt)));
    const el = await widget();
    const errors = spyOn<CustomEvent<{ code: string }>>(el, 'porthole-error');
    await el.showArticle('account/reset-password', 'en');
    const article = root(el).querySelector('porthole-article') as HTMLElement;
    expect(errors.last()?.detail.code).to.equal('article-unavailable');
    await el.updateComplete;
    expect(root(article).querySelector('[role=alert]')?.textContent).to.contain('can’t be loaded');
    expect(root(article).querySelector('[part=body]'), 'no unsanitized body').to.equal(null);

    offline = false;
    await el.showArticle('account/reset-password', 'en');
    await el.updateComplete;
    const shown = root(el).querySelector('porthole-article') as HTMLElement;
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
    const alert = root(el).querySelector('.pending [role=alert]');
    expect(alert?.textContent).to.equal(
      'The contact form can’t be loaded right now. Check your connection, then try again.',
    );
    expect(root(el).querySelector('porthole-contact-form')).to.equal(null);
    await expect(el).to.be.accessible();

    offline = false;
    const retry = [...root(el).querySelectorAll('.pending button')].find(
      (b) => b.textContent?.trim() === 'Try again',
    ) as HTMLButtonElement;
    retry.click();
    await until(() => root(el).querySelector('porthole-contact-form'), 'form after Try again');
    const form = root(el).querySelector('porthole-contact-form') as HTMLElement & {
      draft: { subject: string };
    };
    expect(form.draft.subject, 'prefill kept').to.equal('Where is my refund?');
    expect(imports.filter((i) => i.name === 'tickets').map((i) => i.attempt)).to.deep.equal([0, 1]);
  });
});
