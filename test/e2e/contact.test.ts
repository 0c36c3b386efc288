/**
 * The contact form against the real CLI, server and Chromium: attachments uploaded and
 * downloaded byte for byte, files the server's limits refuse, a message sent offline that goes
 * by itself exactly once after a reload, the site's own fields checked by the server's
 * allow-list, a verified identity, and logout.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { agentToken, listTickets, startSite, watchForProblems, widgetPage } from './harness.js';
import type { Site } from './harness.js';

const IDENTITY_SECRET = 'e2e-identity-secret-0123456789';
const MAX_FILE_BYTES = 64 * 1024;

/** The site's own fields: what the page shows, and what the server allows. */
const FIELDS = [
  { name: 'topic', type: 'select', label: 'Topic', options: ['Billing', 'Delivery'] },
  { name: 'plan', type: 'hidden', value: 'pro' },
];
const ALLOWED = [
  { name: 'topic', type: 'select', label: 'Topic', options: ['Billing', 'Delivery'] },
  { name: 'plan', type: 'hidden' },
];

const REFERENCE = /PH-[0-9A-Z]{4}-[0-9A-Z]{4}/;

let site: Site;

before(async () => {
  const email = 'mara@example.com';
  const userHash = createHmac('sha256', IDENTITY_SECRET).update(email).digest('hex');
  const identify = `Porthole('identify', ${JSON.stringify({ email, name: 'Mara Lind', userHash })});`;
  // The command queue the docs give, in a file of its own: the pages are served under
  // `default-src 'self'`, so no inline script runs.
  const queue =
    'window.Porthole = window.Porthole || function () { (Porthole.q = Porthole.q || []).push(arguments); };\n';
  const fields = `data-fields='${JSON.stringify(FIELDS)}'`;
  const withFields = (script: string) =>
    widgetPage(`<script src="/${script}"></script>`).replace('async>', `${fields} async>`);
  site = await startSite(
    'contact',
    {
      'index.html': widgetPage(),
      'fields.html': withFields('queue.js'),
      'identified.html': withFields('identify.js'),
      'queue.js': queue,
      'identify.js': queue + identify,
      'logout.js': "Porthole('logout');",
    },
    {
      PORTHOLE_IDENTITY_SECRET: IDENTITY_SECRET,
      PORTHOLE_TICKET_FIELDS: JSON.stringify(ALLOWED),
      PORTHOLE_ATTACHMENT_MAX_BYTES: String(MAX_FILE_BYTES),
      PORTHOLE_RATE_LIMIT: 'off',
    },
  );
});

after(async () => {
  await site?.close();
});

interface StoredTicket {
  id: string;
  reference: string;
  subject: string;
  email: string;
  verified: boolean;
  metadata?: Record<string, unknown>;
  attachments?: { id: string; name: string; size: number; type: string }[];
}

async function agentGet(path: string): Promise<Response> {
  const response = await fetch(`${site.server.url}${path}`, {
    headers: { authorization: `Bearer ${agentToken}` },
  });
  assert.ok(response.ok, `GET ${path} → ${response.status}`);
  return response;
}

async function ticketBySubject(subject: string): Promise<StoredTicket[]> {
  const found = (await listTickets(site.server.url)).filter((t) => t.subject === subject);
  return Promise.all(
    found.map(
      async (t) =>
        (await (
          await agentGet(`/v1/tickets/${(t as unknown as { id: string }).id}`)
        ).json()) as StoredTicket,
    ),
  );
}

async function openContactForm(page: Page, path = '/') {
  await page.goto(`${site.server.url}${path}`);
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Help' });
  await dialog.getByRole('button', { name: 'Contact us' }).first().click();
  await dialog.getByLabel('Message').waitFor();
  return dialog;
}

async function fillForm(dialog: ReturnType<Page['getByRole']>, subject: string) {
  await dialog.getByLabel('Name').fill('Ana Kovač');
  await dialog.getByLabel('Email').fill('ana@example.com');
  await dialog.getByLabel('Subject').fill(subject);
  await dialog.getByLabel('Message').fill('Please see the attached files.');
}

/** A real PNG: the signature and an IHDR chunk, then bytes of every value. */
function png(size: number): Buffer {
  const header = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const body = Buffer.alloc(size - header.length);
  for (let i = 0; i < body.length; i++) body[i] = (i * 31 + 7) % 256;
  return Buffer.concat([header, body]);
}

