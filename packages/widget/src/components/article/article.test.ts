/// <reference types="mocha" />
import type { Article } from '@porthole/kb';
import { expect, fixture, html } from '@open-wc/testing';
import { ARTICLES, loadXssVectors, spyOn, until, expectSame } from '../../../test/fixtures.js';
import type { ArticleChoice } from '../../core/options.js';
import type { SanitizeArticle } from '../../controllers/article.controller.js';
import { sanitizeArticleHtml } from '../../sanitize.js';
import { platformSanitizer } from '../../sanitize/platform.js';
import './article.js';
import type { PortholeArticle } from './article.js';

const reset = ARTICLES[0] as Article;

async function articleView(
  article: Article = reset,
  section?: string,
  sanitize: SanitizeArticle = sanitizeArticleHtml,
) {
  return fixture<PortholeArticle>(
    html`<div style="height: 300px; overflow: auto">
      <porthole-article
        .article=${article}
        .section=${section}
        .sanitize=${sanitize}
        status="ready"
      ></porthole-article>
    </div>`,
  ).then((wrapper) => wrapper.querySelector('porthole-article') as PortholeArticle);
}

const root = (el: PortholeArticle) => el.shadowRoot as ShadowRoot;
/** Where the pinned Back bar and title end, on screen. */
const pinnedBottom = (el: PortholeArticle) =>
  (root(el).querySelector('header') as HTMLElement).getBoundingClientRect().bottom;
const buttonNamed = (el: PortholeArticle, name: string) =>
  [...root(el).querySelectorAll('button')].find((b) => b.textContent?.trim().endsWith(name));

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

