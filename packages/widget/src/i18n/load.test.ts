/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { createMessageLoader, loadMessages, messageLoader } from './load.js';
import type { LocaleImporter, LocaleModule } from './locale-importers.js';
import en from './locales/en.js';
import type { Messages } from './types.js';

/**
 * Which locale modules this page has fetched, from the browser's own record of its requests.
 * This file imports no catalog but English, and each test file runs in a page of its own, so
 * anything else listed here was fetched by `loadMessages`.
 */
function fetchedLocales(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => /\/i18n\/locales\/([a-z-]+)\.[jt]s(?:\?|$)/.exec(entry.name)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
}

describe('loadMessages', () => {
  it('fetches only the requested locale’s module, once', async () => {
    expect(fetchedLocales()).to.deep.equal(['en']);

    const polish = await loadMessages('pl');
    expect(polish.launcher).to.equal('Pomoc');
    expect(fetchedLocales()).to.deep.equal(['en', 'pl']);

    expect(await loadMessages('PL'), 'case does not matter').to.equal(polish);
    expect(messageLoader.get('pl')).to.equal(polish);
    expect(fetchedLocales()).to.deep.equal(['en', 'pl']);
  });

  it('gives English without fetching anything', async () => {
    const before = fetchedLocales();
    expect(await loadMessages('en')).to.equal(en);
    expect(messageLoader.get('en')).to.equal(en);
    expect(fetchedLocales()).to.deep.equal(before);
  });

  it('refuses a locale it has no texts for, naming the ones it has, without fetching', async () => {
    const before = fetchedLocales();
    const error = await loadMessages('ja').then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).to.be.instanceOf(RangeError);
    expect((error as Error).message)
      .to.contain('"ja"')
      .and.contain('pl');
    expect(messageLoader.get('ja')).to.equal(undefined);
    expect(fetchedLocales()).to.deep.equal(before);
  });
});

describe('createMessageLoader', () => {
  const german = { ...en, launcher: 'Hilfe' } as Messages;
  const offline = () =>
    Promise.reject(new TypeError('Failed to fetch dynamically imported module'));

  it('shares one import between callers', async () => {
    const attempts: number[] = [];
    const loader = createMessageLoader({
      de: async (attempt) => {
        attempts.push(attempt);
        return { default: german };
      },
    });
    const [a, b] = await Promise.all([loader.load('de'), loader.load('de')]);
    expect(a).to.equal(german);
    expect(b).to.equal(german);
    expect(await loader.load('de')).to.equal(german);
    expect(attempts).to.deep.equal([0]);
    expect(loader.locales).to.deep.equal(['en', 'de']);
  });

  it('forgets a failed import, so the next call tries again, counting the attempts', async () => {
    const attempts: number[] = [];
    let online = false;
    const importer: LocaleImporter = async (attempt) => {
      attempts.push(attempt);
      if (!online) return offline();
      return { default: german };
    };
    const loader = createMessageLoader({ de: importer });

    const error = await loader.load('de').then(
      () => undefined,
      (reason: unknown) => reason as Error,
    );
    expect(error?.message).to.equal('The help widget could not load its "de" texts.');
    expect(error?.cause).to.be.instanceOf(TypeError);
    expect(loader.get('de')).to.equal(undefined);

    online = true;
    expect(await loader.load('de')).to.equal(german);
    expect(attempts).to.deep.equal([0, 1]);
  });

  it('refuses a module without a default export of texts', async () => {
    const loader = createMessageLoader({
      de: async () => ({}) as unknown as LocaleModule,
    });
    const error = await loader.load('de').then(
      () => undefined,
      (reason: unknown) => reason as Error,
    );
    expect(error?.cause).to.be.instanceOf(TypeError);
    expect(String((error?.cause as Error).message)).to.contain('no default export');
  });
});
