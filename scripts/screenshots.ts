/**
 * Regenerates docs/screenshots/<locale>-<view>.png: the panel's home view, results with the
 * matched words marked, an article, the contact form and the confirmation, in English,
 * Polish, Greek and Arabic (right to left). The example help center is built with the real
 * CLI and served by `porthole serve`, the built porthole.js is loaded with a plain script tag,
 * and a ticket is really sent. Run `npm run build` first, then `npm run screenshots`.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import ar from '../packages/widget/src/i18n/locales/ar.js';
import el from '../packages/widget/src/i18n/locales/el.js';
import en from '../packages/widget/src/i18n/english.js';
import pl from '../packages/widget/src/i18n/locales/pl.js';
import type { Messages } from '../packages/widget/src/i18n/types.js';
import { repoRoot, searchAndSettle, startSite } from '../test/e2e/harness.js';

interface Shot {
  texts: Messages;
  dir: 'ltr' | 'rtl';
  /** A query with a typo or an inflected word, so the marks show what the search matched. */
  query: string;
  /** What a visitor in this language would write. */
  ticket: { name: string; email: string; subject: string; message: string };
}

const SHOTS: Record<string, Shot> = {
  en: {
    texts: en,
    dir: 'ltr',
    query: 'reset pasword',
    ticket: {
      name: 'Ana Kovač',
      email: 'ana@example.com',
      subject: 'Reset email never arrives',
      message: 'I asked for a reset link three times and nothing came.',
    },
  },
  pl: {
    texts: pl,
    dir: 'ltr',
    query: 'nie pamiętam hasła',
    ticket: {
      name: 'Anna Nowak',
      email: 'anna@example.com',
      subject: 'Nie dostaję e-maila z linkiem',
      message: 'Trzy razy prosiłam o link do resetu hasła i nic nie przyszło.',
    },
  },
  el: {
    texts: el,
    dir: 'ltr',
    query: 'κωδικός πρόσβασης',
    ticket: {
      name: 'Μαρία Παπαδοπούλου',
      email: 'maria@example.com',
      subject: 'Δεν λαμβάνω το email επαναφοράς',
      message: 'Ζήτησα τρεις φορές σύνδεσμο επαναφοράς και δεν ήρθε τίποτα.',
    },
  },
  ar: {
    texts: ar,
    dir: 'rtl',
    query: 'reset password',
    ticket: {
      name: 'ليلى حداد',
      email: 'layla@example.com',
      subject: 'لا تصلني رسالة إعادة التعيين',
      message: 'طلبت رابط إعادة تعيين كلمة المرور ثلاث مرات ولم يصل شيء.',
    },
  },
};

const OUT = join(repoRoot, 'docs/screenshots');

function page(lang: string, dir: string): string {
  return (
    `<!doctype html>\n<html lang="${lang}" dir="${dir}">\n<head><meta charset="utf-8">` +
    `<title>Quayside</title></head>\n<body style="margin:0;background:#eef1f5">\n` +
    `<script src="/porthole.js" data-kb="/kb/" data-endpoint="/v1/tickets" async></script>\n` +
    `</body></html>\n`
  );
}

/** The open panel alone, once nothing in it is still loading. */
async function shoot(tab: Page, dialog: Locator, file: string): Promise<void> {
  await tab.evaluate('document.fonts.ready');
  await dialog.screenshot({ path: join(OUT, file), animations: 'disabled', caret: 'hide' });
  console.log(`wrote docs/screenshots/${file}`);
}

async function shootLanguage(tab: Page, base: string, lang: string, shot: Shot): Promise<void> {
  const { texts: t } = shot;
  await tab.goto(`${base}/${lang}.html`);
  await tab.getByRole('button', { name: t.launcher, exact: true }).click();
  const dialog = tab.getByRole('dialog', { name: t.panelTitle });
  await dialog.getByRole('option').first().waitFor();
  await shoot(tab, dialog, `${lang}-home.png`);

  const names = { dialog: t.panelTitle, search: t.searchLabel, results: t.resultsLabel };
  await searchAndSettle(tab, shot.query, names);
  await dialog.locator('mark').first().waitFor();
  await shoot(tab, dialog, `${lang}-results.png`);

  await dialog.getByRole('option').first().click();
  await dialog.getByRole('heading', { level: 2 }).first().waitFor();
  await shoot(tab, dialog, `${lang}-article.png`);

  await dialog.getByRole('button', { name: t.contactUs, exact: true }).first().click();
  const fields = [
    [t.name, shot.ticket.name],
    [t.email, shot.ticket.email],
    [t.subject, shot.ticket.subject],
    [t.message, shot.ticket.message],
  ] as const;
  for (const [label, value] of fields) {
    await dialog.getByLabel(label as string, { exact: true }).fill(value);
  }
  await shoot(tab, dialog, `${lang}-form.png`);

  await dialog.getByRole('button', { name: t.send, exact: true }).click();
  await dialog.getByText(/PH-[0-9A-Z]{4}-[0-9A-Z]{4}/).waitFor();
  await shoot(tab, dialog, `${lang}-confirmation.png`);
}

const site = await startSite(
  'screenshots',
  Object.fromEntries(
    Object.entries(SHOTS).map(([lang, { dir }]) => [`${lang}.html`, page(lang, dir)]),
  ),
);
try {
  await mkdir(OUT, { recursive: true });
  for (const [lang, shot] of Object.entries(SHOTS)) {
    const tab = await site.browser.newPage({
      viewport: { width: 520, height: 760 },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
    });
    await shootLanguage(tab, site.server.url, lang, shot);
    await tab.close();
  }
} finally {
  await site.close();
}