test('two attached files reach the agent byte for byte; refused files say why and lose nothing', async () => {
  const page = await site.browser.newPage();
  const problems = watchForProblems(page);
  const dialog = await openContactForm(page);
  await fillForm(dialog, 'Receipt and screenshot');

  const text = Buffer.from('Order 4411: charged twice on 2026-11-30.\n', 'utf8');
  const image = png(20_000);
  const attach = dialog.getByLabel('Attach files');
  await attach.setInputFiles([
    { name: 'receipt.txt', mimeType: 'text/plain', buffer: text },
    { name: 'screenshot.png', mimeType: 'image/png', buffer: image },
  ]);
  const list = dialog.getByRole('list', { name: 'Attached files' });
  await list.getByText('receipt.txt').waitFor();
  await list.getByText('screenshot.png').waitFor();

  // Too large: refused before it is uploaded, with the limit in words.
  await attach.setInputFiles([
    { name: 'video.png', mimeType: 'image/png', buffer: png(MAX_FILE_BYTES + 1) },
  ]);
  await dialog
    .getByText('“video.png” is too large. Each file can be up to 66 kB.')
    .first()
    .waitFor();
  // A program named like a picture: the server looks at the content and refuses it.
  await attach.setInputFiles([
    {
      name: 'invoice.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ\x90\x00 not a pdf', 'latin1'),
    },
  ]);
  await dialog
    .getByText(/“invoice\.pdf” can’t be attached: this type of file isn’t allowed\./)
    .first()
    .waitFor();

  // Nothing else was lost: the fields and the two good files are still there.
  assert.equal(await dialog.getByLabel('Subject').inputValue(), 'Receipt and screenshot');
  assert.equal(await dialog.getByLabel('Message').inputValue(), 'Please see the attached files.');
  assert.equal(await list.getByRole('listitem').count(), 4);
  await page.waitForFunction(() => {
    const panel = document.querySelector('porthole-widget')?.shadowRoot;
    const attachments = panel
      ?.querySelector('porthole-panel')
      ?.shadowRoot?.querySelector('porthole-attachments');
    return attachments?.shadowRoot?.querySelectorAll('progress').length === 0;
  });

  await dialog.getByRole('button', { name: 'Send' }).click();
  const reference = REFERENCE.exec(await dialog.getByText(REFERENCE).innerText())?.[0];
  assert.ok(reference);

  const [ticket, ...others] = await ticketBySubject('Receipt and screenshot');
  assert.equal(others.length, 0, 'one ticket');
  assert.equal(ticket?.reference, reference);
  assert.deepEqual(
    ticket?.attachments?.map(({ name, size, type }) => ({ name, size, type })),
    [
      { name: 'receipt.txt', size: text.length, type: 'text/plain' },
      { name: 'screenshot.png', size: image.length, type: 'image/png' },
    ],
    'only the two accepted files are on the ticket',
  );
  for (const [index, expected] of [text, image].entries()) {
    const attachment = ticket?.attachments?.[index];
    const response = await agentGet(`/v1/tickets/${ticket?.id}/attachments/${attachment?.id}`);
    const body = Buffer.from(await response.arrayBuffer());
    assert.ok(body.equals(expected), `${attachment?.name} downloads byte-identical`);
  }
  // The refusal itself is the only failed request: the server's 415 for the fake PDF.
  assert.deepEqual(
    problems.filter((p) => !/HTTP 415: .*\/v1\/uploads$|status of 415/.test(p)),
    [],
    'no console errors or failed requests besides the refused upload',
  );
  await page.close();
});

test('a message sent offline is sent by itself, exactly once, after a reload and the network back', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const problems = watchForProblems(page);
  const dialog = await openContactForm(page);
  await fillForm(dialog, 'Sent from the train');

  await context.setOffline(true);
  await dialog.getByRole('button', { name: 'Send' }).click();
  await dialog.getByRole('heading', { name: 'Message saved' }).waitFor();
  await dialog.getByText(/You’re offline — your message is saved/).waitFor();
  assert.equal((await ticketBySubject('Sent from the train')).length, 0);

  // The page can only be reloaded with a network; the help desk stays out of reach meanwhile.
  const attempts: (() => void)[] = [];
  const nextAttempt = () => new Promise<void>((resolve) => attempts.push(resolve));
  await context.route('**/v1/tickets', (route) => {
    attempts.shift()?.();
    return route.abort('internetdisconnected');
  });
  // Back online, the page tries at once by itself (and fails); then the visitor reloads.
  const triedOnline = nextAttempt();
  await context.setOffline(false);
  await triedOnline;
  const triedAfterReload = nextAttempt();
  await page.reload();
  // What the old page was still fetching, the reload cancelled: not a failure of the widget.
  const cancelled = problems.filter((p) => /^request failed: .* net::ERR_ABORTED$/.test(p));
  problems.splice(0, problems.length, ...problems.filter((p) => !cancelled.includes(p)));
  // The reloaded page sends what waits by itself, and fails: the help desk is still away.
  await triedAfterReload;
  assert.equal((await ticketBySubject('Sent from the train')).length, 0);

  // The network drops once more and comes back: nobody clicks anything.
  await context.setOffline(true);
  await context.unroute('**/v1/tickets');
  await context.setOffline(false);
  await page.waitForFunction(
    () =>
      !Object.keys(localStorage).some(
        (key) =>
          key.startsWith('porthole:outbox:v1:') &&
          JSON.parse(localStorage.getItem(key) ?? '{}').ticket,
      ),
    undefined,
    { timeout: 20_000 },
  );
  const tickets = await ticketBySubject('Sent from the train');
  assert.equal(tickets.length, 1, 'exactly one ticket');
  // The visitor learns it went, with its reference, the next time they open help (a panel
  // the reload restored open is not pulled away from what it shows).
  if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  await dialog.getByText('Your saved message has been sent.').waitFor();
  await dialog.getByText(tickets[0]?.reference ?? 'no reference').waitFor();
  assert.deepEqual(
    problems.filter(
      (p) =>
        !/request failed: .*\/v1\/tickets net::ERR_(INTERNET_DISCONNECTED|ABORTED)$/.test(p) &&
        p !== 'console.error: Failed to load resource: net::ERR_INTERNET_DISCONNECTED',
    ),
    [],
    'nothing went wrong but the attempts made without a network',
  );
  await context.close();
});

