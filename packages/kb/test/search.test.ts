/**
 * Search quality on small articles in six languages (test/fixtures/help): typos, missing
 * diacritics, prefixes while typing, synonyms from `keywords`, sections, other locales.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { compileKnowledgeBase } from '@porthole/kb-compiler';
import { openKnowledgeBase, type KnowledgeBase, type SearchHit } from '../src/node.js';

const fixtures = join(import.meta.dirname, 'fixtures/help');
let kb: KnowledgeBase;

before(async () => {
  const result = await compileKnowledgeBase({ contentDir: fixtures });
  kb = await openKnowledgeBase(result);
});

function describeHits(hits: SearchHit[]): string {
  return hits.map((h) => `${h.locale}/${h.slug}${h.section ? `#${h.section.id}` : ''}`).join(', ');
}

/** [query, expected slug, expected section id (or undefined for "any")] */
type Case = [query: string, slug: string, section?: string];

const cases: Record<string, Case[]> = {
  en: [
    ['reset pasword', 'account/reset-password'],
    ['refnd', 'billing/refunds'],
    ['passw', 'account/reset-password'],
    ['refu', 'billing/refunds'],
    ['money back', 'billing/refunds'],
    ['locked out', 'account/reset-password'],
    ['the email did not arive', 'account/reset-password', 'the-email-did-not-arrive'],
    ['how long does a refund take', 'billing/refunds', 'how-long-a-refund-takes'],
    ['change billing adress', 'billing/invoices', 'change-the-billing-address'],
    [
      'what happens to my data when I delete',
      'account/delete-account',
      'what-happens-to-your-data',
    ],
  ],
  hr: [
    ['zaboravljena lozinka', 'racun/lozinka'],
    ['zaboravljena lozika', 'racun/lozinka'],
    ['lozinka', 'racun/lozinka'],
    ['brisanje racuna', 'racun/brisanje-racuna'],
    ['povrat novca', 'naplata/povrat-novca'],
    ['sto se dogada s podacima', 'racun/brisanje-racuna', 'što-se-događa-s-podacima'],
    ['poveznica nije stigla', 'racun/lozinka', 'poveznica-nije-stigla'],
    ['reklamacija', 'naplata/povrat-novca'],
  ],
  pl: [
    ['haslo', 'konto/haslo'],
    ['nie pamietam hasla', 'konto/haslo'],
    ['zwrot platnosci', 'platnosci/zwrot'],
    ['faktura korygujaca', 'platnosci/zwrot', 'faktura-korygująca'],
    ['jak dlugo trwa zwrot', 'platnosci/zwrot', 'jak-długo-trwa-zwrot'],
    ['usuniecie konta', 'konto/usuniecie-konta'],
    ['zmiana hasla', 'konto/haslo', 'zmiana-hasła-po-zalogowaniu'],
  ],
  lv: [
    ['parole', 'konts/parole'],
    ['aizmirsta parole', 'konts/parole'],
    ['rekins', 'norekini/rekins'],
    ['rekina rekvizitu maina', 'norekini/rekins', 'rēķina-rekvizītu-maiņa'],
    ['naudas atmaksa', 'norekini/rekins', 'naudas-atmaksa'],
    ['konta dzesana', 'konts/dzesana'],
  ],
  ru: [
    ['пароль', 'akkaunt/parol'],
    ['забыл пароль', 'akkaunt/parol'],
    ['восстановлние пароля', 'akkaunt/parol'],
    ['возврат денег', 'oplata/vozvrat'],
    ['удаление учетной записи', 'akkaunt/udalenie'],
    ['счет', 'oplata/vozvrat', 'счёт-и-закрывающие-документы'],
    ['письмо не пришло', 'akkaunt/parol', 'письмо-не-пришло'],
  ],
  el: [
    ['κωδικος', 'logariasmos/kodikos'],
    ['ΚΩΔΙΚΟΣ ΠΡΟΣΒΑΣΗΣ', 'logariasmos/kodikos'],
    ['επιστροφη χρηματων', 'pliromes/epistrofi'],
    ['επιστορφη', 'pliromes/epistrofi'],
    ['διαγραφη λογαριασμου', 'logariasmos/diagrafi'],
    ['τιμολογιο', 'pliromes/epistrofi', 'τιμολόγιο'],
    ['δεν ηρθε το email', 'logariasmos/kodikos', 'δεν-ήρθε-το-email'],
  ],
};

for (const [locale, list] of Object.entries(cases)) {
  describe(`search in ${locale}`, () => {
    for (const [query, slug, section] of list) {
      test(`"${query}" → ${slug}${section ? `#${section}` : ''} in the top 3`, async () => {
        const hits = await kb.search(query, { locale, limit: 5 });
        const rank = hits.findIndex(
          (h) => h.slug === slug && (section === undefined || h.section?.id === section),
        );
        assert.ok(rank >= 0 && rank < 3, `got ${describeHits(hits)}`);
        assert.ok(hits.every((h) => h.locale === locale));
      });
    }
  });
}

