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

  it('lists the articles for this page first, then each topic’s first ones by name', () => {
    const articles = [
      summary('reset', [], 'Konto'),
      summary('faq'),
      summary('refunds', [], 'Billing'),
      summary('invoices', ['/billing/**'], 'Billing'),
      summary('plans', [], 'Billing'),
      summary('cards', [], 'Billing'),
      summary('tax', [], 'Billing'),
    ];
    const home = (path: string, perTopic?: number) => {
      const { suggestions, groups } = homeArticles(articles, path, perTopic);
      let from = 0;
      return groups.map(({ forPage, category, size }) => [
        forPage ? 'this page' : (category ?? 'other'),
        suggestions.slice(from, (from += size)).map((a) => a.slug),
      ]);
    };
    expect(home('/')).to.deep.equal([
      ['Billing', ['refunds', 'invoices', 'plans']],
      ['Konto', ['reset']],
      ['other', ['faq']],
    ]);
    expect(home('/billing/invoices', 2)).to.deep.equal([
      ['this page', ['invoices']],
      ['Billing', ['refunds', 'plans']],
      ['Konto', ['reset']],
      ['other', ['faq']],
    ]);
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
