/// <reference types="mocha" />
import type { ArticleSummary } from '@porthole/kb';
import { expect } from '@open-wc/testing';
import { matchesPage, suggestArticles } from './suggest.js';

const summary = (slug: string, pages: string[] = []): ArticleSummary => ({
  slug,
  locale: 'en',
  title: slug,
  tags: [],
  pages,
  sections: [],
});

describe('suggestArticles', () => {
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
    const slugs = (path: string, limit?: number) =>
      suggestArticles(articles, path, limit).map((a) => a.slug);
    expect(slugs('/billing/invoices')).to.deep.equal(['c', 'a', 'b', 'd']);
    expect(slugs('/')).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(slugs('/billing/x', 2)).to.deep.equal(['c', 'a']);
  });
});
