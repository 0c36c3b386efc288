/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { BUILT_IN_LOCALES } from './locales.js';
import { direction, matchLocale, NOT_LATIN, resolveLocale } from './resolve.js';

describe('resolveLocale', () => {
  it('takes data-locale first, then <html lang>, then the browser languages in order', () => {
    const all = { dataLocale: 'pl', htmlLang: 'de', navigatorLanguages: ['fr', 'es'] };
    expect(resolveLocale(all)).to.equal('pl');
    expect(resolveLocale({ ...all, dataLocale: undefined })).to.equal('de');
    expect(resolveLocale({ ...all, dataLocale: null, htmlLang: '' })).to.equal('fr');
    expect(resolveLocale({ navigatorLanguages: ['ja', 'es-MX', 'fr'] })).to.equal('es');
  });

  it('skips a source it has no texts for and tries the next one', () => {
    expect(
      resolveLocale({ dataLocale: 'ja', htmlLang: 'lv', navigatorLanguages: ['de'] }),
    ).to.equal('lv');
    expect(
      resolveLocale({ dataLocale: 'ko', htmlLang: 'zh', navigatorLanguages: ['hr-HR'] }),
    ).to.equal('hr');
  });

  it('falls back to English, or to the given fallback, when nothing matches', () => {
    expect(resolveLocale({})).to.equal('en');
    expect(resolveLocale({ htmlLang: 'zh-Hant-TW', navigatorLanguages: ['ja-JP'] })).to.equal('en');
    expect(resolveLocale({ htmlLang: 'ja', fallback: 'de' })).to.equal('de');
  });

  it('drops the region but not the script: pt-BR → pt, sr-Latn-RS → sr-Latn, zh-Hant-TW ↛ zh', () => {
    expect(resolveLocale({ htmlLang: 'pt-BR' })).to.equal('pt');
    expect(resolveLocale({ htmlLang: 'de-CH-1996' })).to.equal('de');
    expect(resolveLocale({ htmlLang: 'ar-EG-u-nu-latn' })).to.equal('ar');
    const serbian = ['sr', 'sr-Latn'];
    expect(matchLocale('sr-Latn-RS', serbian)).to.equal('sr-Latn');
    expect(matchLocale('sr-Cyrl-RS', serbian)).to.equal('sr');
    expect(matchLocale('sr-RS', serbian), 'sr-RS is written in Cyrillic').to.equal('sr');
    expect(matchLocale('zh-Hant-TW', ['zh']), 'zh is Simplified').to.equal(undefined);
    expect(matchLocale('zh-TW', ['zh', 'zh-Hant'])).to.equal('zh-Hant');
  });

  it('finds another region of the same language and script: pt → pt-BR, en-AU → en-GB', () => {
    expect(matchLocale('pt', ['en', 'pt-BR'])).to.equal('pt-BR');
    expect(matchLocale('en-AU', ['en-GB', 'pl'])).to.equal('en-GB');
    expect(matchLocale('pt-PT', ['pt-BR', 'pt-PT'])).to.equal('pt-PT');
  });

  it('ignores case and accepts _ for -, returning the tag as spelt in available', () => {
    expect(resolveLocale({ htmlLang: 'PT_br' })).to.equal('pt');
    expect(resolveLocale({ htmlLang: ' UK ' })).to.equal('uk');
    expect(matchLocale('pt-br', ['pt-BR'])).to.equal('pt-BR');
  });

  it('understands legacy and mistaken codes: iw → he, ua → uk, gr → el', () => {
    expect(resolveLocale({ htmlLang: 'iw' })).to.equal('he');
    expect(resolveLocale({ htmlLang: 'iw-IL' })).to.equal('he');
    expect(resolveLocale({ htmlLang: 'ua' })).to.equal('uk');
    expect(resolveLocale({ htmlLang: 'gr' })).to.equal('el');
  });

  it('ignores values that are not language tags', () => {
    const junk = ['', '   ', '*', 'en-', '-en', '12', 'x', 'en us', '<script>', 'toolonglanguage'];
    for (const value of junk) {
      expect(matchLocale(value, ['en', 'pl']), JSON.stringify(value)).to.equal(undefined);
    }
    expect(resolveLocale({ dataLocale: '*', htmlLang: 'pl' })).to.equal('pl');
  });

  it('resolves against the locales given in available', () => {
    expect(resolveLocale({ htmlLang: 'pl', available: ['en', 'de'] })).to.equal('en');
    expect(resolveLocale({ htmlLang: 'fi', available: ['en', 'fi'] })).to.equal('fi');
  });
});

describe('direction', () => {
  it('is rtl for languages written right to left, by their script', () => {
    for (const locale of [
      'ar',
      'ar-EG',
      'he',
      'he-IL',
      'iw',
      'fa',
      'ur',
      'ps',
      'yi',
      'ckb',
      'dv',
    ]) {
      expect(direction(locale), locale).to.equal('rtl');
    }
    expect(direction('az-Arab'), 'Azerbaijani in Arabic script').to.equal('rtl');
  });

  it('is ltr for every other language, including invalid tags', () => {
    for (const locale of ['en', 'pl', 'ru', 'el', 'ku', 'az', 'zh-Hant', 'ja', '', 'not a tag']) {
      expect(direction(locale), locale).to.equal('ltr');
    }
  });
});

describe('the scripts known without the likely-subtags data', () => {
  const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
  const regions = letters.flatMap((first) => letters.map((second) => first + second));

  it('are what maximize() gives for every built-in language in every region', () => {
    for (const language of BUILT_IN_LOCALES) {
      const script = NOT_LATIN[language] ?? 'Latn';
      const differs = [language, ...regions.map((region) => `${language}-${region}`)].filter(
        (tag) => new Intl.Locale(tag).maximize().script !== script,
      );
      expect(differs, `${language} is not always ${script}`).to.deep.equal([]);
    }
  });
});

describe('resolveLocale and direction on page load', () => {
  it('choose a built-in language and its direction without Intl.Locale#maximize', () => {
    const maximize = Intl.Locale.prototype.maximize;
    let calls = 0;
    Intl.Locale.prototype.maximize = function (this: Intl.Locale) {
      calls++;
      return maximize.call(this);
    };
    try {
      expect(resolveLocale({ htmlLang: 'pt-BR' })).to.equal('pt');
      expect(resolveLocale({ htmlLang: 'ar', navigatorLanguages: ['he-IL'] })).to.equal('ar');
      expect([direction('ar'), direction('he'), direction('el'), direction('pl')]).to.deep.equal([
        'rtl',
        'rtl',
        'ltr',
        'ltr',
      ]);
      expect(calls, 'ICU’s likely subtags never woken').to.equal(0);
      expect(direction('ar-Latn'), 'an explicit script still wins').to.equal('ltr');
      expect(calls).to.equal(0);
      expect(direction('fa'), 'other languages ask ICU').to.equal('rtl');
      expect(calls).to.equal(1);
    } finally {
      Intl.Locale.prototype.maximize = maximize;
    }
  });
});
