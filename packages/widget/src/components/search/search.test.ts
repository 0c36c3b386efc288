/// <reference types="mocha" />
import type { ArticleSummary, SearchHit } from '@porthole/kb';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { loadXssVectors, spyOn, expectSame } from '../../../test/fixtures.js';
import './search.js';
import type { PortholeSearch } from './search.js';
import type { ArticleChoice } from './search.component.js';

const hits: SearchHit[] = [
  {
    slug: 'account/reset-password',
    locale: 'en',
    title: 'Reset your password',
    score: 0.9,
    snippet: 'Open the sign-in page and choose Forgot password.',
  },
  {
    slug: 'account/reset-password',
    locale: 'en',
    title: 'Reset your password',
    section: { id: 'email-missing', title: 'The email did not arrive' },
    score: 0.8,
    snippet: 'Check your spam folder.',
  },
  {
    slug: 'logariasmos/kodikos',
    locale: 'el',
    title: 'Αλλαγή κωδικού πρόσβασης',
    score: 0.5,
    snippet: 'Ανοίξτε τη σελίδα σύνδεσης.',
  },
];

const suggestions: ArticleSummary[] = [
  {
    slug: 'billing/refunds',
    locale: 'en',
    title: 'Refunds',
    description: 'Money back within five days.',
    tags: [],
    pages: [],
    sections: [],
  },
];

async function searchView(query = 'reset', results = hits) {
  return fixture<PortholeSearch>(
    html`<porthole-search
      .query=${query}
      .hits=${results}
      .home=${{ suggestions, groups: [{ size: 1 }] }}
      status="done"
    ></porthole-search>`,
  );
}

const input = (el: PortholeSearch) => el.shadowRoot?.querySelector('input') as HTMLInputElement;
const options = (el: PortholeSearch) => [
  ...(el.shadowRoot?.querySelectorAll('[role=option]') ?? []),
];
const status = (el: PortholeSearch) =>
  el.shadowRoot?.querySelector('[role=status]')?.textContent?.trim();

