/**
 * A knowledge base the widget has never seen (a bike-rental shop, written here, six
 * languages), built with `porthole build`, embedded with the plain script tag on pages whose
 * only locale hint is `<html lang>`, served by `porthole serve`. A visitor using only the
 * accessible names finds the right article in the top three with typos and without
 * diacritics, and hostile HTML in an article never runs.
 */
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import el from '../../packages/widget/src/i18n/locales/el.js';
import en from '../../packages/widget/src/i18n/english.js';
import hr from '../../packages/widget/src/i18n/locales/hr.js';
import lv from '../../packages/widget/src/i18n/locales/lv.js';
import pl from '../../packages/widget/src/i18n/locales/pl.js';
import ru from '../../packages/widget/src/i18n/locales/ru.js';
import type { Messages } from '../../packages/widget/src/i18n/types.js';
import {
  launchChromium,
  makeTempDir,
  removeDir,
  runPorthole,
  searchAndSettle,
  startPorthole,
  watchForProblems,
  type RunningServer,
} from './harness.js';

interface Fixture {
  path: string;
  title: string;
  body: string;
}

/** Three articles per locale: password, refund, opening hours. */
const articles: Record<string, Fixture[]> = {
  en: [
    {
      path: 'account/password.md',
      title: 'Change your password',
      body: 'If you forgot your password, open the sign-in page and choose "Forgot password". We email you a link to set a new one.\n\n## The email did not arrive\n\nCheck your spam folder, then ask for a new link. Links expire after one hour.',
    },
    {
      path: 'rentals/refunds.md',
      title: 'Return a bike and get a refund',
      body: 'You can return the bike at any rental point. We refund the money within five working days to the card you paid with.\n\n## Deposit\n\nThe deposit is released when the bike is checked in undamaged.',
    },
    {
      path: 'about/hours.md',
      title: 'Opening hours and locations',
      body: 'Our rental points are open Monday to Saturday from 8:00 to 20:00. On Sundays only the main station point is open.\n\n## Holidays\n\nOn public holidays we open at 10:00.',
    },
  ],
  hr: [
    {
      path: 'racun/lozinka.md',
      title: 'Promjena lozinke',
      body: 'Ako ste zaboravili lozinku, otvorite stranicu za prijavu i kliknite „Zaboravljena lozinka”. Poslat ćemo vam poveznicu za promjenu lozinke na e-poštu.\n\n## Poveznica nije stigla\n\nProvjerite mapu neželjene pošte pa zatražite novu poveznicu. Poveznica vrijedi jedan sat.',
    },
    {
      path: 'najam/povrat.md',
      title: 'Vraćanje bicikla i povrat novca',
      body: 'Bicikl možete vratiti u bilo kojoj poslovnici. Novac vraćamo u roku od pet radnih dana na karticu kojom ste platili.\n\n## Polog\n\nPolog oslobađamo čim pregledamo neoštećeni bicikl.',
    },
    {
      path: 'o-nama/radno-vrijeme.md',
      title: 'Radno vrijeme poslovnica',
      body: 'Naše poslovnice rade od ponedjeljka do subote, od 8 do 20 sati. Nedjeljom je otvorena samo poslovnica na glavnom kolodvoru.\n\n## Blagdani\n\nBlagdanima otvaramo u 10 sati.',
    },
  ],
  pl: [
    {
      path: 'konto/haslo.md',
      title: 'Zmiana hasła',
      body: 'Jeśli zapomniałeś hasła, otwórz stronę logowania i kliknij „Nie pamiętam hasła”. Wyślemy Ci link do zmiany hasła na adres e-mail.\n\n## Link nie dotarł\n\nSprawdź folder ze spamem i poproś o nowy link. Link jest ważny przez godzinę.',
    },
    {
      path: 'wypozyczenia/zwrot.md',
      title: 'Zwrot roweru i zwrot pieniędzy',
      body: 'Rower możesz oddać w dowolnej wypożyczalni. Pieniądze zwracamy w ciągu pięciu dni roboczych na kartę, którą zapłaciłeś.\n\n## Kaucja\n\nKaucję zwalniamy, gdy rower wróci nieuszkodzony.',
    },
    {
      path: 'o-nas/godziny.md',
      title: 'Godziny otwarcia i lokalizacje',
      body: 'Nasze wypożyczalnie są czynne od poniedziałku do soboty w godzinach 8–20. W niedzielę otwarta jest tylko wypożyczalnia przy dworcu głównym.\n\n## Święta\n\nW święta otwieramy o 10:00.',
    },
  ],
  lv: [
    {
      path: 'konts/parole.md',
      title: 'Paroles maiņa',
      body: 'Ja esat aizmirsis paroli, atveriet pieteikšanās lapu un noklikšķiniet uz “Aizmirsu paroli”. Mēs nosūtīsim saiti paroles maiņai uz jūsu e-pastu.\n\n## Saite nepienāca\n\nPārbaudiet surogātpasta mapi un pieprasiet jaunu saiti. Saite ir derīga vienu stundu.',
    },
    {
      path: 'noma/atmaksa.md',
      title: 'Velosipēda atgriešana un naudas atmaksa',
      body: 'Velosipēdu varat atgriezt jebkurā nomas punktā. Naudu atmaksājam piecu darba dienu laikā uz karti, ar kuru maksājāt.\n\n## Drošības nauda\n\nDrošības naudu atbrīvojam, kad velosipēds ir atgriezts nebojāts.',
    },
    {
      path: 'par-mums/darba-laiks.md',
      title: 'Darba laiks un atrašanās vietas',
      body: 'Mūsu nomas punkti strādā no pirmdienas līdz sestdienai no 8 līdz 20. Svētdienās atvērts tikai punkts pie centrālās stacijas.\n\n## Svētku dienas\n\nSvētku dienās atveram pulksten 10.',
    },
  ],
  ru: [
    {
      path: 'akkaunt/parol.md',
      title: 'Смена пароля',
      body: 'Если вы забыли пароль, откройте страницу входа и нажмите «Забыли пароль?». Мы отправим ссылку для смены пароля на вашу электронную почту.\n\n## Письмо не пришло\n\nПроверьте папку «Спам» и запросите новую ссылку. Ссылка действует один час.',
    },
    {
      path: 'prokat/vozvrat.md',
      title: 'Возврат велосипеда и возврат денег',
      body: 'Велосипед можно вернуть в любом пункте проката. Деньги возвращаем в течение пяти рабочих дней на карту, которой вы платили.\n\n## Залог\n\nЗалог вернём полностью, когда велосипед сдан без повреждений.',
    },
    {
      path: 'o-nas/chasy.md',
      title: 'Часы работы и адреса',
      body: 'Наши пункты проката работают с понедельника по субботу с 8 до 20 часов. В воскресенье открыт только пункт у главного вокзала. Ещё один пункт откроется весной.\n\n## Праздники\n\nВ праздничные дни открываемся в 10 часов.',
    },
  ],
  el: [
    {
      path: 'logariasmos/kodikos.md',
      title: 'Αλλαγή κωδικού πρόσβασης',
      body: 'Αν ξεχάσατε τον κωδικό σας, ανοίξτε τη σελίδα σύνδεσης και πατήστε «Ξέχασα τον κωδικό». Θα σας στείλουμε έναν σύνδεσμο αλλαγής κωδικού στο email σας.\n\n## Δεν ήρθε το email\n\nΕλέγξτε τον φάκελο ανεπιθύμητης αλληλογραφίας και ζητήστε νέο σύνδεσμο. Ο σύνδεσμος ισχύει για μία ώρα.',
    },
    {
      path: 'enoikiasi/epistrofi.md',
      title: 'Επιστροφή ποδηλάτου και χρημάτων',
      body: 'Μπορείτε να επιστρέψετε το ποδήλατο σε οποιοδήποτε σημείο ενοικίασης. Επιστρέφουμε τα χρήματα μέσα σε πέντε εργάσιμες ημέρες στην κάρτα με την οποία πληρώσατε.\n\n## Εγγύηση\n\nΗ εγγύηση αποδεσμεύεται όταν το ποδήλατο επιστραφεί χωρίς ζημιές.',
    },
    {
      path: 'sxetika/orario.md',
      title: 'Ωράριο λειτουργίας και τοποθεσίες',
      body: 'Τα σημεία ενοικίασης λειτουργούν από Δευτέρα έως Σάββατο, 8:00–20:00. Την Κυριακή είναι ανοιχτό μόνο το σημείο στον κεντρικό σταθμό.\n\n## Αργίες\n\nΤις αργίες ανοίγουμε στις 10:00.',
    },
  ],
};

