/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import ar from './locales/ar.js';
import de from './locales/de.js';
import en from './english.js';
import fr from './locales/fr.js';
import he from './locales/he.js';
import hr from './locales/hr.js';
import lv from './locales/lv.js';
import pl from './locales/pl.js';
import ru from './locales/ru.js';
import uk from './locales/uk.js';
import { formatDate, formatLanguageName } from './format.js';
import { formatFileSize, formatList, formatPercent } from './format-units.js';
import { formatTimeUntil } from './format-time.js';
import { direction } from './resolve.js';
import { issueWarning } from '../core/warnings.js';
import { checkOverrides } from './overrides.js';
import { createTranslator, formatReplyTime } from './translator.js';
import type { Messages, StringOverrides } from './types.js';

/** `attachmentCount` for each number, in one locale. */
function counts(locale: string, messages: Messages, numbers: number[]): string[] {
  const { t } = createTranslator(locale, messages);
  return numbers.map((count) => t('attachmentCount', { count }));
}

/** Collects console warnings while `run` runs. */
function warningsDuring(run: () => void): string[] {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    run();
  } finally {
    console.warn = original;
  }
  return warnings;
}

describe('createTranslator: plurals', () => {
  it('Polish: 1 plik, 2 pliki, 5 plików, 12 plików, 22 pliki, 1,5 pliku', () => {
    expect(counts('pl', pl, [1, 2, 5, 12, 22, 25, 1.5])).to.deep.equal([
      'Dołączono 1 plik',
      'Dołączono 2 pliki',
      'Dołączono 5 plików',
      'Dołączono 12 plików',
      'Dołączono 22 pliki',
      'Dołączono 25 plików',
      'Dołączono 1,5 pliku',
    ]);
  });

  it('Russian: 1 файл, 3 файла, 11 файлов, 21 файл, 24 файла', () => {
    expect(counts('ru', ru, [1, 3, 11, 21, 24, 100])).to.deep.equal([
      'Прикреплён 1 файл',
      'Прикреплено 3 файла',
      'Прикреплено 11 файлов',
      'Прикреплён 21 файл',
      'Прикреплено 24 файла',
      'Прикреплено 100 файлов',
    ]);
  });

  it('Ukrainian: 1 файл, 2 файли, 5 файлів, 21 файл', () => {
    expect(counts('uk', uk, [1, 2, 5, 21])).to.deep.equal([
      'Прикріплено 1 файл',
      'Прикріплено 2 файли',
      'Прикріплено 5 файлів',
      'Прикріплено 21 файл',
    ]);
  });

  it('Croatian: 1 datoteka, 3 datoteke, 5 datoteka, 21 datoteka, 13 datoteka', () => {
    expect(counts('hr', hr, [1, 3, 5, 21, 13])).to.deep.equal([
      'Priložena je 1 datoteka',
      'Priložene su 3 datoteke',
      'Priloženo je 5 datoteka',
      'Priložena je 21 datoteka',
      'Priloženo je 13 datoteka',
    ]);
  });

  it('Latvian: zero for 0 and 10–20, one for 1 and 21, other for 2–9', () => {
    const { t } = createTranslator('lv', lv);
    const results = [0, 1, 2, 10, 11, 21].map((count) => t('categoryArticleCount', { count }));
    expect(results).to.deep.equal([
      '0 rakstu',
      '1 raksts',
      '2 raksti',
      '10 rakstu',
      '11 rakstu',
      '21 raksts',
    ]);
  });

  it('Arabic: six forms (zero, one, two, few, many, other)', () => {
    const { t } = createTranslator('ar', ar);
    const results = [0, 1, 2, 3, 11, 100].map((count) => t('resultsCount', { count }));
    expect(results).to.deep.equal([
      'لم يُعثر على أي مقالة',
      'تم العثور على مقالة واحدة',
      'تم العثور على مقالتين',
      'تم العثور على 3 مقالات',
      'تم العثور على 11 مقالة',
      'تم العثور على 100 مقالة',
    ]);
  });

  it('Hebrew: one, two (dual) and other', () => {
    const { t } = createTranslator('he', he);
    const hours = [1, 2, 3].map((count) => t('replyTimeHours', { count }));
    expect(hours).to.deep.equal([
      'בדרך כלל אנחנו עונים תוך שעה',
      'בדרך כלל אנחנו עונים תוך שעתיים',
      'בדרך כלל אנחנו עונים תוך 3 שעות',
    ]);
  });

  it('writes numbers with the locale’s separators', () => {
    expect(createTranslator('pl', pl).t('fieldTooLong', { count: 20_000 })).to.equal(
      'Wpisz najwyżej 20\u00a0000 znaków',
    );
    expect(createTranslator('de', de).t('fieldTooLong', { count: 20_000 })).to.equal(
      'Höchstens 20.000 Zeichen',
    );
    expect(createTranslator('en', en).t('fieldTooLong', { count: 20_000 })).to.equal(
      'Use 20,000 characters or fewer',
    );
  });

  it('uses other when a plural message is asked for without a count', () => {
    const { t } = createTranslator('pl', pl);
    const untyped = t as (key: string, values?: object) => string;
    expect(untyped('attachmentCount')).to.equal('Dołączono {count} pliku');
  });
});

