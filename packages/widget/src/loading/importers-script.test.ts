/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { createChunkLoader } from '../core/chunk-loader.js';
import type { ChunkImporters } from '../core/chunk-loader.js';

/**
 * The script bundle's importers load the content-hashed `porthole-*.js` files beside
 * `porthole.js`, by the names the build writes in. Here no script tag loaded it, so "beside"
 * is `/porthole.js` on the test server, where web-test-runner.config.mjs serves a
 * `porthole-kb-0123456789.js` that is missing on the first request.
 */
const PARTS = {
  panel: 'porthole-panel-0123456789.js',
  kb: 'porthole-kb-0123456789.js',
  sanitize: 'porthole-sanitize-0123456789.js',
  tickets: 'porthole-tickets-0123456789.js',
  position: 'porthole-position-0123456789.js',
};

async function load() {
  // What `vite build` writes into porthole.js with `define`.
  Object.assign(window, { __PORTHOLE_PARTS__: PARTS, __PORTHOLE_LOCALES__: 'abcdefghij' });
  return import('./importers-script.js');
}

describe('importers-script (the parts of porthole.js)', () => {
  it('puts the hashed parts beside the script and marks retries', async () => {
    const { chunkUrl } = await load();
    const script = 'https://cdn.example/widget/1.2/porthole.js?v=7#x';
    expect(chunkUrl(PARTS.kb, script, 0)).to.equal(
      'https://cdn.example/widget/1.2/porthole-kb-0123456789.js',
    );
    expect(chunkUrl(PARTS.tickets, script, 2)).to.equal(
      'https://cdn.example/widget/1.2/porthole-tickets-0123456789.js?retry=2',
    );
  });

  it('names every language’s part with the languages’ one hash', async () => {
    const { chunkUrl, importers } = await load();
    expect(Object.keys(importers)).to.include.members(['locale-pl', 'locale-ar', 'panel']);
    expect(Object.keys(importers)).to.not.include('locale-en');
    const prefetched: string[] = [];
    const { prefetch } = await load();
    prefetch('locale-pl');
    const link = document.head.querySelector<HTMLLinkElement>('link[rel=modulepreload]');
    prefetched.push(link?.href ?? '');
    link?.remove();
    expect(prefetched).to.deep.equal([
      chunkUrl('porthole-locale-pl-abcdefghij.js', `${location.origin}/porthole.js`, 0),
    ]);
  });

  it('prefetches a part with a modulepreload link, which runs nothing', async () => {
    const { prefetch } = await load();
    prefetch('tickets');
    const link = document.head.querySelector<HTMLLinkElement>('link[rel=modulepreload]');
    expect(link?.href).to.equal(`${location.origin}/porthole-tickets-0123456789.js`);
    link?.remove();
  });

  it('rejects (never throws) when a part is missing, and fetches it afresh next time', async () => {
    const { importers } = await load();
    const chunks = createChunkLoader(importers as ChunkImporters);
    let failure: unknown;
    await chunks.load('kb').catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(Error);
    expect((failure as Error).message).to.contain('"kb"');
    expect(String((failure as Error).cause)).to.contain('porthole-kb-0123456789.js');
    expect(chunks.get('kb')).to.equal(undefined);

    const module = await chunks.load('kb');
    const answer = (module.openKnowledgeBase as unknown as () => string)();
    expect(answer, 'served for the retry URL').to.equal('retry=1');
    expect(chunks.get('kb')).to.equal(module);
  });
});