/** What a visitor types (typos, no diacritics) → the title that must be in the top three. */
const queries: Record<string, [query: string, title: string][]> = {
  en: [
    ['forgot pasword', 'Change your password'],
    ['refnd', 'Return a bike and get a refund'],
    ['opening hous', 'Opening hours and locations'],
  ],
  hr: [
    ['zaboravljena lozika', 'Promjena lozinke'],
    ['vracanje bicikla', 'Vraćanje bicikla i povrat novca'],
    ['radno vrijme', 'Radno vrijeme poslovnica'],
  ],
  pl: [
    ['zmiana hasla', 'Zmiana hasła'],
    ['zwrot pieniedzy', 'Zwrot roweru i zwrot pieniędzy'],
    ['godziny otwracia', 'Godziny otwarcia i lokalizacje'],
  ],
  lv: [
    ['paroles maina', 'Paroles maiņa'],
    ['naudas atmaksa', 'Velosipēda atgriešana un naudas atmaksa'],
    ['darba laks', 'Darba laiks un atrašanās vietas'],
  ],
  ru: [
    ['забыл пароль', 'Смена пароля'],
    ['возврат денег', 'Возврат велосипеда и возврат денег'],
    ['часы раоты', 'Часы работы и адреса'],
  ],
  el: [
    ['αλλαγη κωδικου', 'Αλλαγή κωδικού πρόσβασης'],
    ['επιστροφη χρηματων', 'Επιστροφή ποδηλάτου και χρημάτων'],
    ['ωραριο λειτουγιας', 'Ωράριο λειτουργίας και τοποθεσίες'],
  ],
};