describe('createTranslator: placeholders', () => {
  it('fills every placeholder and leaves a missing value visible', () => {
    const { t } = createTranslator('fr', fr);
    expect(t('attachmentTooLarge', { name: 'photo.png', size: '10 Mo' })).to.equal(
      'Le fichier «\u202fphoto.png\u202f» est trop volumineux. Chaque fichier peut faire jusqu’à 10 Mo.',
    );
    const untyped = t as (key: string, values?: object) => string;
    expect(untyped('attachmentTooLarge', { name: 'a.pdf' })).to.contain('{size}');
  });

  it('inserts values as they are, without reading placeholders or markup inside them', () => {
    const { t } = createTranslator('en', en);
    expect(t('resultsNone', { query: '{count} <b>x</b> $& $1' })).to.equal(
      'No articles match “{count} <b>x</b> $& $1”.',
    );
  });

  it('splits a message into text and values with parts()', () => {
    const { parts } = createTranslator('en', en);
    expect(parts('reference', { reference: 'PH-7KQ2' })).to.deep.equal([
      'Your reference is ',
      { placeholder: 'reference', value: 'PH-7KQ2' },
    ]);
    expect(parts('noGoodMatchTitle', { query: 'refund' })).to.deep.equal([
      'No good match for “',
      { placeholder: 'query', value: 'refund' },
      '”',
    ]);
    const polish = createTranslator('pl', pl).parts('resultsCount', { count: 5 });
    expect(polish).to.deep.equal([
      'Znaleziono ',
      { placeholder: 'count', value: '5' },
      ' artykułów',
    ]);
  });

  it('knows its locale (its direction is `direction(locale)`)', () => {
    expect(createTranslator('ar', ar).locale).to.equal('ar');
    expect(direction(createTranslator('he', he).locale)).to.equal('rtl');
    expect(direction(createTranslator('pl', pl).locale)).to.equal('ltr');
  });
});