describe('porthole-article', () => {
  it('shows the title as a heading, the body, Back, "Was this helpful?" and Contact us', async () => {
    const el = await articleView();
    expect(root(el).querySelector('h2')?.textContent).to.equal('Reset your password');
    expect(root(el).querySelector('[part=body] strong')?.textContent).to.equal('Forgot password');
    expect(Boolean(buttonNamed(el, 'Back')), 'exists').to.equal(true);
    expect(Boolean(buttonNamed(el, 'Contact us')), 'exists').to.equal(true);
    expect(Boolean(buttonNamed(el, 'Yes')), 'exists').to.equal(true);
    expect(Boolean(buttonNamed(el, 'No')), 'exists').to.equal(true);
    expect(root(el).querySelector('[role=group]')?.textContent).to.contain('Was this helpful?');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state and an error state', async () => {
    const el = await articleView();
    el.status = 'loading';
    await el.updateComplete;
    expect(root(el).textContent).to.contain('Loading…');
    await expect(el).to.be.accessible();
    el.status = 'error';
    await el.updateComplete;
    expect(root(el).querySelector('[role=alert]')?.textContent).to.contain('can’t be loaded');
    expect(Boolean(buttonNamed(el, 'Contact us')), 'contact stays reachable').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('asks "Was this helpful?" once per article', async () => {
    const el = await articleView();
    const feedback = spyOn<CustomEvent<boolean>>(el, 'ph-feedback');
    buttonNamed(el, 'No')?.click();
    await el.updateComplete;
    expect(feedback.events.map((e) => e.detail)).to.deep.equal([false]);
    expect(buttonNamed(el, 'Yes')).to.equal(undefined);
    expect(root(el).querySelector('[role=group] [role=status]')?.textContent).to.match(
      /^Thanks for your feedback\.\s+Sorry this didn’t help\./,
    );
    expect(Boolean(buttonNamed(el, 'Contact us')), '“No” offers Contact us').to.equal(true);
    await expect(el).to.be.accessible();
    el.article = ARTICLES[1];
    await el.updateComplete;
    expect(Boolean(buttonNamed(el, 'Yes')), 'asked again for the next article').to.equal(true);
  });

  it('opens external links in a new tab without an opener', async () => {
    const el = await articleView();
    const link = root(el).querySelector('a[href^="https://example.org"]');
    expect(link?.getAttribute('target')).to.equal('_blank');
    expect(link?.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(root(el).querySelector('a[href="#email-missing"]')?.hasAttribute('target')).to.equal(
      false,
    );
  });

  it('follows links to other articles inside the widget', async () => {
    const el = await articleView();
    const navigations = spyOn<CustomEvent<ArticleChoice>>(el, 'ph-navigate');
    const link = root(el).querySelector<HTMLAnchorElement>('a[data-porthole-article]');
    const before = location.href;
    link?.click();
    expect(location.href).to.equal(before);
    expect(navigations.last()?.detail).to.deep.equal({
      slug: 'billing/refunds',
      locale: 'en',
      section: 'window',
    });
  });

  it('scrolls to #id links within the article', async () => {
    const el = await articleView();
    const scroller = el.parentElement as HTMLElement;
    const link = root(el).querySelector<HTMLAnchorElement>('a[href="#email-missing"]');
    link?.click();
    const heading = root(el).getElementById('email-missing') as HTMLElement;
    await until(
      () => Math.abs(heading.getBoundingClientRect().top - pinnedBottom(el)) < 20,
      'section scrolled to just below the pinned header',
    );
    expect(scroller.scrollTop).to.be.above(0);
    expectSame(root(el).activeElement, heading);
    expect(location.hash).to.equal('');
  });

  it('opens scrolled to the section a search hit pointed at', async () => {
    const el = await articleView(reset, 'far-away');
    const scroller = el.parentElement as HTMLElement;
    const heading = root(el).getElementById('far-away') as HTMLElement;
    await until(() => scroller.scrollTop > 1000, 'scrolled down to the section');
    expect(Math.abs(heading.getBoundingClientRect().top - pinnedBottom(el))).to.be.below(20);
    el.focus();
    expectSame(root(el).activeElement, heading);
  });

  it('focuses the title when opened without a section', async () => {
    const el = await articleView();
    el.focus();
    expectSame(root(el).activeElement, root(el).querySelector('h2'));
  });

  it('can show the same article again after another one was loading', async () => {
    const el = await articleView();
    el.status = 'loading';
    await el.updateComplete;
    el.status = 'ready';
    await el.updateComplete;
    expect(root(el).querySelector('[part=body] strong')?.textContent).to.equal('Forgot password');
  });

  it('shows a 5 MB article piece by piece, and reaches a section at its end', async function () {
    // Seconds in all, a few milliseconds per task (test/e2e/long-tasks.test.ts measures them).
    this.timeout(60_000);
    const block = (i: number) =>
      `<h2 id="s-${i}">Section ${i}</h2><p>Lorem ipsum <strong>dolor</strong> sit amet, ` +
      `<a href="#s-1">back to the start</a>, consectetur adipiscing elit.</p>` +
      `<ul><li>One</li><li>Two <em>and a half</em></li></ul>`;
    const blocks: string[] = [];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      blocks.push(block(i));
      size += blocks.at(-1)?.length ?? 0;
    }
    const last = `s-${blocks.length - 1}`;
    const el = await articleView();
    el.sanitize = platformSanitizer() ?? sanitizeArticleHtml;
    el.section = last;
    el.article = { ...reset, slug: 'huge', html: blocks.join('\n') };
    await el.updateComplete;
    const body = root(el).querySelector('[part=body]') as HTMLElement;
    const first = body.querySelectorAll('h2').length;
    expect(first, 'the first piece at once').to.be.greaterThan(0);
    expect(first, 'only the first piece').to.be.lessThan(blocks.length / 100);
    await el.bodyComplete;
    expect(body.querySelectorAll('h2')).to.have.length(blocks.length);
    expect(root(el).getElementById(last)?.textContent).to.equal(`Section ${blocks.length - 1}`);
  });

  const sanitizers: [string, SanitizeArticle | undefined][] = [
    ['DOMPurify', sanitizeArticleHtml],
    ['the browser’s HTML Sanitizer API', platformSanitizer()],
  ];
  for (const [name, sanitize] of sanitizers) {
    it(`never runs hostile article HTML from the shared XSS corpus, with ${name}`, async () => {
      expect(sanitize, `${name} is there in this Chromium`).to.be.a('function');
      const vectors = (await loadXssVectors()).filter((v) => v.context === 'markdown');
      expect(vectors.length).to.be.greaterThan(200);
      const trap = () => {
        window.__pwned = true;
      };
      const saved = {
        alert: window.alert,
        confirm: window.confirm,
        prompt: window.prompt,
        print: window.print,
      };
      Object.assign(window, { alert: trap, confirm: trap, prompt: trap, print: trap });
      try {
        const el = await articleView(reset, undefined, sanitize);
        for (const vector of vectors) {
          el.article = { ...reset, slug: vector.id, html: vector.input };
          await el.updateComplete;
          const body = root(el).querySelector('[part=body]') as HTMLElement;
          for (const node of body.querySelectorAll('*')) {
            for (const attr of node.attributes) {
              expect(attr.name, `${vector.id}: ${node.localName}[${attr.name}]`).not.to.match(
                /^on/i,
              );
              if (/^(href|src|action|formaction|xlink:href|data)$/i.test(attr.name)) {
                expect(attr.value, `${vector.id}: ${attr.name}`).not.to.match(
                  /^\s*(javascript|vbscript|data:text\/html)/i,
                );
              }
            }
          }
          expect(
            body.querySelectorAll(
              'script, style, iframe, object, embed, form, base, meta, link, svg, math, template',
            ),
            vector.id,
          ).to.have.length(0);
          // An image's error (the classic handler vector) comes when it has failed to load.
          await Promise.all(
            [...body.querySelectorAll('img')].map((img) =>
              img.complete
                ? undefined
                : new Promise((resolve) => {
                    img.addEventListener('load', resolve, { once: true });
                    img.addEventListener('error', resolve, { once: true });
                  }),
            ),
          );
          // Clicking every link must not run anything either.
          for (const link of body.querySelectorAll<HTMLAnchorElement>('a[href]')) {
            if (!link.getAttribute('href')?.startsWith('#') && !link.target) continue;
            link.addEventListener('click', (e) => e.preventDefault(), { once: true });
            link.click();
          }
        }
        // Animations and transitions a vector might hook start with the next frame.
        await new Promise((resolve) => requestAnimationFrame(resolve));
        expect(window.__pwned, 'a vector ran').to.equal(undefined);
        expect(typeof document.createElement, 'document was clobbered').to.equal('function');
        expect(typeof document.cookie).to.equal('string');
      } finally {
        Object.assign(window, saved);
      }
    });
  }

  it('puts its sections one level below the title: h2 title, sections read as level 3', async () => {
    const el = await articleView();
    const title = root(el).querySelector('[part=title]') as HTMLElement;
    expect(title.localName).to.equal('h2');
    const section = root(el).getElementById('email-missing') as HTMLElement;
    expect(section.getAttribute('aria-level')).to.equal('3');
    expect(root(el).getElementById('far-away')?.getAttribute('aria-level')).to.equal('4');
    await expect(el).to.be.accessible();
  });

  it('keeps Back and the title pinned while the article scrolls', async () => {
    const el = await articleView();
    const scroller = el.parentElement as HTMLElement;
    const header = root(el).querySelector('header') as HTMLElement;
    expect(header.querySelector('[part=title]')?.textContent).to.equal('Reset your password');
    expect(header.querySelector('[part=back]')).to.not.equal(null);
    scroller.scrollTop = 1500;
    await until(() => scroller.scrollTop === 1500, 'scrolled');
    expect(header.getBoundingClientRect().top).to.equal(scroller.getBoundingClientRect().top);
  });

  it('lists related articles at the end and opens one inside the widget', async () => {
    const el = await articleView();
    const related = ARTICLES.slice(1, 3).map(({ html: _html, ...summary }) => summary);
    el.related = related;
    await el.updateComplete;
    const nav = root(el).querySelector('[part=related]') as HTMLElement;
    expect(nav.querySelector('h3')?.textContent).to.equal('Related articles');
    const buttons = [...nav.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent?.trim())).to.deep.equal([
      'Refunds',
      'Two-factor sign-in',
    ]);
    const navigations = spyOn<CustomEvent<ArticleChoice>>(el, 'ph-navigate');
    buttons[0]?.click();
    expect(navigations.last()?.detail).to.deep.equal({ slug: 'billing/refunds', locale: 'en' });
    await expect(el).to.be.accessible();
  });

  it('copies a link that opens the article (at its section) on this page', async () => {
    const el = await articleView(reset, 'email-missing');
    const copied: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    let refuse = false;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: async (text: string) => {
          if (refuse) throw new DOMException('Denied', 'NotAllowedError');
          copied.push(text);
        },
      },
    });
    try {
      const share = root(el).querySelector('[part=share]') as HTMLButtonElement;
      expect(share.textContent?.trim()).to.equal('Copy link');
      share.click();
      await until(() => copied.length === 1, 'copied');
      const url = new URL(copied[0] ?? '');
      expect(url.origin + url.pathname).to.equal(location.origin + location.pathname);
      expect(url.hash).to.equal('#porthole-article=account%2Freset-password&section=email-missing');
      const status = () => root(el).querySelector('header [role=status]')?.textContent;
      await until(() => status() === 'Link copied', 'success said');
      refuse = true;
      share.click();
      await until(() => status() === 'The link couldn’t be copied.', 'failure said');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
  });
});