const hostileArticle = `---
title: Safety notes
---
Ride carefully.

<script>window.__pwned = 'script'</script>
<img src="x" onerror="window.__pwned = 'onerror'">
<a href="javascript:window.__pwned='link'">Tap here for safety tips</a>

[Another safety link](javascript:window.__pwned='markdown')

<iframe src="javascript:window.__pwned='iframe'"></iframe>
`;

let dir: string;
let server: RunningServer;
let browser: Browser;

before(async () => {
  dir = await makeTempDir('unseen');
  const content = join(dir, 'content');
  const write = async (path: string, text: string) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  };
  for (const [locale, list] of Object.entries(articles)) {
    for (const { path, title, body } of list) {
      await write(join(content, locale, path), `---\ntitle: "${title}"\n---\n${body}\n`);
    }
  }
  await write(join(content, 'en/safety.md'), hostileArticle);

  const site = join(dir, 'site');
  for (const locale of Object.keys(articles)) {
    await write(
      join(site, `${locale}.html`),
      `<!doctype html>\n<html lang="${locale}">\n<head><meta charset="utf-8"><title>Velo ${locale}</title></head>\n` +
        `<body><h1>Velo bike rental</h1>\n` +
        `<script src="/porthole.js" data-kb="/kb/" data-endpoint="/v1/tickets" async></script>\n</body></html>\n`,
    );
  }

  runPorthole(['build', content, '--out', join(dir, 'kb')]);
  server = await startPorthole(['--kb', join(dir, 'kb'), '--static', site], dir);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await removeDir(dir);
});