describe('porthole-search', () => {
  it('is a combobox named "Search help articles" controlling a listbox of results', async () => {
    const el = await searchView();
    const box = input(el);
    expect(box.getAttribute('role')).to.equal('combobox');
    expect(box.getAttribute('aria-label')).to.equal('Search help articles');
    expect(box.getAttribute('aria-expanded')).to.equal('true');
    const listbox = el.shadowRoot?.getElementById(box.getAttribute('aria-controls') ?? '');
    expect(listbox?.getAttribute('role')).to.equal('listbox');
    expect(options(el)).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('shows title, section title and snippet, and marks other-language hits with lang', async () => {
    const el = await searchView();
    const [, second, third] = options(el);
    expect(second?.querySelector('[part=option-title]')?.textContent).to.equal(
      'Reset your password',
    );
    expect(second?.querySelector('[part=option-section]')?.textContent).to.equal(
      'The email did not arrive',
    );
    expect(second?.querySelector('[part=option-snippet]')?.textContent).to.equal(
      'Check your spam folder.',
    );
    expect(third?.getAttribute('lang')).to.equal('el');
    expect(third?.querySelector('[part=option-locale]')).to.equal(null, 'no page locale given');
    el.locale = 'en';
    await el.updateComplete;
    expect(third?.querySelector('[part=option-locale]')?.textContent).to.equal('el');
    expect(second?.querySelector('[part=option-locale]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('announces the number of results politely', async () => {
    const el = await searchView();
    expect(el.shadowRoot?.querySelector('[role=status]')?.getAttribute('role')).to.equal('status');
    expect(status(el)).to.equal('3 articles found');
    el.hits = hits.slice(0, 1);
    await el.updateComplete;
    expect(status(el)).to.equal('1 article found');
  });

  it('says plainly when nothing answers the question, and offers Contact us', async () => {
    const el = await searchView('zzz', []);
    expect(status(el)).to.equal('No good match for “zzz”');
    expect(el.shadowRoot?.querySelector('[part=no-match]')?.textContent).to.contain(
      'We couldn’t find an article that answers this.',
    );
    expect(options(el), 'no weak hits listed').to.have.length(0);
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    const contact = [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent?.trim() === 'Contact us',
    );
    expect(Boolean(contact), 'exists').to.equal(true);
    const asked = spyOn(el, 'ph-contact');
    contact?.click();
    expect(asked.count).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('shows suggested articles before anything is typed', async () => {
    const el = await searchView('');
    expect(
      options(el).map((o) => o.querySelector('[part=option-title]')?.textContent),
    ).to.deep.equal(['Refunds']);
    expect(el.shadowRoot?.querySelector('[role=listbox]')?.getAttribute('aria-label')).to.equal(
      'Suggested articles',
    );
    expect(status(el)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('tells when help articles cannot be loaded', async () => {
    const el = await searchView('', []);
    el.home = { suggestions: [], groups: [] };
    el.unavailable = true;
    await el.updateComplete;
    expect(status(el)).to.match(/can’t be loaded/);
    await expect(el).to.be.accessible();
  });

  it('moves through options with the arrow keys (aria-activedescendant) and opens one with Enter', async () => {
    const el = await searchView();
    const box = input(el);
    const selected = spyOn<CustomEvent<ArticleChoice>>(el, 'ph-select');
    box.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).to.equal('option-0');
    await sendKeys({ press: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).to.equal('option-1');
    expect(options(el)[1]?.getAttribute('aria-selected')).to.equal('true');
    expect(options(el)[0]?.getAttribute('aria-selected')).to.equal('false');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(box.getAttribute('aria-activedescendant'), 'wraps around').to.equal('option-2');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(selected.last()?.detail).to.deep.equal({
      slug: 'account/reset-password',
      locale: 'en',
      section: 'email-missing',
    });
    expectSame(el.shadowRoot?.activeElement, box, 'focus stays in the input');
  });

  it('opens the first hit on Enter when none is active', async () => {
    const el = await searchView();
    const selected = spyOn<CustomEvent<ArticleChoice>>(el, 'ph-select');
    input(el).focus();
    await sendKeys({ press: 'Enter' });
    expect(selected.last()?.detail.slug).to.equal('account/reset-password');
  });

  it('Escape leaves the options first and only then lets the dialog close', async () => {
    const el = await searchView();
    const escapes: boolean[] = [];
    el.addEventListener('keydown', (e) => e.key === 'Escape' && escapes.push(e.defaultPrevented));
    input(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
    await sendKeys({ press: 'Escape' });
    expect(escapes).to.deep.equal([true, false]);
  });

  it('selects an option on click', async () => {
    const el = await searchView();
    const selected = spyOn<CustomEvent<ArticleChoice>>(el, 'ph-select');
    (options(el)[2] as HTMLElement).click();
    expect(selected.last()?.detail).to.deep.equal({ slug: 'logariasmos/kodikos', locale: 'el' });
  });

  it('reports what the visitor types', async () => {
    const el = await searchView('');
    const queries = spyOn<CustomEvent<string>>(el, 'ph-query');
    input(el).focus();
    await sendKeys({ type: 'ab' });
    expect(queries.events.map((e) => e.detail)).to.deep.equal(['a', 'ab']);
  });

  it('renders hostile queries, titles and snippets as text, never as markup', async () => {
    const vectors = (await loadXssVectors()).filter((v) => v.context !== 'markdown');
    expect(vectors.length).to.be.greaterThan(20);
    const hostile: SearchHit[] = vectors.map((v) => ({
      slug: v.id,
      locale: 'en',
      title: v.input,
      section: { id: 'x', title: v.input },
      score: 1,
      snippet: v.input,
    }));
    for (const vector of vectors) {
      const el = await searchView(vector.input, hostile.slice(0, 3));
      expect(input(el).value).to.equal(vector.input.replace(/[\r\n]/g, ''));
      expect(status(el)).to.equal('3 articles found');
    }
    const el = await searchView('x', hostile);
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelectorAll('[role=option]')).to.have.length(hostile.length);
    const titles = [...root.querySelectorAll('[part=option-title]')].map((t) => t.textContent);
    expect(titles).to.deep.equal(hostile.map((h) => h.title));
    expect(root.querySelectorAll('script, img, iframe, svg:not([aria-hidden]), a')).to.have.length(
      0,
    );
    expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
  });

  it('marks the matched words of titles, sections and snippets with <mark>, as text', async () => {
    const marked: SearchHit[] = [
      {
        slug: 'account/reset-password',
        locale: 'en',
        title: 'Reset your <b>password</b>',
        section: { id: 'email-missing', title: 'The email did not arrive' },
        score: 0.9,
        snippet: 'Choose Forgot password to reset it.',
        matches: {
          title: [
            [0, 5],
            [11, 22],
          ],
          section: [[4, 9]],
          snippet: [
            [14, 22],
            [26, 31],
          ],
        },
      },
    ];
    const el = await searchView('reset password', marked);
    const option = options(el)[0] as HTMLElement;
    const marks = (part: string) =>
      [...option.querySelectorAll(`[part=${part}] mark`)].map((m) => m.textContent);
    expect(marks('option-title')).to.deep.equal(['Reset', '<b>password']);
    expect(option.querySelector('[part=option-title]')?.textContent).to.equal(
      'Reset your <b>password</b>',
    );
    expect(option.querySelector('b'), 'markup in a title stays text').to.equal(null);
    expect(marks('option-section')).to.deep.equal(['email']);
    expect(marks('option-snippet')).to.deep.equal(['password', 'reset']);
    await expect(el).to.be.accessible();
  });

  it('before typing: greets, lists the articles for this page, then each topic’s, and how to reach support', async () => {
    const article = (slug: string, title: string, category?: string): ArticleSummary => ({
      slug,
      locale: 'en',
      title,
      tags: [],
      pages: [],
      ...(category && { category }),
    });
    const pricing = article('billing/plans', 'Plans and pricing', 'Billing');
    const reset = article('account/reset', 'Reset your password', 'Account');
    const refunds = article('billing/refunds', 'Refunds', 'Billing');
    const faq = article('faq', 'Questions');
    const el = await fixture<PortholeSearch>(
      html`<porthole-search
        name="Ana"
        .replyTime=${'2h'}
        .home=${{
          suggestions: [pricing, reset, refunds, faq],
          groups: [
            { forPage: true, size: 1 },
            { category: 'Account', size: 1 },
            { category: 'Billing', size: 1 },
            { size: 1 },
          ],
        }}
      ></porthole-search>`,
    );
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelector('[part=greeting]')?.textContent?.trim()).to.equal('Hi Ana');
    const groups = [...root.querySelectorAll('[role=group]')].map((group) => [
      root.getElementById(group.getAttribute('aria-labelledby') ?? '')?.textContent,
      [...group.querySelectorAll('[role=option] [part=option-title]')].map((t) => t.textContent),
    ]);
    expect(groups).to.deep.equal([
      ['Suggested for this page', ['Plans and pricing']],
      ['Account', ['Reset your password']],
      ['Billing', ['Refunds']],
      ['Other articles', ['Questions']],
    ]);
    const chosen = spyOn<CustomEvent<ArticleChoice>>(el, 'ph-select');
    (options(el)[2] as HTMLElement).click();
    expect(chosen.last()?.detail).to.deep.equal({ slug: 'billing/refunds', locale: 'en' });
    const contact = root.querySelector('[part=contact]') as HTMLElement;
    expect(contact.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      'Need to talk to us? We usually reply within 2 hours Contact us',
    );
    const asked = spyOn(el, 'ph-contact');
    contact.querySelector('button')?.click();
    expect(asked.count).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('reads a topic heading in its articles’ language, the interface’s headings in its own', async () => {
    const article = (slug: string, category?: string): ArticleSummary => ({
      slug,
      locale: 'en',
      title: slug,
      tags: [],
      pages: [],
      ...(category && { category }),
    });
    const el = await fixture<PortholeSearch>(
      html`<porthole-search
        lang="ar"
        dir="rtl"
        .home=${{
          suggestions: [article('plans', 'Billing'), article('reset', 'Account'), article('faq')],
          groups: [{ forPage: true, size: 1 }, { category: 'Account', size: 1 }, { size: 1 }],
        }}
      ></porthole-search>`,
    );
    const headings = [...(el.shadowRoot?.querySelectorAll('.heading') ?? [])].map((heading) => [
      heading.getAttribute('lang'),
      heading.getAttribute('dir'),
    ]);
    expect(headings).to.deep.equal([
      [null, null],
      ['en', 'auto'],
      [null, null],
    ]);
    await expect(el).to.be.accessible();
  });

  it('empties the field with its clear button, which shows only when there is text', async () => {
    const el = await searchView('reset');
    const queries = spyOn<CustomEvent<string>>(el, 'ph-query');
    const clear = el.shadowRoot?.querySelector('[part=clear]') as HTMLButtonElement;
    expect(clear.getAttribute('aria-label')).to.equal('Clear search');
    clear.click();
    expect(queries.events.map((e) => e.detail)).to.deep.equal(['']);
    expectSame(el.shadowRoot?.activeElement, input(el), 'focus back in the field');
    el.query = '';
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[part=clear]')).to.equal(null);
  });
});