describe('createTranslator: overrides and fallback', () => {
  it('replaces any text with the strings option', () => {
    const { t } = createTranslator(
      'pl',
      pl,
      checkOverrides({ launcher: 'Wsparcie', contactUs: 'Napisz' }, en, issueWarning),
    );
    expect(t('launcher')).to.equal('Wsparcie');
    expect(t('contactUs')).to.equal('Napisz');
    expect(t('send')).to.equal('Wyślij');
  });

  it('takes a plural object, choosing with the locale’s rules and other for absent forms', () => {
    const overrides: StringOverrides = {
      resultsCount: { one: '{count} odpowiedź', few: '{count} odpowiedzi (few)', other: 'inne' },
    };
    const { t } = createTranslator('pl', pl, checkOverrides(overrides, en, issueWarning));
    expect(t('resultsCount', { count: 1 })).to.equal('1 odpowiedź');
    expect(t('resultsCount', { count: 3 })).to.equal('3 odpowiedzi (few)');
    expect(t('resultsCount', { count: 5 }), 'no many form: other').to.equal('inne');
  });

  it('takes a plain string for a plural key, for every number', () => {
    const { t } = createTranslator(
      'ru',
      ru,
      checkOverrides({ resultsCount: 'Результатов: {count}' }, en, issueWarning),
    );
    expect(t('resultsCount', { count: 1 })).to.equal('Результатов: 1');
    expect(t('resultsCount', { count: 5 })).to.equal('Результатов: 5');
  });

  it('reads the pre-0.2 resultsOne and resultsMany as resultsCount, with a warning', () => {
    let t: ReturnType<typeof createTranslator>['t'] = () => '';
    const warnings = warningsDuring(() => {
      ({ t } = createTranslator(
        'en',
        en,
        checkOverrides(
          {
            resultsOne: 'One answer',
            resultsMany: '{count} answers',
          },
          en,
          issueWarning,
        ),
      ));
    });
    expect(t('resultsCount', { count: 1 })).to.equal('One answer');
    expect(t('resultsCount', { count: 4 })).to.equal('4 answers');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('strings.resultsCount').and.contain('deprecated-string');
    const both = createTranslator(
      'en',
      en,
      checkOverrides(
        {
          resultsMany: '{count} answers',
          resultsCount: { one: '{count} hit', other: '{count} hits' },
        },
        en,
        issueWarning,
      ),
    );
    expect(both.t('resultsCount', { count: 4 }), 'resultsCount wins').to.equal('4 hits');
  });

  it('falls back to English, with English plural rules, for keys a catalog lacks', () => {
    const partial: Partial<Messages> = { launcher: 'Pomoc' };
    const { t } = createTranslator('pl', partial);
    expect(t('launcher')).to.equal('Pomoc');
    expect(t('send')).to.equal('Send');
    expect(t('resultsCount', { count: 1 })).to.equal('1 article found');
    expect(t('resultsCount', { count: 3 })).to.equal('3 articles found');
  });

  it('falls back to English for catalog entries of the wrong shape', () => {
    const broken = { ...pl, send: 42, resultsCount: { one: 'x' } } as unknown as Messages;
    const { t } = createTranslator('pl', broken);
    expect(t('send')).to.equal('Send');
    expect(t('resultsCount', { count: 2 })).to.equal('2 articles found');
  });

  it('ignores, with one console warning each, overrides that are not texts of the widget', () => {
    const overrides = {
      serachLabel: 'Suche',
      send: 42,
      resultsCount: { one: 'x' },
      close: { other: 'Zu', plenty: 'x' },
      back: 'Zurück!',
    } as unknown as StringOverrides;
    let translator = createTranslator('de', de);
    const warnings = warningsDuring(() => {
      translator = createTranslator('de', de, checkOverrides(overrides, en, issueWarning));
      createTranslator('de', de, checkOverrides(overrides, en, issueWarning));
    });
    expect(warnings).to.have.length(4);
    expect(warnings[0]).to.contain('strings.serachLabel is not one of the widget');
    expect(warnings.slice(1).join('\n')).to.contain('strings.send').and.contain('strings.close');
    expect(translator.t('send')).to.equal('Senden');
    expect(translator.t('close')).to.equal('Schließen');
    expect(translator.t('back')).to.equal('Zurück!');
  });
});

describe('createTranslator: formatters', () => {
  it('says the reply time in the configured unit, with the right case after “within”', () => {
    expect(formatReplyTime(createTranslator('en', en), { value: 2, unit: 'hour' })).to.equal(
      'We usually reply within 2 hours',
    );
    const polish = createTranslator('pl', pl);
    expect(formatReplyTime(polish, { value: 1, unit: 'day' })).to.equal(
      'Zwykle odpowiadamy w ciągu 1 dnia',
    );
    expect(formatReplyTime(polish, { value: 30, unit: 'minute' })).to.equal(
      'Zwykle odpowiadamy w ciągu 30 minut',
    );
    expect(formatReplyTime(createTranslator('ru', ru), { value: 2, unit: 'hour' })).to.equal(
      'Обычно отвечаем в течение 2 часов',
    );
    expect(formatReplyTime(createTranslator('de', de), { value: 3, unit: 'day' })).to.equal(
      'Wir antworten in der Regel innerhalb von 3 Tagen',
    );
  });

  it('formats numbers, sizes, lists, dates and names in the translator’s locale', () => {
    const polish = createTranslator('pl', pl);
    const { locale } = polish;
    expect(formatFileSize(1_500_000, locale)).to.equal('1,5 MB');
    expect(formatPercent(0.42, locale)).to.equal('42%');
    expect(formatLanguageName('de', locale)).to.equal('niemiecki');
    expect(formatList(['PDF', 'PNG', 'JPEG'], locale)).to.equal('PDF, PNG i JPEG');
    expect(polish.number(1234.5)).to.equal('1234,5');
    expect(formatTimeUntil(90, locale)).to.equal('za 2 minuty');
    expect(formatDate('2026-03-03T12:00:00Z', locale)).to.equal('3 marca 2026');
    const german = createTranslator('de', de);
    const language = formatLanguageName('en', german.locale);
    expect(german.t('resultInLanguage', { language })).to.equal('auf Englisch');
  });
});
