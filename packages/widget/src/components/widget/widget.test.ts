/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { TicketError } from '@porthole/tickets';
import { useFakeTimers } from 'sinon';
import {
  createCountingAdapter,
  createTestKnowledgeBase,
  spyOn,
  until,
  expectSame,
  finishAnimations,
} from '../../../test/fixtures.js';
import type { CountingAdapter, TestKnowledgeBase } from '../../../test/fixtures.js';
import type { PortholeArticle } from '../article/article.js';
import type { PortholeContactForm } from '../contact-form/contact-form.js';
import type { PortholePanel } from '../panel/panel.js';
import type { PortholeSearch } from '../search/search.js';
import './widget.js';
import type { PortholeWidget } from './widget.js';

const ENDPOINT = '/test/v1/tickets';

let kb: TestKnowledgeBase;
let adapter: CountingAdapter;

async function widget(attrs: { locale?: string; position?: string } = {}) {
  const el = await fixture<PortholeWidget>(
    html`<porthole-widget
      endpoint=${ENDPOINT}
      locale=${attrs.locale ?? ''}
      position=${attrs.position ?? 'bottom-right'}
      .knowledgeBase=${kb}
      .adapter=${adapter}
    ></porthole-widget>`,
  );
  return el;
}

const root = (el: Element) => el.shadowRoot as ShadowRoot;
const launcher = (el: PortholeWidget) =>
  root(el).querySelector('[part=launcher]') as HTMLButtonElement;
const panel = (el: PortholeWidget) => root(el).querySelector('dialog') as HTMLDialogElement;
/** The lazily loaded inside of the dialog, once it is there. */
const inside = (el: PortholeWidget) => root(el).querySelector<PortholePanel>('porthole-panel');
const view = <T extends Element>(el: PortholeWidget, name: string) => {
  const content = inside(el);
  return content ? (root(content).querySelector(name) as T | null) : null;
};
const searchView = (el: PortholeWidget) => view<PortholeSearch>(el, 'porthole-search');
const articleView = (el: PortholeWidget) => view<PortholeArticle>(el, 'porthole-article');
const formView = (el: PortholeWidget) => view<PortholeContactForm>(el, 'porthole-contact-form');
const searchInput = (el: PortholeWidget) =>
  searchView(el)?.shadowRoot?.querySelector('input') as HTMLInputElement;
/** The element focus is on, looking through every shadow root. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
function buttonIn(host: Element | null, name: string) {
  const scope = host?.shadowRoot ?? host;
  return [...(scope?.querySelectorAll('button') ?? [])].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent)?.trim().replace(/^‹\s*/, '') === name,
  ) as HTMLButtonElement | undefined;
}
function fieldIn(form: PortholeContactForm, label: string) {
  const found = [...root(form).querySelectorAll('label')].find((l) => l.textContent === label);
  return root(form).getElementById(found?.htmlFor ?? '') as HTMLInputElement | HTMLTextAreaElement;
}
async function typeInto(control: HTMLInputElement | HTMLTextAreaElement, text: string) {
  control.focus();
  await sendKeys({ type: text });
}
async function fillForm(el: PortholeWidget) {
  const form = formView(el) as PortholeContactForm;
  await typeInto(fieldIn(form, 'Name'), 'Ana Kovač');
  await typeInto(fieldIn(form, 'Email'), 'ana@example.com');
  await typeInto(fieldIn(form, 'Subject'), 'Reset email never arrives');
  await typeInto(fieldIn(form, 'Message'), 'I asked three times.');
  return form;
}
/** Too many tickets: not queued (the visitor is told when to try again), not for good either. */
const rateLimited = () =>
  new TicketError('rejected', 'Busy.', {
    status: 429,
    retryable: true,
    cause: { retryAfter: 90_000 },
  });

/**
 * Open the form, fill it in and press Send; with `failing`, the server answers 429 and this
 * waits for the error it shows.
 */
async function sendFilledFormOnce(el: PortholeWidget, { failing = false } = {}) {
  el.contact();
  await el.updateComplete;
  const form = await fillForm(el);
  if (failing) {
    adapter.failNext = 1;
    adapter.failure = rateLimited;
  }
  buttonIn(form, 'Send')?.click();
  if (failing) await until(() => form.error, 'error shown');
  return form;
}
async function typeQuery(el: PortholeWidget, query: string) {
  await el.updateComplete;
  searchInput(el).focus();
  await sendKeys({ type: query });
  await until(() => searchView(el)?.status === 'done', `results for ${query}`);
  await searchView(el)?.updateComplete;
}

