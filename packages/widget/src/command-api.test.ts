/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import {
  createCountingAdapter,
  createTestKnowledgeBase,
  expectSame,
  until,
} from '../test/fixtures.js';
import { createPorthole, installPorthole, isPortholeFunction } from './command-api.js';
import type { PortholeStub } from './command-api.js';
import './components/widget/widget.js';
import type { PortholeWidget } from './components/widget/widget.js';

async function widget() {
  return fixture<PortholeWidget>(
    html`<porthole-widget
      endpoint="/cmd/v1/tickets"
      .knowledgeBase=${createTestKnowledgeBase()}
      .adapter=${createCountingAdapter()}
    ></porthole-widget>`,
  );
}

/** An element of the lazily loaded panel, once it is there. */
function inPanel<K extends keyof HTMLElementTagNameMap>(el: PortholeWidget, name: K) {
  return el.shadowRoot?.querySelector('porthole-panel')?.shadowRoot?.querySelector(name) ?? null;
}

/** The embed snippet's stub, exactly as a page would define it before the script loads. */
function installStub(): PortholeStub {
  const stub: PortholeStub = function (...args: unknown[]) {
    // eslint-disable-next-line prefer-rest-params
    (stub.q = stub.q ?? []).push(arguments as unknown as ArrayLike<unknown>);
    void args;
  };
  window.Porthole = stub;
  return stub;
}

function captureWarnings() {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  return { warnings, restore: () => (console.warn = original) };
}

describe('Porthole() command API', () => {
  afterEach(() => {
    delete window.Porthole;
  });

  it('drains the pre-load queue in order, then replaces the stub', async () => {
    const el = await widget();
    const stub = installStub();
    const seen: string[] = [];
    stub('identify', { name: 'Ivo', email: 'ivo@example.com' });
    stub('on', 'open', () => seen.push('open'));
    stub('on', 'porthole-search', (e: CustomEvent<{ query: string }>) =>
      seen.push(`search:${e.detail.query}`),
    );
    stub('search', 'refunds');
    stub('close');
    expect((window.Porthole as PortholeStub).q).to.have.length(5);

    const porthole = installPorthole(el);
    expectSame(window.Porthole, porthole, 'window.Porthole is the real function');
    expect(isPortholeFunction(window.Porthole)).to.equal(true);
    await until(() => seen.length === 2, 'search ran');
    expect(seen).to.deep.equal(['open', 'search:refunds']);
    expect(el.open, 'close ran after search opened the panel').to.equal(false);

    porthole('contact');
    await el.updateComplete;
    const form = inPanel(el, 'porthole-contact-form');
    expect(form?.draft.email).to.equal('ivo@example.com');
  });

  it('opens, closes and toggles', async () => {
    const el = await widget();
    const porthole = createPorthole(el);
    porthole('open');
    expect(el.open).to.equal(true);
    porthole('toggle');
    expect(el.open).to.equal(false);
    porthole('toggle');
    porthole('close');
    expect(el.open).to.equal(false);
  });

  it('shows an article by slug and locale', async () => {
    const el = await widget();
    const porthole = createPorthole(el);
    porthole('article', 'logariasmos/kodikos', 'el');
    await until(
      () => inPanel(el, 'porthole-article')?.article?.locale === 'el',
      'Greek article shown',
    );
    expect(el.open).to.equal(true);
  });

  it('applies config', async () => {
    const el = await widget();
    createPorthole(el)('config', { position: 'bottom-left', strings: { launcher: 'Aide' } });
    await el.updateComplete;
    expect(el.getAttribute('position')).to.equal('bottom-left');
    expect(el.shadowRoot?.querySelector('[part=launcher]')?.getAttribute('aria-label')).to.equal(
      'Aide',
    );
  });

  it('returns an unsubscribe function from on', async () => {
    const el = await widget();
    const porthole = createPorthole(el);
    let opens = 0;
    const off = porthole('on', 'porthole-open', () => opens++);
    porthole('open');
    porthole('close');
    off();
    porthole('open');
    expect(opens).to.equal(1);
  });

  it('warns with a code instead of throwing on unknown commands and bad arguments', async () => {
    const el = await widget();
    const porthole = createPorthole(el) as unknown as (...args: unknown[]) => unknown;
    const { warnings, restore } = captureWarnings();
    try {
      expect(() => porthole('fly')).not.to.throw();
      expect(() => porthole('config', null)).not.to.throw();
      expect(() => porthole('on', 'nonsense', () => {})).not.to.throw();
      expect(() => porthole(42)).not.to.throw();
      expect(() => porthole('hasOwnProperty')).not.to.throw();
    } finally {
      restore();
    }
    expect(warnings.some((w) => /unknown-command/.test(w) && /fly/.test(w))).to.equal(true);
    expect(warnings.some((w) => /bad-argument/.test(w) && /config/.test(w))).to.equal(true);
    expect(warnings.some((w) => /bad-argument/.test(w) && /nonsense/.test(w))).to.equal(true);
    expect(warnings.every((w) => w.includes('docs/api.md#warning-'))).to.equal(true);
  });

  it('never lets a failure escape into the page', async () => {
    const el = await widget();
    const kb = createTestKnowledgeBase();
    kb.failure = new Error('offline');
    el.knowledgeBase = kb;
    const escaped: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent) => escaped.push(e.reason);
    const onError = (e: ErrorEvent) => escaped.push(e.error);
    window.addEventListener('unhandledrejection', onRejection);
    window.addEventListener('error', onError);
    try {
      const porthole = createPorthole(el);
      porthole('search', 'x');
      porthole('article', 'nope');
      await el.updateComplete;
      // Unhandled rejections are reported in a task after the one that dropped them.
      await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('error', onError);
    }
    expect(escaped).to.deep.equal([]);
  });

  it('destroy removes the element and its listeners; later calls only warn', async () => {
    const el = await widget();
    const porthole = createPorthole(el);
    let opens = 0;
    porthole('on', 'open', () => opens++);
    porthole('destroy');
    expect(el.isConnected).to.equal(false);
    el.show();
    expect(opens).to.equal(0);
    const { warnings, restore } = captureWarnings();
    try {
      porthole('open');
    } finally {
      restore();
    }
    expect(warnings.some((w) => /destroyed/.test(w))).to.equal(true);
  });
});
