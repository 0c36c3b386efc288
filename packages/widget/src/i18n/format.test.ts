/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { formatDate, formatLanguageName, parseReplyTime } from './format.js';
import { formatFileSize, formatList, formatPercent } from './format-units.js';
import { formatTimeUntil } from './format-time.js';

describe('formatFileSize', () => {
  it('picks bytes, kB, MB or GB, one decimal below 10', () => {
    expect(formatFileSize(0, 'en')).to.equal('0 bytes');
    expect(formatFileSize(1, 'en')).to.equal('1 byte');
    expect(formatFileSize(532, 'en')).to.equal('532 bytes');
    expect(formatFileSize(1_000, 'en')).to.equal('1 kB');
    expect(formatFileSize(12_500, 'en')).to.equal('13 kB');
    expect(formatFileSize(1_540, 'en')).to.equal('1.5 kB');
    expect(formatFileSize(1_500_000, 'en')).to.equal('1.5 MB');
    expect(formatFileSize(10_000_000, 'en')).to.equal('10 MB');
    expect(formatFileSize(2_000_000_000, 'en')).to.equal('2 GB');
  });

  it('moves up a unit when rounding reaches 1,000', () => {
    expect(formatFileSize(999, 'en')).to.equal('999 bytes');
    expect(formatFileSize(999_600, 'en')).to.equal('1 MB');
    expect(formatFileSize(9_960, 'en')).to.equal('10 kB');
  });

  it('uses each locale’s separators and unit names', () => {
    expect(formatFileSize(1_500_000, 'pl')).to.equal('1,5 MB');
    expect(formatFileSize(1_500_000, 'ru')).to.equal('1,5 МБ');
    expect(formatFileSize(1_500_000, 'fr')).to.equal('1,5\u202fMo');
    expect(formatFileSize(1_500_000, 'de')).to.equal('1,5 MB');
  });

  it('treats negative and non-finite sizes as 0', () => {
    expect(formatFileSize(-5, 'en')).to.equal('0 bytes');
    expect(formatFileSize(Number.NaN, 'en')).to.equal('0 bytes');
  });
});

describe('formatPercent', () => {
  it('rounds to whole percent with the locale’s spacing, clamped to 0–100 %', () => {
    expect(formatPercent(0.424, 'en')).to.equal('42%');
    expect(formatPercent(0.42, 'fr')).to.equal('42\u00a0%');
    expect(formatPercent(0.42, 'de')).to.equal('42\u00a0%');
    expect(formatPercent(1.7, 'en')).to.equal('100%');
    expect(formatPercent(-1, 'en')).to.equal('0%');
  });
});

describe('formatTimeUntil', () => {
  it('rounds up to whole seconds, minutes, hours or days', () => {
    expect(formatTimeUntil(30, 'en')).to.equal('in 30 seconds');
    expect(formatTimeUntil(0.2, 'en')).to.equal('in 1 second');
    expect(formatTimeUntil(61, 'en')).to.equal('in 2 minutes');
    expect(formatTimeUntil(3600, 'en')).to.equal('in 1 hour');
    expect(formatTimeUntil(86_400, 'en'), 'not “tomorrow”').to.equal('in 1 day');
    expect(formatTimeUntil(3 * 86_400, 'en')).to.equal('in 3 days');
  });

  it('puts the phrase in the case each language needs', () => {
    expect(formatTimeUntil(120, 'pl')).to.equal('za 2 minuty');
    expect(formatTimeUntil(300, 'pl')).to.equal('za 5 minut');
    expect(formatTimeUntil(300, 'ru')).to.equal('через 5 минут');
    expect(formatTimeUntil(120, 'de')).to.equal('in 2 Minuten');
    expect(formatTimeUntil(300, 'ar')).to.equal('خلال 5 دقائق');
  });

  it('drops the number CLDR repeats in brackets after a Hebrew one or two', () => {
    expect(formatTimeUntil(60, 'he')).to.equal('בעוד דקה');
    expect(formatTimeUntil(7200, 'he')).to.equal('בעוד שעתיים');
    expect(formatTimeUntil(180, 'he')).to.equal('בעוד 3 דקות');
  });
});

describe('formatLanguageName, formatList, formatDate', () => {
  it('names languages in the visitor’s language, and returns unknown tags as they are', () => {
    expect(formatLanguageName('de', 'en')).to.equal('German');
    expect(formatLanguageName('en', 'pl')).to.equal('angielski');
    expect(formatLanguageName('en', 'lv')).to.equal('angļu');
    expect(formatLanguageName('pt-BR', 'de')).to.equal('Portugiesisch (Brasilien)');
    expect(formatLanguageName('not a tag', 'en')).to.equal('not a tag');
  });

  it('joins lists with the locale’s conjunction', () => {
    expect(formatList(['PDF', 'PNG', 'JPEG'], 'en')).to.equal('PDF, PNG, and JPEG');
    expect(formatList(['PDF', 'PNG'], 'ru')).to.equal('PDF и PNG');
    expect(formatList(['PDF', 'PNG'], 'en', 'disjunction')).to.equal('PDF or PNG');
  });

  it('writes dates in the long style, and returns an unreadable date as it was given', () => {
    expect(formatDate('2026-03-03T12:00:00Z', 'de')).to.equal('3. März 2026');
    expect(formatDate(new Date(Date.UTC(2026, 2, 3, 12)), 'en')).to.equal('March 3, 2026');
    expect(formatDate('soon', 'en')).to.equal('soon');
  });
});

describe('parseReplyTime', () => {
  it('reads 30m, 2h, 1d, 90 minutes, 1.5 hours', () => {
    expect(parseReplyTime('30m')).to.deep.equal({ value: 30, unit: 'minute' });
    expect(parseReplyTime('2h')).to.deep.equal({ value: 2, unit: 'hour' });
    expect(parseReplyTime(' 1 D ')).to.deep.equal({ value: 1, unit: 'day' });
    expect(parseReplyTime('90 minutes')).to.deep.equal({ value: 90, unit: 'minute' });
    expect(parseReplyTime('1.5 hours')).to.deep.equal({ value: 1.5, unit: 'hour' });
  });

  it('gives undefined for anything else', () => {
    for (const text of ['', 'soon', '0h', '-2h', '2 weeks', 'h', '2h30m', '1e3m']) {
      expect(parseReplyTime(text), text).to.equal(undefined);
    }
  });
});
