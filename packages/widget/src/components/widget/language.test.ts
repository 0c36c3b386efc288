/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { createChunkLoader } from '../../core/chunk-loader.js';
import type { ChunkImporters, ChunkName } from '../../core/chunk-loader.js';
import { importers as realImporters } from '../../loading/importers.js';
import { createCountingAdapter, createTestKnowledgeBase, until } from '../../../test/fixtures.js';
import type { PortholeContactForm } from '../contact-form/contact-form.js';
import type { PortholePanel } from '../panel/panel.js';
import type { PortholeSearch } from '../search/search.js';
import './widget.js';
import type { PortholeWidget } from './widget.js';

/** Parts imported by the widget under test, in order. */
let imported: ChunkName[];
/** Make a part fail to load while this is set. */
let offline: ChunkName | undefined;

function watchedLoader() {
  const importers = Object.fromEntries(
    Object.entries(realImporters).map(([name, importer]) => [
      name,
      (attempt: number) => {
        imported.push(name as ChunkName);
        if (offline === name) return Promise.reject(new TypeError('Failed to fetch'));
        return (importer as (attempt: number) => Promise<unknown>)(attempt);
      },
    ]),
  ) as ChunkImporters;
  return createChunkLoader(importers);
}

async function widget(attributes: { locale?: string } = {}) {
  return fixture<PortholeWidget>(
    html`<porthole-widget
      endpoint="/language-test/v1/tickets"
      locale=${attributes.locale ?? ''}
      .chunks=${watchedLoader()}
      .knowledgeBase=${createTestKnowledgeBase()}
      .adapter=${createCountingAdapter()}
    ></porthole-widget>`,
  );
}

const root = (el: Element) => el.shadowRoot as ShadowRoot;
const launcher = (el: PortholeWidget) => root(el).querySelector('[part=launcher]') as HTMLElement;
const dialog = (el: PortholeWidget) => root(el).querySelector('dialog') as HTMLDialogElement;
const inside = (el: PortholeWidget) => root(el).querySelector('porthole-panel') as PortholePanel;
const view = <T extends Element>(el: PortholeWidget, name: string) =>
  root(inside(el)).querySelector(name) as T;
const languages = () => imported.filter((name) => name.startsWith('locale-'));

/** Sets `<html lang>` (and `dir`) for one test. */
function pageLanguage(lang: string, dir = '') {
  const html = document.documentElement;
  html.lang = lang;
  if (dir) html.dir = dir;
}

/** Pretend the browser prefers `languages` for one test. */
function browserLanguages(languages: string[]) {
  Object.defineProperty(navigator, 'languages', { value: languages, configurable: true });
}

