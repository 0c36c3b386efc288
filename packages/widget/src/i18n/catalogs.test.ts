/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { localeImporters } from './locale-importers.js';
import { BUILT_IN_LOCALES } from './locales.js';
import ar from './locales/ar.js';
import de from './locales/de.js';
import el from './locales/el.js';
import en from './english.js';
import es from './locales/es.js';
import fr from './locales/fr.js';
import he from './locales/he.js';
import hr from './locales/hr.js';
import it_ from './locales/it.js';
import lv from './locales/lv.js';
import nl from './locales/nl.js';
import pl from './locales/pl.js';
import pt from './locales/pt.js';
import ru from './locales/ru.js';
import uk from './locales/uk.js';
import type { Message, Messages } from './types.js';

/**
 * Every built-in catalog, checked against English at run time (TypeScript already checks
 * the keys and shapes; this also covers placeholders, plural categories and typography).
 */
const catalogs: Record<string, Messages> = {
  ar,
  de,
  el,
  en,
  es,
  fr,
  he,
  hr,
  it: it_,
  lv,
  nl,
  pl,
  pt,
  ru,
  uk,
};

const placeholdersOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
const forms = (message: Message) =>
  typeof message === 'string' ? [message] : Object.values(message);
/** The placeholders of a message other than `count`, which a plural form may leave out. */
const namedPlaceholders = (message: Message) =>
  [...new Set(forms(message).flatMap(placeholdersOf))].filter((name) => name !== 'count').sort();

describe('built-in catalogs', () => {
  it('cover exactly the built-in locales, each also importable on its own', async () => {
    expect(Object.keys(catalogs).sort()).to.deep.equal([...BUILT_IN_LOCALES].sort());
    for (const [locale, importer] of Object.entries(localeImporters)) {
      const module = await importer(0);
      expect(module.default, locale).to.equal(catalogs[locale]);
    }
  });

  for (const [locale, catalog] of Object.entries(catalogs)) {
    describe(locale, () => {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

      it('has every key of English, with the same shape, and no other', () => {
        expect(Object.keys(catalog).sort()).to.deep.equal(Object.keys(en).sort());
        for (const [key, english] of Object.entries(en)) {
          const message = catalog[key as keyof Messages];
          expect(typeof message, key).to.equal(typeof english);
        }
      });

      it('uses the same placeholders as English in every form', () => {
        for (const [key, english] of Object.entries(en) as [keyof Messages, Message][]) {
          const message = catalog[key];
          const expected = namedPlaceholders(english);
          for (const form of forms(message)) {
            const names = placeholdersOf(form).filter((name) => name !== 'count');
            expect([...new Set(names)].sort(), `${key}: ${form}`).to.deep.equal(expected);
          }
          if (typeof message !== 'string' && forms(english).some((f) => f.includes('{count}'))) {
            expect(message.other, `${key}.other shows the number`).to.contain('{count}');
          }
        }
      });

      it('gives every plural category Intl.PluralRules uses for the language, and only those', () => {
        for (const [key, message] of Object.entries(catalog)) {
          if (typeof message === 'string') continue;
          expect(Object.keys(message).sort(), key).to.have.members([...categories].sort());
        }
      });

      it('has no empty texts, straight three-dot ellipses or markup', () => {
        for (const [key, message] of Object.entries(catalog)) {
          for (const form of forms(message)) {
            expect(form.trim(), key).not.to.equal('');
            expect(form, key).not.to.contain('...');
            expect(form, key).not.to.match(/<[a-z/]/i);
            expect(form, key).to.equal(form.trim());
          }
        }
      });
    });
  }

  it('keep the straight apostrophe out of languages that write ’', () => {
    for (const locale of ['en', 'fr', 'it', 'uk']) {
      for (const [key, message] of Object.entries(catalogs[locale] as Messages)) {
        for (const form of forms(message)) expect(form, `${locale}.${key}`).not.to.contain("'");
      }
    }
  });

  it('quote with each language’s own marks', () => {
    const quoted = (locale: string) => (catalogs[locale] as Messages).resultsNone;
    expect(quoted('en')).to.contain('“{query}”');
    expect(quoted('de')).to.contain('„{query}“');
    expect(quoted('pl')).to.contain('„{query}”');
    expect(quoted('hr')).to.contain('„{query}”');
    expect(quoted('lv')).to.contain('„{query}“');
    expect(quoted('fr')).to.contain('«\u202f{query}\u202f»');
    for (const locale of ['ru', 'uk', 'el', 'es', 'it', 'ar']) {
      expect(quoted(locale), locale).to.contain('«{query}»');
    }
    expect(quoted('pt')).to.contain('“{query}”');
    expect(quoted('nl')).to.contain('‘{query}’');
    expect(quoted('he')).to.contain('"{query}"');
  });

  it('punctuate Arabic with the Arabic question mark and comma, never the Latin ones', () => {
    for (const [key, message] of Object.entries(ar)) {
      for (const form of forms(message)) {
        expect(form, key).not.to.match(/[?,;]/);
      }
    }
    expect(ar.homeIntro).to.match(/؟$/);
  });

  it('put a narrow no-break space before French ? ! ; and a no-break space before :', () => {
    for (const [key, message] of Object.entries(fr)) {
      for (const form of forms(message)) {
        expect(form, key).not.to.match(/[^\u202f][?!;]|[^\u00a0]:/);
      }
    }
  });

  it('are all listed in docs/translations.md, with their English text', async () => {
    const response = await fetch('/docs/translations.md');
    expect(response.ok, 'docs/translations.md is served').to.equal(true);
    const docs = await response.text();
    for (const [key, english] of Object.entries(en)) {
      const row = docs.split('\n').find((line) => line.startsWith(`| \`${key}\``));
      expect(row, key).not.to.equal(undefined);
      for (const form of forms(english)) expect(row, key).to.contain(form.replaceAll('|', '\\|'));
    }
    const plural = Object.values(en).filter((message) => typeof message !== 'string').length;
    expect(docs).to.contain(`${Object.keys(en).length} texts, ${plural} of them plural`);
  });

  it('keep the accessible names DESIGN.md promises in English', () => {
    expect(en).to.include({
      launcher: 'Help',
      panelTitle: 'Help',
      searchLabel: 'Search help articles',
      name: 'Name',
      email: 'Email',
      subject: 'Subject',
      message: 'Message',
      send: 'Send',
      contactUs: 'Contact us',
      attachFiles: 'Attach files',
    });
  });
});