describe('hits', () => {
  test('scores are in (0, 1] and descending; at most `limit` hits, one per article', async () => {
    const hits = await kb.search('password', { locale: 'en', limit: 2 });
    assert.ok(hits.length > 0 && hits.length <= 2);
    for (const hit of hits) assert.ok(hit.score > 0 && hit.score <= 1, String(hit.score));
    const scores = hits.map((h) => h.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
    );
    const all = await kb.search('account', { locale: 'en', limit: 50 });
    assert.equal(new Set(all.map((h) => h.slug)).size, all.length);
  });

  test('a section hit carries its id and title, and the snippet comes from that section', async () => {
    const [hit] = await kb.search('spam folder', { locale: 'en' });
    assert.equal(hit?.slug, 'account/reset-password');
    assert.deepEqual(hit?.section, {
      id: 'the-email-did-not-arrive',
      title: 'The email did not arrive',
    });
    assert.match(hit.snippet, /spam folder/);
  });

  test('an article-level hit has no section and a plain-text snippet', async () => {
    const [hit] = await kb.search('reset your password', { locale: 'en' });
    assert.equal(hit?.slug, 'account/reset-password');
    assert.equal(hit?.section, undefined);
    assert.ok(hit.snippet.length > 0 && hit.snippet.length <= 170, hit.snippet);
    assert.doesNotMatch(hit.snippet, /[<>*]/, 'no HTML and no Markdown in snippets');
  });

  test('snippets from long text are cut around the match, never mid-word', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `Sentence number ${i} talks about nothing.`);
    long.splice(45, 0, 'The quarantine folder keeps suspicious attachments.');
    const result = await compileKnowledgeBase({
      sources: [{ path: 'en/long.md', content: `---\ntitle: Long\n---\n\n${long.join(' ')}\n` }],
    });
    const local = await openKnowledgeBase(result);
    const [hit] = await local.search('quarantine');
    assert.ok(hit);
    assert.match(hit.snippet, /quarantine folder/);
    assert.ok(hit.snippet.startsWith('…') && hit.snippet.length <= 170, hit.snippet);
  });

  test('an empty query or a query of symbols finds nothing', async () => {
    for (const query of ['', '   ', '!!! ???']) {
      const results = await kb.search(query, { locale: 'en' });
      assert.deepEqual([...results], []);
      assert.equal(results.confident, false);
    }
  });

  test('words that are nowhere give no hits rather than noise', async () => {
    const results = await kb.search('xylophone quokka', { locale: 'en', minScore: 0 });
    assert.deepEqual([...results], []);
    assert.equal(results.confident, false);
  });
});

describe('locales', () => {
  test('locales list the default first; resolveLocale falls back sensibly', () => {
    assert.equal(kb.defaultLocale, 'en');
    assert.equal(kb.locales[0], 'en');
    assert.deepEqual([...kb.locales].sort(), ['el', 'en', 'hr', 'lv', 'pl', 'ru']);
    assert.equal(kb.resolveLocale('hr-HR'), 'hr');
    assert.equal(kb.resolveLocale('PL'), 'pl');
    assert.equal(kb.resolveLocale('pt-BR'), 'en');
    assert.equal(kb.resolveLocale(undefined), 'en');
  });

  test('articles() lists a locale in order, then title order', () => {
    const en = kb.articles('en').map((a) => a.slug);
    assert.equal(en[0], 'account/reset-password', 'order: 1 comes first');
    assert.deepEqual(en.slice(1), [
      'account/delete-account',
      'billing/invoices',
      'billing/refunds',
    ]);
    assert.equal(kb.articles('ru').length, 3);
  });

  test('alsoLocales: a Greek query on an English page finds the Greek article', async () => {
    const hits = await kb.search('κωδικος', { locale: 'en', alsoLocales: 'all' });
    assert.equal(hits[0]?.locale, 'el');
    assert.equal(hits[0]?.slug, 'logariasmos/kodikos');
  });

  test('alsoLocales: an English query stays English, other locales rank below', async () => {
    const hits = await kb.search('email', { locale: 'en', alsoLocales: ['el', 'pl'], limit: 10 });
    assert.equal(hits[0]?.locale, 'en', describeHits(hits));
    const firstOther = hits.findIndex((h) => h.locale !== 'en');
    const lastEnglish = hits.map((h) => h.locale).lastIndexOf('en');
    assert.ok(firstOther === -1 || firstOther > 0, describeHits(hits));
    assert.ok(lastEnglish >= 0);
  });

  test('alsoLocales are downloaded only when the requested locale has no good match', async () => {
    const result = await compileKnowledgeBase({ contentDir: fixtures });
    const fetched: string[] = [];
    const serveFiles: typeof fetch = async (input) => {
      const path = new URL(String(input)).pathname.replace(/^\/kb\//, '');
      fetched.push(path);
      const body = result.files[path];
      if (body === undefined) return new Response('', { status: 404 });
      return new Response(typeof body === 'string' ? body : new Uint8Array(body));
    };
    const counted = await openKnowledgeBase('https://help.example/kb/', { fetch: serveFiles });
    const indexes = () => [
      ...new Set(fetched.filter((p) => p.startsWith('index/')).map((p) => p.split('.')[0])),
    ];

    const english = await counted.search('reset password', { locale: 'en', alsoLocales: 'all' });
    assert.equal(english[0]?.slug, 'account/reset-password');
    assert.deepEqual(indexes(), ['index/en'], 'a query English answers well loads only English');
    await counted.search('x', { locale: 'en', alsoLocales: 'all' });
    await counted.search('qq', { locale: 'en', alsoLocales: 'all' });
    assert.deepEqual(indexes(), ['index/en'], 'a one- or two-letter query never tries the others');

    const greek = await counted.search('κωδικος', { locale: 'en', alsoLocales: 'all' });
    assert.equal(greek[0]?.locale, 'el');
    assert.ok(indexes().includes('index/el'), 'a query English cannot answer tries the others');
    assert.ok(
      !indexes().some((l) => ['index/hr', 'index/pl', 'index/lv'].includes(l ?? '')),
      'but only locales written in its script (Greek), not the Latin ones',
    );
  });

  test('an unknown locale searches the default one', async () => {
    const [hit] = await kb.search('refund', { locale: 'ja' });
    assert.equal(hit?.locale, 'en');
  });
});