describe('porthole-widget: the interface language', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));
  beforeEach(() => {
    imported = [];
    offline = undefined;
    localStorage.clear();
  });
  afterEach(() => {
    document.documentElement.removeAttribute('lang');
    document.documentElement.removeAttribute('dir');
    delete (navigator as { languages?: unknown }).languages;
  });

  it('speaks the page’s language: launcher, dialog, search field and form, with lang', async () => {
    pageLanguage('pl');
    const el = await widget();
    await until(() => el.language === 'pl', 'Polish texts');
    expect(launcher(el).getAttribute('aria-label')).to.equal('Pomoc');
    expect(launcher(el).lang).to.equal('pl');
    el.show();
    await el.updateComplete;
    expect(dialog(el).getAttribute('aria-label')).to.equal('Pomoc');
    expect([dialog(el).lang, dialog(el).dir]).to.deep.equal(['pl', 'ltr']);
    const search = view<PortholeSearch>(el, 'porthole-search');
    expect(root(search).querySelector('input')?.getAttribute('aria-label')).to.equal(
      'Szukaj w artykułach pomocy',
    );
    el.contact();
    await el.updateComplete;
    const form = view<PortholeContactForm>(el, 'porthole-contact-form');
    const labels = [...root(form).querySelectorAll('label')].map((label) => label.textContent);
    expect(labels).to.deep.equal(['Imię i nazwisko', 'Adres e-mail', 'Temat', 'Wiadomość']);
    expect(root(form).querySelector('[part=send]')?.textContent?.trim()).to.equal('Wyślij');
    expect(languages(), 'only the page’s language is loaded').to.deep.equal(['locale-pl']);
    await expect(el).to.be.accessible();
  });

  it('says why a field is refused in the page’s language', async () => {
    pageLanguage('pl');
    const el = await widget();
    el.contact();
    await el.updateComplete;
    const form = view<PortholeContactForm>(el, 'porthole-contact-form');
    (root(form).querySelector('[part=send]') as HTMLButtonElement).click();
    await form.updateComplete;
    const errors = [...root(form).querySelectorAll('[part=field-error]')].map((p) => p.textContent);
    expect(errors).to.deep.equal(['Wpisz adres e-mail', 'Wpisz temat', 'Wpisz wiadomość']);
  });

  it('takes data-locale (the locale option) over <html lang>, and <html lang> over the browser', async () => {
    pageLanguage('de');
    browserLanguages(['fr-FR', 'fr']);
    const chosen = await widget({ locale: 'hr' });
    await until(() => chosen.language === 'hr', 'Croatian');
    expect(launcher(chosen).getAttribute('aria-label')).to.equal('Pomoć');

    const page = await widget();
    await until(() => page.language === 'de', 'German');
    expect(launcher(page).getAttribute('aria-label')).to.equal('Hilfe');

    document.documentElement.removeAttribute('lang');
    const browser = await widget();
    await until(() => browser.language === 'fr', 'French');
    expect(launcher(browser).getAttribute('aria-label')).to.equal('Aide');
  });

  it('falls back from a regional tag to its language, and to English for one it lacks', async () => {
    pageLanguage('pt-BR');
    const brazil = await widget();
    await until(() => brazil.language === 'pt', 'Portuguese');
    pageLanguage('ja');
    const japanese = await widget();
    expect(japanese.language).to.equal('en');
    expect(launcher(japanese).getAttribute('aria-label')).to.equal('Help');
    expect(languages()).to.deep.equal(['locale-pt']);
  });

  it('writes Arabic right to left', async () => {
    pageLanguage('ar', 'rtl');
    const el = await widget();
    await until(() => el.language === 'ar', 'Arabic');
    el.show();
    await el.updateComplete;
    expect([launcher(el).dir, dialog(el).dir]).to.deep.equal(['rtl', 'rtl']);
    expect(getComputedStyle(view(el, 'porthole-search')).direction).to.equal('rtl');
    await expect(el).to.be.accessible();
  });

  it('mirrors on a right-to-left page: launcher and panel bottom left, Back pointing right', async () => {
    pageLanguage('ar', 'rtl');
    const el = await widget();
    await until(() => el.language === 'ar', 'Arabic');
    const corner = launcher(el).getBoundingClientRect();
    expect(corner.left, 'launcher 20 px from the left edge').to.be.closeTo(20, 1);
    await el.showArticle('account/reset-password');
    await el.updateComplete;
    expect(dialog(el).getBoundingClientRect().left, 'panel on the left').to.be.closeTo(20, 1);
    const article = view(el, 'porthole-article');
    const icon = root(article).querySelector('[part=back] svg') as SVGElement;
    expect(getComputedStyle(icon).transform, 'Back points right').to.equal(
      'matrix(-1, 0, 0, 1, 0, 0)',
    );
    const body = root(article).querySelector('article') as HTMLElement;
    expect(body.lang).to.equal('en');
    expect(getComputedStyle(body).direction, 'an English article reads left to right').to.equal(
      'ltr',
    );
    expect(
      getComputedStyle(root(article).querySelector('[part=back]') as Element).direction,
    ).to.equal('rtl');
    await expect(el).to.be.accessible();
  });

  it('keeps bottom-right where it says on a right-to-left page, and mirrors bottom-start', async () => {
    pageLanguage('he', 'rtl');
    const right = await fixture<PortholeWidget>(
      html`<porthole-widget position="bottom-right" .chunks=${watchedLoader()}></porthole-widget>`,
    );
    const box = launcher(right).getBoundingClientRect();
    expect(window.innerWidth - box.right).to.be.closeTo(20, 1);
    const start = await fixture<PortholeWidget>(
      html`<porthole-widget position="bottom-start" .chunks=${watchedLoader()}></porthole-widget>`,
    );
    const startBox = launcher(start).getBoundingClientRect();
    expect(window.innerWidth - startBox.right, 'start is right in Hebrew').to.be.closeTo(20, 1);
  });

  it('stays English (and says so in lang) while the language cannot load, and retries on open', async () => {
    pageLanguage('ru');
    offline = 'locale-ru';
    const el = await widget();
    await until(() => languages().length === 1, 'first attempt');
    await el.updateComplete;
    expect(launcher(el).getAttribute('aria-label')).to.equal('Help');
    expect(launcher(el).lang).to.equal('en');
    offline = undefined;
    el.show();
    await until(() => el.language === 'ru', 'Russian after a retry');
    await el.updateComplete;
    expect(dialog(el).getAttribute('aria-label')).to.equal('Помощь');
    expect(languages()).to.deep.equal(['locale-ru', 'locale-ru']);
  });

  it('lets `strings` replace any text, over the language’s own', async () => {
    pageLanguage('pl');
    const el = await widget();
    el.configure({ strings: { launcher: 'Wsparcie', contactUs: 'Napisz do nas' } });
    await until(() => el.language === 'pl', 'Polish');
    expect(launcher(el).getAttribute('aria-label')).to.equal('Wsparcie');
    el.show();
    await el.updateComplete;
    const search = view<PortholeSearch>(el, 'porthole-search');
    expect(root(search).querySelector('[part=contact] button')?.textContent?.trim()).to.equal(
      'Napisz do nas',
    );
  });
});
