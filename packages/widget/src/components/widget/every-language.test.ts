/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { SearchHit } from '@porthole/kb';
import { createCountingAdapter, createTestKnowledgeBase, until } from '../../../test/fixtures.js';
import { BUILT_IN_LOCALES } from '../../i18n/locales.js';
import { direction } from '../../i18n/resolve.js';
import type { PortholePanel } from '../panel/panel.js';
import type { PortholeSearch } from '../search/search.js';
import './widget.js';
import type { PortholeWidget } from './widget.js';

/** The test knowledge base, with the match ranges of the real one so results show marks. */
function markingKnowledgeBase() {
  const kb = createTestKnowledgeBase();
  const search = kb.search.bind(kb);
  kb.search = async (query, options) =>
    (await search(query, options)).map((hit): SearchHit => {
      const at = hit.title.toLowerCase().indexOf(query.trim().toLowerCase());
      const title: [number, number][] = at < 0 ? [] : [[at, at + query.trim().length]];
      return { ...hit, matches: { title, snippet: [] } };
    });
  return kb;
}

const root = (el: Element) => el.shadowRoot as ShadowRoot;
const inside = (el: PortholeWidget) => root(el).querySelector('porthole-panel') as PortholePanel;
const view = (el: PortholeWidget, name: string) => root(inside(el)).querySelector(name);
const search = (el: PortholeWidget) => view(el, 'porthole-search') as PortholeSearch;

/**
 * Each view of the panel, reached as a visitor would, in the order they would: every one must
 * pass axe in every language the widget ships and in both directions.
 */
const VIEWS: [name: string, reach: (el: PortholeWidget) => Promise<unknown>][] = [
  ['home', async (el) => until(() => search(el)?.home.suggestions.length, 'suggestions')],
  [
    'results with marks',
    async (el) => {
      await el.search('refund');
      await until(() => root(search(el)).querySelector('mark'), 'a marked result');
    },
  ],
  [
    'no good match',
    async (el) => {
      await el.search('nothing like this');
      await until(() => root(search(el)).querySelector('[part=no-match]'), 'no-match state');
    },
  ],
  ['article', (el) => el.showArticle('account/reset-password')],
  [
    'form with errors',
    async (el) => {
      el.contact();
      await el.updateComplete;
      const form = view(el, 'porthole-contact-form') as HTMLElement;
      (root(form).querySelector('[part=send]') as HTMLButtonElement).click();
      await until(() => root(form).querySelector('[part=field-error]'), 'field errors');
    },
  ],
  [
    'confirmation',
    async (el) => {
      el.contact({
        name: 'Ana',
        email: 'ana@example.com',
        subject: 'Refund',
        message: 'Where is it?',
      });
      await el.updateComplete;
      const form = view(el, 'porthole-contact-form') as HTMLElement;
      (root(form).querySelector('[part=send]') as HTMLButtonElement).click();
      await until(() => view(el, 'porthole-confirmation'), 'confirmation');
    },
  ],
];

describe('porthole-widget: every view in every language', () => {
  // axe must not judge colours halfway through a fade-in.
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));
  beforeEach(() => sessionStorage.clear());
  afterEach(() => {
    document.documentElement.removeAttribute('lang');
    document.documentElement.removeAttribute('dir');
  });

  for (const locale of BUILT_IN_LOCALES) {
    const dir = direction(locale);
    it(`passes axe in each view in ${locale} (${dir}), the panel in that language`, async function () {
      this.timeout(30_000);
      document.documentElement.lang = locale;
      document.documentElement.dir = dir;
      const el = await fixture<PortholeWidget>(
        html`<porthole-widget
          endpoint="/every-language/v1/tickets"
          .knowledgeBase=${markingKnowledgeBase()}
          .adapter=${createCountingAdapter()}
        ></porthole-widget>`,
      );
      await until(() => el.language === locale, `the ${locale} texts`);
      el.show();
      await el.updateComplete;
      const dialog = root(el).querySelector('dialog') as HTMLDialogElement;
      expect([dialog.lang, dialog.dir]).to.deep.equal([locale, dir]);
      for (const [name, reach] of VIEWS) {
        await reach(el);
        await el.updateComplete;
        try {
          await expect(el).to.be.accessible();
        } catch (error) {
          throw new Error(`${locale}, ${name}: ${(error as Error).message}`, { cause: error });
        }
      }
    });
  }
});
