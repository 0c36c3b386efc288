/// <reference types="mocha" />
import type { ArticleSummary } from '@porthole/kb';
import { expect } from '@open-wc/testing';
import { homeArticles, matchesPage, relatedArticles } from './suggest.js';

const summary = (slug: string, pages: string[] = [], category?: string): ArticleSummary => ({
  slug,
  locale: 'en',
  title: slug,
  tags: [],
  pages,
  sections: [],
  ...(category && { category }),
});

describe('homeArticles and relatedArticles', () => {
  it('matches pages globs: * within a segment, ** across, ? one character', () => {
    expect(matchesPage(['/pricing'], '/pricing')).to.equal(true);
    expect(matchesPage(['/pricing'], '/pricing/')).to.equal(true);
    expect(matchesPage(['/pricing'], '/pricing/team')).to.equal(false);
    expect(matchesPage(['/account/*'], '/account/security')).to.equal(true);
    expect(matchesPage(['/account/*'], '/account/security/2fa')).to.equal(false);
    expect(matchesPage(['/billing/**'], '/billing/invoices/2026')).to.equal(true);
    expect(matchesPage(['/v?/docs'], '/v2/docs')).to.equal(true);
    expect(matchesPage(['/a.b'], '/axb'), 'dots are literal').to.equal(false);
    expect(matchesPage([], '/')).to.equal(false);
  });

  it('puts the articles for this page first, then the knowledge base order', () => {
    const articles = [summary('a'), summary('b'), summary('c', ['/billing/**']), summary('d')];
    const home = (path: string, limit?: number) => homeArticles(articles, path, limit);
    expect(home('/billing/invoices').suggestions.map((a) => a.slug)).to.deep.equal([
      'c',
      'a',
      'b',
      'd',
    ]);
    expect(home('/billing/invoices').forPage).to.equal(1);
    expect(home('/').suggestions.map((a) => a.slug)).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(home('/').forPage).to.equal(0);
    expect(home('/billing/x', 2).suggestions.map((a) => a.slug)).to.deep.equal(['c', 'a', 'b']);
  });

  it('groups every article by topic, alphabetically, those without one last', () => {
    const articles = [
      summary('reset', [], 'Konto'),
      summary('faq'),
      summary('refunds', [], 'Billing'),
      summary('invoices', [], 'Billing'),
    ];
    const { topics } = homeArticles(articles, '/');
    expect(topics.map(([name, list]) => [name, list.map((a) => a.slug)])).to.deep.equal([
      ['Billing', ['refunds', 'invoices']],
      ['Konto', ['reset']],
      [undefined, ['faq']],
    ]);
    expect(homeArticles([summary('a', [], 'One')], '/').topics, 'one topic: no list').to.deep.equal(
      [],
    );
  });

  it('relates the articles an article links to, then its category, never itself', () => {
    const articles = [
      summary('refunds', [], 'Billing'),
      summary('invoices', [], 'Billing'),
      summary('reset', [], 'Account'),
      summary('plans', [], 'Billing'),
    ];
    const article = {
      ...summary('invoices', [], 'Billing'),
      sections: [],
      translations: {},
      html: '<p><a data-porthole-article="reset" href="#">a</a> <a data-porthole-article="gone">b</a></p>',
    };
    expect(relatedArticles(article, articles).map((a) => a.slug)).to.deep.equal([
      'reset',
      'refunds',
      'plans',
    ]);
    expect(relatedArticles(article, articles, 1).map((a) => a.slug)).to.deep.equal(['reset']);
  });
});