test('the site’s fields travel in metadata, the identity is verified, logout forgets it', async () => {
  const page = await site.browser.newPage();
  const problems = watchForProblems(page);
  const dialog = await openContactForm(page, '/identified.html');
  // Prefilled from `identify`.
  assert.equal(await dialog.getByLabel('Name').inputValue(), 'Mara Lind');
  assert.equal(await dialog.getByLabel('Email').inputValue(), 'mara@example.com');
  await dialog.getByLabel('Subject').fill('Plan upgrade');
  await dialog.getByLabel('Message').fill('Can I pay yearly?');
  await dialog.getByLabel('Topic').selectOption('Billing');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await dialog.getByText(REFERENCE).waitFor();

  const [ticket] = await ticketBySubject('Plan upgrade');
  assert.deepEqual(ticket?.metadata, { topic: 'Billing', plan: 'pro' });
  assert.equal(ticket?.email, 'mara@example.com');
  assert.equal(ticket?.verified, true, 'the userHash matched the email');

  // A draft, then logout: the identity and the draft are gone.
  await dialog.getByRole('button', { name: 'Back' }).first().click();
  await dialog.getByRole('button', { name: 'Contact us' }).first().click();
  await dialog.getByLabel('Message').fill('A second question, not sent');
  await page.waitForFunction(() =>
    Object.values(sessionStorage).some((value) => value.includes('A second question')),
  );
  await page.addScriptTag({ url: '/logout.js' });
  await page.waitForFunction(
    () => !Object.keys(sessionStorage).some((key) => key.startsWith('porthole:draft:')),
  );
  assert.equal(await dialog.getByLabel('Name').inputValue(), '');
  assert.equal(await dialog.getByLabel('Email').inputValue(), '');
  assert.equal(await dialog.getByLabel('Message').inputValue(), '');
  assert.equal(
    await page.evaluate(
      () => Object.keys(localStorage).filter((key) => key.startsWith('porthole:')).length,
    ),
    0,
    'nothing of the visitor’s is left in localStorage',
  );
  assert.deepEqual(problems, []);
  await page.close();
});

test('an email signed for someone else is not verified', async () => {
  const page = await site.browser.newPage();
  const dialog = await openContactForm(page, '/identified.html');
  await dialog.getByLabel('Email').fill('someone.else@example.com');
  await dialog.getByLabel('Subject').fill('Not me');
  await dialog.getByLabel('Message').fill('Typed another address.');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await dialog.getByText(REFERENCE).waitFor();
  const [ticket] = await ticketBySubject('Not me');
  assert.equal(ticket?.verified, false);
  await page.close();
});

test('a field the server does not allow is refused as such, not as a connection problem', async () => {
  const page = await site.browser.newPage();
  await page.goto(`${site.server.url}/fields.html`);
  await page.evaluate(() => {
    const porthole = (window as unknown as { Porthole: (...args: unknown[]) => void }).Porthole;
    porthole('config', { fields: [{ name: 'coupon', type: 'hidden', value: 'FREE' }] });
  });
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Help' });
  await dialog.getByRole('button', { name: 'Contact us' }).first().click();
  await fillForm(dialog, 'Stuffed metadata');
  await dialog.getByRole('button', { name: 'Send' }).click();
  const alert = dialog.getByRole('alert').filter({ hasText: /wasn’t accepted/ });
  await alert.waitFor();
  assert.match(await alert.innerText(), /"coupon" is not a field of this form/);
  assert.doesNotMatch(await alert.innerText(), /Check your connection/);
  assert.equal(await dialog.getByLabel('Message').inputValue(), 'Please see the attached files.');
  assert.equal((await ticketBySubject('Stuffed metadata')).length, 0);
  await page.close();
});
