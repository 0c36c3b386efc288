/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { createPorthole } from '../../command-api.js';
import {
  createCountingAdapter,
  createTestKnowledgeBase,
  spyOn,
  until,
} from '../../../test/fixtures.js';
import type { PortholeArticle } from '../article/article.js';
import type { PortholePanel } from '../panel/panel.js';
import type { PortholeSearch } from '../search/search.js';
import './widget.js';
import type { PortholeWidget } from './widget.js';

const page = location.pathname + location.search;

async function widget() {
  return fixture<PortholeWidget>(
    html`<porthole-widget
      endpoint="/continuity-test/v1/tickets"
      .knowledgeBase=${createTestKnowledgeBase()}
      .adapter=${createCountingAdapter()}
    ></porthole-widget>`,
  );
}

const root = (el: Element) => el.shadowRoot as ShadowRoot;
const inside = (el: PortholeWidget) => root(el).querySelector<PortholePanel>('porthole-panel');
const view = <T extends Element>(el: PortholeWidget, name: string) => {
  const panel = inside(el);
  return panel ? (root(panel).querySelector(name) as T | null) : null;
};
const article = (el: PortholeWidget) => view<PortholeArticle>(el, 'porthole-article');
const search = (el: PortholeWidget) => view<PortholeSearch>(el, 'porthole-search');
const scroller = (el: PortholeWidget) =>
  root(el).querySelector('[part=panel__body]') as HTMLElement;

/** What the browser does when the visitor reloads or follows a link: `pagehide`, then a new page. */
async function leaveAndComeBack(el: PortholeWidget): Promise<PortholeWidget> {
  window.dispatchEvent(new PageTransitionEvent('pagehide'));
  el.remove();
  const next = await widget();
  await next.updateComplete;
  return next;
}

describe('porthole-widget: deep links and continuity', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));
  beforeEach(() => sessionStorage.clear());
  afterEach(() => history.replaceState(null, '', page));

  it('opens the article and section named by #porthole-article=<slug>&section=<id>', async () => {
    history.replaceState(null, '', '#porthole-article=account%2Freset-password&section=far-away');
    const el = await widget();
    await el.updateComplete;
    expect(el.open).to.equal(true);
    expect(article(el)?.article?.slug).to.equal('account/reset-password');
    expect(article(el)?.section).to.equal('far-away');
  });

  it('after a reload, is back on the article it showed, scrolled where it was, without an event', async () => {
    const first = await widget();
    await first.showArticle('account/reset-password');
    scroller(first).scrollTop = 900;
    const second = await leaveAndComeBack(first);
    const opened = spyOn(second, 'porthole-open');
    expect(second.open).to.equal(true);
    expect(article(second)?.article?.slug).to.equal('account/reset-password');
    await until(() => scroller(second).scrollTop === 900, 'scroll position back');
    expect(opened.count, 'restored, not opened by the visitor').to.equal(0);
    await expect(second).to.be.accessible();
  });

  it('does not follow a deep link again on reload: the visitor’s own way through wins', async () => {
    history.replaceState(null, '', '#porthole-article=account%2Freset-password');
    const first = await widget();
    await first.updateComplete;
    await first.search('refunds');
    const second = await leaveAndComeBack(first);
    expect(article(second)).to.equal(null);
    expect(search(second)?.query).to.equal('refunds');
    expect(search(second)?.hits.map((hit) => hit.slug)).to.deep.equal(['billing/refunds']);
  });

  it('stays closed when it was closed, and shows what it showed on the next open', async () => {
    const first = await widget();
    await first.showArticle('billing/refunds');
    first.hide();
    const second = await leaveAndComeBack(first);
    expect(second.open).to.equal(false);
    expect(inside(second), 'no panel loaded for a closed widget').to.equal(null);
    second.show();
    await second.updateComplete;
    expect(article(second)?.article?.slug).to.equal('billing/refunds');
  });

  it('keeps nothing for a visitor who never opened it, and sends nothing anywhere', async () => {
    const fetches: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      fetches.push(String(input));
      return realFetch(input, init);
    };
    try {
      const first = await widget();
      await leaveAndComeBack(first);
      expect(sessionStorage.length).to.equal(0);
      expect(fetches).to.deep.equal([]);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('gives links that open an article, a section or a search: Porthole(“link”, …)', async () => {
    const el = await widget();
    const porthole = createPorthole(el);
    const base = location.origin + location.pathname + location.search;
    expect(porthole('link', { article: 'billing/refunds', section: 'window' })).to.equal(
      `${base}#porthole-article=billing%2Frefunds&section=window`,
    );
    expect(
      porthole('link', { search: 'reset password' }, 'https://example.com/help?x=1#top'),
    ).to.equal('https://example.com/help?x=1#porthole-search=reset%20password');
    expect(porthole('link', { article: 'x', locale: 'pl' }, '/pricing')).to.equal(
      `${location.origin}/pricing#porthole-article=x&locale=pl`,
    );
  });

  it('follows a single-page app to another route while open: suggestions for that page', async () => {
    const el = await widget();
    el.show();
    await until(() => (search(el)?.home.suggestions.length ?? 0) > 0, 'suggestions');
    expect(search(el)?.home.groups[0]?.forPage).to.equal(undefined);
    history.pushState(null, '', '/pricing/team');
    await until(() => search(el)?.home.groups[0]?.forPage, 'the route’s article first');
    expect(search(el)?.home.suggestions[0]?.slug).to.equal('billing/refunds');
    history.back();
    await until(() => location.pathname !== '/pricing/team', 'back');
  });
});