/** The interface speaks the page's language: the accessible names come from its texts. */
const TEXTS: Record<string, Messages> = { en, hr, pl, lv, ru, el };
const names = (locale: string) => {
  const t = TEXTS[locale] ?? en;
  return {
    launcher: t.launcher,
    dialog: t.panelTitle,
    search: t.searchLabel,
    results: t.resultsLabel,
  };
};

async function openSearch(page: Page, locale: string) {
  await page.getByRole('button', { name: names(locale).launcher, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: names(locale).dialog });
  await dialog.waitFor();
  return dialog.getByRole('combobox', { name: names(locale).search });
}

async function topThree(page: Page, locale: string, query: string): Promise<string[]> {
  return (await searchAndSettle(page, query, names(locale))).slice(0, 3);
}

for (const locale of Object.keys(queries)) {
  test(`${locale}: typos and missing diacritics still find the right article`, async () => {
    const page = await browser.newPage();
    const problems = watchForProblems(page);
    await page.goto(`${server.url}/${locale}.html`);
    await openSearch(page, locale);
    for (const [query, title] of queries[locale] ?? []) {
      const top = await topThree(page, locale, query);
      assert.ok(
        top.some((text) => text.includes(title)),
        `${locale} "${query}" → "${title}" in the top 3, got:\n${top.join('\n---\n')}\n${problems.join('\n')}`,
      );
    }
    // The first article opens, titled as a heading.
    const [query, title] = queries[locale]?.[0] ?? ['', ''];
    await topThree(page, locale, query);
    const dialog = page.getByRole('dialog', { name: names(locale).dialog });
    await dialog.getByRole('option').filter({ hasText: title }).first().click();
    await dialog.getByRole('heading', { name: title }).first().waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });
}

/** The browser's HTML Sanitizer API, and DOMPurify where a browser lacks it. */
const SANITIZERS = [
  { name: 'the browser’s sanitizer', initScript: undefined },
  {
    name: 'DOMPurify',
    initScript: 'delete Element.prototype.setHTML; delete ShadowRoot.prototype.setHTML',
  },
];

for (const sanitizer of SANITIZERS) {
  test(`hostile HTML inside an article never runs (${sanitizer.name})`, async () => {
    await hostileArticleNeverRuns(sanitizer.initScript);
  });
}

async function hostileArticleNeverRuns(initScript: string | undefined) {
  const page = await browser.newPage();
  if (initScript) await page.addInitScript(initScript);
  const problems = watchForProblems(page);
  const sanitizerParts: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/porthole-sanitize-')) sanitizerParts.push(request.url());
  });
  await page.goto(`${server.url}/en.html`);
  await page.evaluate(() => {
    (window as unknown as { Porthole: (...args: unknown[]) => void }).Porthole('article', 'safety');
  });
  const dialog = page.getByRole('dialog', { name: 'Help' });
  await dialog.getByRole('heading', { name: 'Safety notes' }).first().waitFor();
  for (const name of ['Tap here for safety tips', 'Another safety link']) {
    const link = dialog.getByText(name);
    if ((await link.count()) > 0) await link.first().click();
  }
  // Whatever a vector could trigger (an image's error, a navigation) comes from the network.
  await page.waitForLoadState('networkidle');
  assert.equal(
    await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
    undefined,
  );
  // A string, not a function: tsx would wrap inner functions in a helper the page lacks.
  const dangerous = (await page.evaluate(`(() => {
    const found = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        const isWidgetScript = el.tagName === 'SCRIPT' && el.src.endsWith('/porthole.js');
        if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName) && !isWidgetScript) {
          found.push(el.tagName);
        }
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name)) found.push(el.tagName + '[' + attr.name + ']');
          if (/^\\s*javascript:/i.test(attr.value)) found.push(el.tagName + '[' + attr.name + '=' + attr.value + ']');
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return found;
  })()`)) as string[];
  assert.deepEqual(dangerous, [], 'no script, iframe, handler or javascript: URL reached the page');
  assert.equal(
    sanitizerParts.length > 0,
    initScript !== undefined,
    'DOMPurify loaded only when needed',
  );
  assert.deepEqual(problems, []);
  await page.close();
}
