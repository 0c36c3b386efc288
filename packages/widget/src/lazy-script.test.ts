/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { chunkUrl, chunks } from './lazy-script.js';

/**
 * The script bundle's seam imports `porthole-*.js` by URL from beside `porthole.js`. Here no
 * script tag loaded it, so "beside" is `/porthole.js` on the test server, where
 * web-test-runner.config.mjs serves a `porthole-kb.js` that is missing on the first request.
 */
describe('lazy-script (the seam of porthole.js)', () => {
  afterEach(() => chunks.reset());

  it('puts the parts beside the script, with its query string, and marks retries', () => {
    const script = 'https://cdn.example/widget/1.2/porthole.js?v=7#x';
    expect(chunkUrl('porthole-kb.js', script, 0)).to.equal(
      'https://cdn.example/widget/1.2/porthole-kb.js?v=7',
    );
    expect(chunkUrl('porthole-tickets.js', script, 2)).to.equal(
      'https://cdn.example/widget/1.2/porthole-tickets.js?v=7&retry=2',
    );
    expect(chunkUrl('porthole-sanitize.js', `${location.origin}/porthole.js`, 0)).to.equal(
      `${location.origin}/porthole-sanitize.js`,
    );
  });

  it('rejects (never throws) when a part is missing, and fetches it afresh next time', async () => {
    let failure: unknown;
    await chunks.load('kb').catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(Error);
    expect((failure as Error).message).to.contain('"kb"');
    expect(String((failure as Error).cause)).to.contain('porthole-kb.js');
    expect(chunks.get('kb')).to.equal(undefined);

    const module = await chunks.load('kb');
    const answer = (module.openKnowledgeBase as unknown as () => string)();
    expect(answer, 'served for the retry URL').to.equal('retry=1');
    expect(chunks.get('kb')).to.equal(module);
  });
});