describe('porthole-widget', () => {
  // axe must not judge colours halfway through the panel's fade-in.
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    kb = createTestKnowledgeBase();
    adapter = createCountingAdapter();
  });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  describe('launcher and panel', () => {
    it('has a launcher button named "Help" that opens a dialog named "Help"', async () => {
      const el = await widget();
      expect(launcher(el).localName).to.equal('button');
      expect(launcher(el).getAttribute('aria-label')).to.equal('Help');
      expect(launcher(el).getAttribute('aria-expanded')).to.equal('false');
      expect(panel(el), 'the dialog is built when first needed').to.equal(null);
      await expect(el).to.be.accessible();

      launcher(el).click();
      await el.updateComplete;
      expectSame(
        root(el).getElementById(launcher(el).getAttribute('aria-controls') ?? ''),
        panel(el),
      );
      expect(el.open).to.equal(true);
      expect(launcher(el).getAttribute('aria-expanded')).to.equal('true');
      expect(panel(el).localName).to.equal('dialog');
      expect(panel(el).matches(':popover-open'), 'in the top layer').to.equal(true);
      expect(panel(el).getAttribute('aria-label')).to.equal('Help');
      await expect(el).to.be.accessible();
    });

    it('sits in the bottom-right corner by default and bottom-left on request', async () => {
      const right = await widget();
      const rect = launcher(right).getBoundingClientRect();
      expect(window.innerWidth - rect.right).to.be.closeTo(20, 1);
      expect(window.innerHeight - rect.bottom).to.be.closeTo(20, 1);
      const left = await widget({ position: 'bottom-left' });
      expect(launcher(left).getBoundingClientRect().left).to.be.closeTo(20, 1);
    });

    it('moves focus into the panel, and Escape closes it and returns focus to the launcher', async () => {
      const el = await widget();
      launcher(el).focus();
      await sendKeys({ press: 'Enter' });
      await until(() => deepActiveElement() === searchInput(el), 'focus in the search field');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expectSame(deepActiveElement(), launcher(el));
    });

    it('closes with the close button', async () => {
      const el = await widget();
      el.show();
      await until(() => deepActiveElement() === searchInput(el), 'focus in the search field');
      buttonIn(panel(el), 'Close')?.click();
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expectSame(deepActiveElement(), launcher(el));
    });

    it('keeps the open panel inside the viewport, whatever its size', async () => {
      for (const [width, height] of [
        [1280, 800],
        [700, 500],
        [420, 700],
      ] as const) {
        await setViewport({ width, height });
        const el = await widget({ position: width === 700 ? 'bottom-left' : 'bottom-right' });
        el.show();
        await el.updateComplete;
        finishAnimations(panel(el));
        const rect = panel(el).getBoundingClientRect();
        expect(rect.left, `${width}×${height} left`).to.be.at.least(0);
        expect(rect.top, `${width}×${height} top`).to.be.at.least(0);
        expect(rect.right, `${width}×${height} right`).to.be.at.most(width);
        expect(rect.bottom, `${width}×${height} bottom`).to.be.at.most(height);
        el.hide();
      }
    });

    it('fires porthole-open and porthole-close (bubbling, composed) on user action only', async () => {
      const el = await widget();
      const opens = spyOn(document, 'porthole-open');
      const closes = spyOn(document, 'porthole-close');
      el.open = true; // a property set by code is not a user action
      await el.updateComplete;
      el.open = false;
      await el.updateComplete;
      expect(opens.count + closes.count).to.equal(0);
      launcher(el).click();
      launcher(el).click();
      expect(opens.count).to.equal(1);
      expect(closes.count).to.equal(1);
      const event = opens.last() as CustomEvent;
      expect(event.bubbles && event.composed).to.equal(true);
      expectSame(event.target, el);
    });
  });

  describe('search', () => {
    it('shows suggested articles before typing, led by ones for this page', async () => {
      kb = createTestKnowledgeBase();
      const el = await widget();
      el.show();
      await until(() => (searchView(el)?.home.suggestions.length ?? 0) > 0, 'suggestions');
      expect(searchView(el)?.home.suggestions.map((s) => s.slug)).to.deep.equal([
        'account/reset-password',
        'billing/refunds',
        'account/two-factor',
      ]);
      await searchView(el)?.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('searches once for a burst of keys, in every locale, and fires porthole-search', async () => {
      const el = await widget({ locale: 'en-GB' });
      const searches = spyOn<CustomEvent<{ query: string; results: number }>>(
        el,
        'porthole-search',
      );
      el.show();
      await el.updateComplete;
      // The debounce runs on fake time: however slowly the keys arrive, they are one burst.
      const clock = useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        searchInput(el).focus();
        await sendKeys({ type: 'reset' });
        expect(kb.searches, 'nothing before the pause').to.have.length(0);
        await clock.tickAsync(100);
      } finally {
        clock.restore();
      }
      await el.updateComplete;
      expect(
        kb.searches.map(([q]) => q),
        'one search for the burst of keys',
      ).to.deep.equal(['reset']);
      expect(kb.searches[0]?.[1]).to.deep.equal({ locale: 'en', limit: 8, alsoLocales: 'all' });
      expect(searches.events.map((e) => e.detail.results)).to.deep.equal([1]);
      expect(searches.last()?.detail.query).to.equal('reset');
      await searchView(el)?.updateComplete;
      const options = root(searchView(el) as Element).querySelectorAll('[role=option]');
      expect(options).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('finds Greek articles from an English page', async () => {
      const el = await widget({ locale: 'en' });
      el.show();
      await typeQuery(el, 'κωδικού');
      expect(searchView(el)?.hits.map((h) => h.locale)).to.deep.equal(['el']);
    });

    it('ignores answers that arrive out of order', async () => {
      const el = await widget();
      kb.delays = { slow: 300 };
      el.show();
      await el.updateComplete;
      const search = searchView(el) as PortholeSearch;
      const clock = useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        search.dispatchEvent(new CustomEvent('ph-query', { detail: 'slow', bubbles: true }));
        await clock.tickAsync(150); // debounce over: "slow" searching, 300 ms to go
        search.dispatchEvent(new CustomEvent('ph-query', { detail: 'refunds', bubbles: true }));
        await clock.tickAsync(100); // "refunds" answers
        await clock.tickAsync(300); // "slow" answers last
      } finally {
        clock.restore();
      }
      await el.updateComplete;
      expect(kb.searches.map(([q]) => q)).to.deep.equal(['slow', 'refunds']);
      expect(search.hits.map((h) => h.title)).to.deep.equal(['Refunds']);
      expect(search.query).to.equal('refunds');
    });

    it('says there is no good match, with Contact us, when nothing answers', async () => {
      const el = await widget();
      el.show();
      await typeQuery(el, 'nothing like this');
      const status = root(searchView(el) as Element).querySelector('[role=status]');
      expect(status?.textContent?.trim()).to.equal('No good match for “nothing like this”');
      expect(Boolean(buttonIn(searchView(el), 'Contact us')), 'exists').to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('shows a friendly error and fires porthole-error when the knowledge base cannot load', async () => {
      const el = await fixture<PortholeWidget>(
        html`<porthole-widget kb="/does-not-exist/" endpoint=${ENDPOINT}></porthole-widget>`,
      );
      const errors = spyOn<CustomEvent<{ code: string }>>(document, 'porthole-error');
      el.show();
      await until(() => errors.count > 0, 'porthole-error');
      expect(errors.last()?.detail.code).to.equal('kb-unavailable');
      await searchView(el)?.updateComplete;
      const status = root(searchView(el) as Element).querySelector('[role=status]');
      expect(status?.textContent).to.match(/can’t be loaded right now/);
      expect(Boolean(buttonIn(searchView(el), 'Contact us')), 'exists').to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('reports a failing search as porthole-error', async () => {
      const el = await widget();
      const errors = spyOn<CustomEvent<{ code: string }>>(el, 'porthole-error');
      kb.failure = new Error('index corrupt');
      el.show();
      await el.updateComplete;
      searchInput(el).focus();
      await sendKeys({ type: 'x' });
      await until(() => errors.count > 0, 'porthole-error');
      expect(errors.last()?.detail.code).to.equal('search-failed');
    });
  });

  describe('articles', () => {
    it('opens a hit as an article, scrolled to its section, and fires porthole-article-view', async () => {
      const el = await widget();
      const views = spyOn<CustomEvent<{ slug: string; locale: string }>>(
        el,
        'porthole-article-view',
      );
      el.show();
      await typeQuery(el, 'did not arrive');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await until(() => articleView(el)?.status === 'ready', 'article loaded');
      expect(views.last()?.detail).to.deep.equal({ slug: 'account/reset-password', locale: 'en' });
      const article = articleView(el) as PortholeArticle;
      expect(article.section).to.equal('email-missing');
      await until(
        () => deepActiveElement() === root(article).getElementById('email-missing'),
        'focus on the section heading',
      );
      expect(root(article).querySelector('h2')?.textContent).to.equal('Reset your password');
      await expect(el).to.be.accessible();
    });

    it('follows article links inside the widget, and Back retraces them', async () => {
      const el = await widget();
      await el.showArticle('account/reset-password');
      const article = articleView(el) as PortholeArticle;
      await article.updateComplete;
      root(article).querySelector<HTMLAnchorElement>('a[data-porthole-article]')?.click();
      await until(() => articleView(el)?.article?.slug === 'billing/refunds', 'linked article');
      buttonIn(articleView(el), 'Back')?.click();
      await until(() => articleView(el)?.article?.slug === 'account/reset-password', 'back');
      buttonIn(articleView(el), 'Back')?.click();
      await el.updateComplete;
      expect(Boolean(searchView(el)), 'exists').to.equal(true);
    });

    it('fires porthole-feedback with the article and the answer', async () => {
      const el = await widget();
      const feedback = spyOn<CustomEvent>(document, 'porthole-feedback');
      await el.showArticle('billing/refunds');
      await articleView(el)?.updateComplete;
      buttonIn(articleView(el), 'Yes')?.click();
      expect(feedback.last()?.detail).to.deep.equal({
        slug: 'billing/refunds',
        locale: 'en',
        helpful: true,
      });
      expect(feedback.last()?.composed).to.equal(true);
    });

    it('shows an error when the article cannot be loaded', async () => {
      const el = await widget();
      const errors = spyOn<CustomEvent<{ code: string }>>(el, 'porthole-error');
      await el.showArticle('missing/article');
      await articleView(el)?.updateComplete;
      expect(errors.last()?.detail.code).to.equal('article-unavailable');
      expect(
        Boolean(root(articleView(el) as Element).querySelector('[role=alert]')),
        'exists',
      ).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });

  describe('contact', () => {
    it('goes from search to the form with the query as subject, and sends once on a double click', async () => {
      const el = await widget();
      const created = spyOn<CustomEvent>(document, 'porthole-ticket-created');
      el.show();
      await typeQuery(el, 'refund status');
      buttonIn(searchView(el), 'Contact us')?.click();
      await el.updateComplete;
      const form = formView(el) as PortholeContactForm;
      await form.updateComplete;
      expect(fieldIn(form, 'Subject').value).to.equal('refund status');
      expectSame(deepActiveElement(), fieldIn(form, 'Name'));
      await typeInto(fieldIn(form, 'Name'), 'Ana');
      await typeInto(fieldIn(form, 'Email'), 'ana@example.com');
      await typeInto(fieldIn(form, 'Message'), 'Where is my money?');

      let release = () => {};
      adapter.gate = new Promise<void>((resolve) => (release = resolve));
      const send = buttonIn(form, 'Send') as HTMLButtonElement;
      send.click();
      send.click(); // same frame: before Lit re-renders the button as disabled
      await el.updateComplete;
      await form.updateComplete;
      expect(send.disabled).to.equal(true);
      send.click();
      release();
      await until(() => view(el, 'porthole-confirmation'), 'confirmation');

      expect(adapter.calls).to.have.length(1);
      expect(adapter.created).to.equal(1);
      const ticket = adapter.calls[0]?.ticket;
      expect(ticket).to.include({
        subject: 'refund status',
        email: 'ana@example.com',
        locale: 'en',
      });
      expect(ticket?.pageUrl).to.equal(location.href.split('#')[0]);
      const reference = created.last()?.detail.receipt.reference as string;
      expect(reference).to.match(/^PH-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const confirmation = root(view(el, 'porthole-confirmation') as Element);
      expect(confirmation.textContent).to.contain(`Your reference is ${reference}`);
      await expect(el).to.be.accessible();
    });

    it('keeps a contact prefill made before the endpoint is set (a queued command)', async () => {
      localStorage.setItem(
        `porthole:draft:v1:${ENDPOINT}`,
        JSON.stringify({
          name: '',
          email: '',
          subject: '',
          message: 'typed earlier',
          idempotencyKey: 'k1',
        }),
      );
      const el = document.createElement('porthole-widget');
      el.knowledgeBase = kb;
      el.adapter = adapter;
      el.contact({ subject: 'Upgrade to Business', message: 'prefilled' });
      el.endpoint = ENDPOINT;
      document.body.append(el);
      try {
        await el.updateComplete;
        const form = formView(el) as PortholeContactForm;
        expect(form.draft.subject).to.equal('Upgrade to Business');
        expect(form.draft.message).to.equal('typed earlier', 'what the visitor typed wins');
      } finally {
        el.remove();
        localStorage.removeItem(`porthole:draft:v1:${ENDPOINT}`);
      }
    });

    it('opens from an article with the article title as subject, and Back returns there', async () => {
      const el = await widget();
      await el.showArticle('billing/refunds');
      await articleView(el)?.updateComplete;
      buttonIn(articleView(el), 'Contact us')?.click();
      await el.updateComplete;
      const form = formView(el) as PortholeContactForm;
      expect(form.draft.subject).to.equal('Refunds');
      buttonIn(form, 'Back')?.click();
      await el.updateComplete;
      expect(articleView(el)?.article?.slug).to.equal('billing/refunds');
    });

    it('lays the form out inside the panel, whatever the page does to box sizing', async () => {
      const style = document.createElement('style');
      style.textContent = '* { box-sizing: content-box !important; font-size: 20px; }';
      document.head.append(style);
      try {
        const el = await widget();
        el.contact();
        await el.updateComplete;
        const form = formView(el) as PortholeContactForm;
        await form.updateComplete;
        const body = root(el).querySelector('[part=panel__body]') as HTMLElement;
        expect(body.scrollWidth).to.be.at.most(body.clientWidth);
        const field = fieldIn(form, 'Message').getBoundingClientRect();
        expect(field.right).to.be.at.most(body.getBoundingClientRect().right - 10);
      } finally {
        style.remove();
      }
    });

    it('shows field errors from the shared schema in the widget', async () => {
      const el = await widget();
      el.contact();
      await el.updateComplete;
      const form = formView(el) as PortholeContactForm;
      await form.updateComplete;
      buttonIn(form, 'Send')?.click();
      await form.updateComplete;
      expect(fieldIn(form, 'Email').getAttribute('aria-invalid')).to.equal('true');
      expect(adapter.calls).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('reuses one idempotency key for retries after a refusal, keeping the draft in the tab', async () => {
      const el = await widget();
      const errors = spyOn<CustomEvent<{ code: string }>>(el, 'porthole-error');
      const form = await sendFilledFormOnce(el, { failing: true });
      expect(errors.last()?.detail.code).to.equal('ticket-rejected');
      expect(fieldIn(form, 'Message').value).to.equal('I asked three times.');
      expect(root(form).querySelector('[role=alert]')?.textContent).to.contain(
        'You’ve sent several messages in a short time. You can send again in 2 minutes.',
      );
      await expect(el).to.be.accessible();

      // A reload now would still have everything, in this tab only; nothing waits to be sent.
      const stored = Object.keys(sessionStorage).filter((k) => k.startsWith('porthole:draft:v1:'));
      expect(stored).to.deep.equal([`porthole:draft:v1:${ENDPOINT}`]);
      expect(Object.keys(localStorage).filter((k) => k.startsWith('porthole:'))).to.deep.equal([]);

      const retry = [...root(form).querySelectorAll('[role=alert] button')].find(
        (b) => b.textContent?.trim() === 'Try again',
      ) as HTMLButtonElement;
      retry.click();
      await until(() => view(el, 'porthole-confirmation'), 'confirmation');
      expect(adapter.calls).to.have.length(2);
      expect(adapter.calls[0]?.idempotencyKey)
        .to.be.a('string')
        .and.equal(adapter.calls[1]?.idempotencyKey);
      expect(
        sessionStorage.getItem(`porthole:draft:v1:${ENDPOINT}`),
        'cleared after success',
      ).to.equal(null);

      // The next ticket is a new draft with a new key.
      el.contact();
      await el.updateComplete;
      const next = formView(el) as PortholeContactForm;
      expect(next.draft.message).to.equal('');
      await fillForm(el);
      buttonIn(next, 'Send')?.click();
      await until(
        () => adapter.calls.length === 3 && view(el, 'porthole-confirmation'),
        'second ticket',
      );
      expect(adapter.calls[2]?.idempotencyKey).not.to.equal(adapter.calls[0]?.idempotencyKey);
      expect(adapter.created).to.equal(2);
    });

    it('uses a new key when the visitor changes the ticket after a failed attempt', async () => {
      const el = await widget();
      const form = await sendFilledFormOnce(el, { failing: true });
      await typeInto(fieldIn(form, 'Message'), ' And again.');
      buttonIn(form, 'Send')?.click();
      await until(() => view(el, 'porthole-confirmation'), 'confirmation');
      expect(adapter.calls[1]?.idempotencyKey).not.to.equal(adapter.calls[0]?.idempotencyKey);
    });

    it('shows a rejection with its reason', async () => {
      const el = await widget();
      el.adapter = {
        name: 'refusing',
        submit: () => Promise.reject(new TicketError('rejected', 'Too many tickets today.')),
      };
      el.contact();
      await el.updateComplete;
      const form = await fillForm(el);
      buttonIn(form, 'Send')?.click();
      await until(() => form.error, 'error shown');
      expect(form.error).to.equal('Your message wasn’t accepted: Too many tickets today.');
    });

    it('restores the draft after the element is created again (a reload)', async () => {
      const first = await widget();
      first.contact();
      await first.updateComplete;
      await fillForm(first);
      const key = (formView(first) as PortholeContactForm).draft;
      first.remove();

      const second = await widget();
      second.contact();
      await second.updateComplete;
      const form = formView(second) as PortholeContactForm;
      await form.updateComplete;
      expect(fieldIn(form, 'Email').value).to.equal('ana@example.com');
      expect(fieldIn(form, 'Message').value).to.equal('I asked three times.');
      expect(form.draft).to.deep.equal(key);
      buttonIn(form, 'Send')?.click();
      await until(() => adapter.calls.length === 1, 'sent');
      const stored = JSON.parse(sessionStorage.getItem(`porthole:draft:v1:${ENDPOINT}`) ?? 'null');
      expect(
        stored === null || adapter.calls[0]?.idempotencyKey === stored.idempotencyKey,
      ).to.equal(true);
    });

    it('ignores a stored draft it cannot read', async () => {
      sessionStorage.setItem(
        `porthole:draft:v1:${ENDPOINT}`,
        '{"message": 42, "idempotencyKey": ""',
      );
      const el = await widget();
      el.contact();
      await el.updateComplete;
      const form = formView(el) as PortholeContactForm;
      expect(form.draft.message).to.equal('');
      sessionStorage.setItem(
        `porthole:draft:v1:${ENDPOINT}`,
        '{"message": 42, "idempotencyKey": ""}',
      );
      const again = await widget();
      again.contact();
      await again.updateComplete;
      await fillForm(again);
      buttonIn(formView(again), 'Send')?.click();
      await until(() => adapter.calls.length === 1, 'sent');
      expect(adapter.calls[0]?.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
    });

    it('survives storage that throws', async () => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      try {
        const el = await widget();
        el.contact();
        await el.updateComplete;
        await fillForm(el);
        expect((formView(el) as PortholeContactForm).draft.subject).to.equal(
          'Reset email never arrives',
        );
      } finally {
        Storage.prototype.setItem = original;
      }
    });

    it('lets a listener cancel porthole-ticket-submit', async () => {
      const el = await widget();
      el.addEventListener('porthole-ticket-submit', (e) => e.preventDefault(), { once: true });
      const submits = spyOn<CustomEvent>(el, 'porthole-ticket-submit');
      el.contact();
      await el.updateComplete;
      const form = await fillForm(el);
      buttonIn(form, 'Send')?.click();
      await el.updateComplete;
      expect(submits.count).to.equal(1);
      expect(submits.last()?.cancelable).to.equal(true);
      expect(submits.last()?.detail.ticket.email).to.equal('ana@example.com');
      expect(adapter.calls).to.have.length(0);
      expect(Boolean(formView(el)), 'exists').to.equal(true);
    });

    it('prefills name and email of an identified visitor, without overwriting what was typed', async () => {
      const el = await widget();
      el.identify({ name: 'Ivo', email: 'ivo@example.com' });
      el.contact({ subject: 'Invoice', email: 'other@example.com' });
      await el.updateComplete;
      const form = formView(el) as PortholeContactForm;
      await form.updateComplete;
      expect(fieldIn(form, 'Name').value).to.equal('Ivo');
      expect(fieldIn(form, 'Email').value).to.equal('ivo@example.com');
      expect(fieldIn(form, 'Subject').value).to.equal('Invoice');
      expectSame(deepActiveElement(), fieldIn(form, 'Message'));
    });
  });

  describe('small screens: a modal sheet', () => {
    beforeEach(() => setViewport({ width: 375, height: 740 }));

    it('fills the screen as a modal dialog that keeps Tab inside', async () => {
      const el = await widget();
      launcher(el).focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(panel(el).matches(':modal'), 'modal').to.equal(true);
      const rect = panel(el).getBoundingClientRect();
      expect([rect.left, rect.top, rect.width, rect.height]).to.deep.equal([0, 0, 375, 740]);
      await until(() => deepActiveElement() === searchInput(el), 'focus in the search field');
      // Forward past the end, then back past the start, several times each.
      for (let i = 0; i < 20; i++) {
        if (i >= 10) {
          await sendKeys({ down: 'Shift' });
          await sendKeys({ press: 'Tab' });
          await sendKeys({ up: 'Shift' });
        } else await sendKeys({ press: 'Tab' });
        const active = deepActiveElement();
        const inside = active !== null && (root(el).contains(active) || el.contains(active));
        expect(
          inside || active?.getRootNode() !== document,
          `Tab ${i}: ${active?.localName} is outside the sheet`,
        ).to.equal(true);
        expect(active, `Tab ${i}: focus on the page`).to.not.equal(document.body);
      }
      await expect(el).to.be.accessible();
    });

    it('stops the page from scrolling and gives it back when closed', async () => {
      document.documentElement.style.overflow = 'clip';
      try {
        const el = await widget();
        el.show();
        await el.updateComplete;
        expect(getComputedStyle(document.documentElement).overflow).to.equal('hidden');
        el.hide();
        expect(document.documentElement.style.overflow, 'the page’s own value').to.equal('clip');
      } finally {
        document.documentElement.style.overflow = '';
      }
    });

    it('closes on Escape and on the browser’s Back, leaving history as it was', async () => {
      const el = await widget();
      launcher(el).focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(history.state?.portholeSheet, 'an entry for the sheet').to.equal(true);
      await sendKeys({ press: 'Escape' });
      expect(el.open).to.equal(false);
      expectSame(deepActiveElement(), launcher(el));
      await until(() => !history.state?.portholeSheet, 'the entry left');

      el.show();
      await el.updateComplete;
      history.back();
      await until(() => !el.open, 'closed by Back');
      expect(panel(el).matches(':modal')).to.equal(false);
    });

    it('uses 16 px text in its fields, so phones do not zoom in', async () => {
      const el = await widget();
      el.show();
      await el.updateComplete;
      expect(getComputedStyle(searchInput(el)).fontSize).to.equal('16px');
      el.contact();
      await el.updateComplete;
      const form = formView(el) as PortholeContactForm;
      expect(getComputedStyle(fieldIn(form, 'Message')).fontSize).to.equal('16px');
    });
  });

  describe('on desktop', () => {
    it('is not modal: the page stays usable and scrollable', async () => {
      const el = await widget();
      el.show();
      await el.updateComplete;
      expect(panel(el).matches(':modal')).to.equal(false);
      expect(panel(el).matches(':popover-open')).to.equal(true);
      expect(document.documentElement.style.overflow).to.equal('');
      const outside = document.createElement('button');
      outside.textContent = 'Page button';
      document.body.append(outside);
      try {
        outside.focus();
        expectSame(document.activeElement, outside, 'the page takes focus');
      } finally {
        outside.remove();
      }
    });
  });

  describe('your own launcher', () => {
    async function ownLauncher() {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <button id="own" data-porthole-open style="position: fixed; top: 40px; left: 60px">
            Need help?
          </button>
          <porthole-widget
            no-launcher
            endpoint=${ENDPOINT}
            .knowledgeBase=${kb}
            .adapter=${adapter}
          ></porthole-widget>
        </div>`,
      );
      const el = wrapper.querySelector('porthole-widget') as PortholeWidget;
      const own = wrapper.querySelector('#own') as HTMLButtonElement;
      return { el, own };
    }

    it('hides the launcher and opens from any data-porthole-open element, next to it', async () => {
      const { el, own } = await ownLauncher();
      expect(launcher(el).hidden).to.equal(true);
      expect(launcher(el).matches(':popover-open')).to.equal(false);
      own.click();
      await el.updateComplete;
      expect(el.open).to.equal(true);
      await until(() => !panel(el).hasAttribute('data-placing'), 'placed');
      finishAnimations(panel(el));
      const button = own.getBoundingClientRect();
      const rect = panel(el).getBoundingClientRect();
      expect(rect.top, 'just below the button').to.be.closeTo(button.bottom + 8, 1);
      expect(rect.left).to.be.at.least(0);
      expect(rect.right).to.be.at.most(window.innerWidth);
      await expect(el).to.be.accessible();
    });

    it('returns focus to the element that opened it', async () => {
      const { el, own } = await ownLauncher();
      own.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => deepActiveElement() === searchInput(el), 'focus in the search field');
      await sendKeys({ press: 'Escape' });
      expect(el.open).to.equal(false);
      expectSame(document.activeElement, own);
    });

    it('can be switched off with config, and a second click on the opener closes', async () => {
      const el = await widget();
      el.configure({ launcher: false });
      expect(el.hasAttribute('no-launcher')).to.equal(true);
      expect(getComputedStyle(launcher(el)).display).to.equal('none');
      const own = document.createElement('a');
      own.href = '#help';
      own.setAttribute('data-porthole-open', '');
      own.textContent = 'Help';
      document.body.append(own);
      try {
        own.click();
        expect(el.open).to.equal(true);
        expect(location.hash, 'the link does not navigate').to.not.equal('#help');
        own.click();
        expect(el.open).to.equal(false);
      } finally {
        own.remove();
      }
    });

    it('opens and closes with its keyboard shortcut, but not while the visitor types', async () => {
      const el = await widget();
      expect(el.chunks.get('shortcut'), 'no shortcut code without a shortcut').to.equal(undefined);
      el.shortcut = '?';
      await until(() => el.chunks.get('shortcut'), 'the shortcut’s code, loaded once one is set');
      const press = (target: EventTarget) =>
        target.dispatchEvent(
          new KeyboardEvent('keydown', { key: '?', shiftKey: true, bubbles: true, composed: true }),
        );
      press(document.body);
      expect(el.open).to.equal(true);
      press(document.body);
      expect(el.open).to.equal(false);
      const field = document.createElement('input');
      document.body.append(field);
      try {
        press(field);
        expect(el.open, 'typed into a field').to.equal(false);
      } finally {
        field.remove();
      }
    });
  });

  describe('deep links', () => {
    afterEach(() => history.replaceState(null, '', location.pathname + location.search));

    it('opens the article or search named in the page URL', async () => {
      history.replaceState(null, '', '#porthole-article=billing%2Frefunds');
      const el = await widget();
      await el.updateComplete;
      expect(el.open).to.equal(true);
      expect(articleView(el)?.article?.slug).to.equal('billing/refunds');

      location.hash = '#porthole-search=did+not+arrive';
      await until(() => searchView(el)?.query === 'did not arrive', 'search from the new hash');
      await el.updateComplete;
      expect(searchView(el)?.hits.map((h) => h.slug)).to.deep.equal(['account/reset-password']);
    });
  });

  describe('hostile page CSS', () => {
    it('keeps the launcher in its corner and the panel in view', async () => {
      const style = document.createElement('style');
      style.textContent = `* { position: relative !important; }
        body { transform: translateZ(0); margin-top: 3000px; }
        button, input { all: unset; }
        html { font-size: 10px; }`;
      document.head.append(style);
      try {
        const el = await widget();
        const rect = launcher(el).getBoundingClientRect();
        expect(window.innerWidth - rect.right).to.be.closeTo(20, 1);
        expect(window.innerHeight - rect.bottom).to.be.closeTo(20, 1);
        el.show();
        await el.updateComplete;
        finishAnimations(panel(el));
        const box = panel(el).getBoundingClientRect();
        expect(box.top).to.be.at.least(0);
        expect(box.bottom).to.be.at.most(window.innerHeight);
        expect(box.width).to.equal(380);
        expect(getComputedStyle(searchInput(el)).fontSize).to.equal('16px');
      } finally {
        style.remove();
      }
    });
  });

  describe('options', () => {
    it('takes UI text from `strings` and the accent from `accent`', async () => {
      const el = await widget();
      el.configure({
        strings: { launcher: 'Pomoć', panelTitle: 'Pomoć' },
        accent: 'rgb(0, 100, 0)',
      });
      el.show();
      await el.updateComplete;
      expect(launcher(el).getAttribute('aria-label')).to.equal('Pomoć');
      expect(panel(el).getAttribute('aria-label')).to.equal('Pomoć');
      expect(getComputedStyle(el).getPropertyValue('--porthole-accent').trim()).to.equal(
        'rgb(0, 100, 0)',
      );
    });

    it('follows <html lang> when no locale is set', async () => {
      document.documentElement.lang = 'el';
      try {
        const el = await widget();
        el.show();
        await until(() => (searchView(el)?.home.suggestions.length ?? 0) > 0, 'suggestions');
        expect(searchView(el)?.home.suggestions.map((s) => s.locale)).to.deep.equal(['el']);
      } finally {
        document.documentElement.lang = '';
      }
    });

    it('does not animate for visitors who prefer reduced motion', async () => {
      const el = await widget();
      el.show();
      await el.updateComplete;
      expect(panel(el).getAnimations()).to.have.length(0);
      await emulateMedia({ reducedMotion: 'no-preference' });
      el.hide();
      await el.updateComplete;
      el.show();
      await el.updateComplete;
      expect(panel(el).getAnimations()).to.have.length(1);
      await emulateMedia({ reducedMotion: 'reduce' });
    });

    it('injects no styles into the document', async () => {
      const before = document.querySelectorAll('style, link[rel=stylesheet]').length;
      const sheets = document.adoptedStyleSheets.length;
      const el = await widget();
      el.show();
      await el.updateComplete;
      expect(document.querySelectorAll('style, link[rel=stylesheet]').length).to.equal(before);
      expect(document.adoptedStyleSheets.length).to.equal(sheets);
      expect(root(el).adoptedStyleSheets.length).to.be.greaterThan(0);
    });
  });
});
