/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { TicketError } from '@porthole/tickets';
import type { TicketReceipt } from '@porthole/tickets';
import {
  createCountingAdapter,
  createTestKnowledgeBase,
  spyOn,
  until,
} from '../../../test/fixtures.js';
import type { CountingAdapter } from '../../../test/fixtures.js';
import {
  buttonNamed,
  controlLabelled,
  fillContactForm,
  formOf,
  restoreOnline,
  setOnline,
  textOf,
  typeInto,
  viewOf,
} from '../../../test/widget-helpers.js';
import './widget.js';
import type { PortholeWidget } from './widget.js';

/**
 * Sending, end to end inside the widget: what a visitor sees when the ticket goes at once,
 * when it has to wait (offline, server down), when it is sent later by itself, and when the
 * server refuses it; the draft in `sessionStorage`; identity and logout.
 */

const ENDPOINT = '/test/v1/tickets';
/** The outbox of a custom adapter is named after it. */
const OUTBOX = 'porthole:outbox:v1:adapter:counting:';
const HASH = 'a'.repeat(64);

let adapter: CountingAdapter;

async function widget(): Promise<PortholeWidget> {
  return fixture<PortholeWidget>(
    html`<porthole-widget
      endpoint=${ENDPOINT}
      .knowledgeBase=${createTestKnowledgeBase()}
      .adapter=${adapter}
    ></porthole-widget>`,
  );
}

/** Open the contact form and fill it in. */
async function openForm(el: PortholeWidget) {
  el.contact();
  await el.updateComplete;
  const form = formOf(el);
  if (!form) throw new Error('no contact form');
  await form.updateComplete;
  return form;
}

async function sendForm(el: PortholeWidget) {
  const form = await openForm(el);
  await fillContactForm(form);
  buttonNamed(form, 'Send')?.click();
  return form;
}

const confirmation = (el: PortholeWidget) => viewOf(el, 'porthole-confirmation');
const outboxEntries = () => Object.keys(localStorage).filter((key) => key.startsWith(OUTBOX));

describe('sending a message', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    adapter = createCountingAdapter();
  });
  afterEach(() => restoreOnline());

  it('offline: says the message is saved, then sends it once by itself when back online', async () => {
    setOnline(false);
    const el = await widget();
    const created = spyOn<CustomEvent<{ receipt: TicketReceipt }>>(el, 'porthole-ticket-created');
    const form = await sendForm(el);
    await until(() => confirmation(el), 'the saved message is confirmed');
    await el.updateComplete;
    expect(textOf(confirmation(el))).to.contain(
      'Message saved You’re offline — your message is saved and will be sent automatically when you’re back online.',
    );
    expect(adapter.calls, 'nothing is tried offline').to.have.length(0);
    expect(outboxEntries(), 'kept in the outbox').to.have.length(1);
    expect(Object.keys(sessionStorage), 'the draft is gone: it is in the outbox').to.deep.equal([]);
    expect(form.isConnected).to.equal(false);
    await expect(el).to.be.accessible();

    setOnline(true);
    await until(() => created.count === 1, 'sent by itself');
    await until(() => textOf(confirmation(el)).includes('Message sent'), 'the confirmation');
    const reference = created.last()?.detail.receipt.reference ?? '';
    expect(textOf(confirmation(el))).to.contain(
      `Message sent Your saved message has been sent. Your reference is ${reference}`,
    );
    expect(adapter.calls).to.have.length(1);
    expect(adapter.created).to.equal(1);
    expect(outboxEntries(), 'shown, so nothing is left').to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('with the server down: says so, keeps the message, and sends it with the same key', async () => {
    const el = await widget();
    adapter.failNext = 1;
    adapter.failure = () => new TicketError('server', 'Down.', { status: 503 });
    const created = spyOn(el, 'porthole-ticket-created');
    await sendForm(el);
    await until(() => confirmation(el), 'saved');
    await el.updateComplete;
    expect(textOf(confirmation(el))).to.contain(
      'We can’t reach our help desk right now. Your message is saved and will be sent automatically.',
    );
    await expect(el).to.be.accessible();
    // The next attempt is a while away; coming back online is a reason to try at once.
    setOnline(true);
    await until(() => created.count === 1, 'sent by itself');
    expect(adapter.calls.map((call) => call.idempotencyKey)).to.have.length(2);
    expect(adapter.calls[1]?.idempotencyKey).to.equal(adapter.calls[0]?.idempotencyKey);
    expect(adapter.created).to.equal(1);
  });

  it('sends a message saved on an earlier visit when the page loads, and shows it when opened', async () => {
    const ticket = { email: 'ana@example.com', subject: 'Earlier', message: 'Saved offline.' };
    localStorage.setItem(
      `${OUTBOX}key-earlier`,
      JSON.stringify({ key: 'key-earlier', ticket, tries: 2, next: Date.now() + 60_000 }),
    );
    const created = spyOn<CustomEvent<{ receipt: TicketReceipt }>>(
      document,
      'porthole-ticket-created',
    );
    const el = await widget();
    await until(() => created.count === 1, 'sent without a click', 5000);
    expect(adapter.calls).to.deep.equal([{ ticket, idempotencyKey: 'key-earlier' }]);
    expect(el.open, 'the panel stays closed').to.equal(false);

    el.show();
    await until(() => confirmation(el), 'shown when the panel opens');
    await el.updateComplete;
    const reference = created.last()?.detail.receipt.reference ?? '';
    expect(textOf(confirmation(el))).to.contain(`Your reference is ${reference}`);
    await expect(el).to.be.accessible();
  });

  it('says what a refusal is, not "check your connection", and keeps what was typed', async () => {
    const cases: [TicketError, string][] = [
      [
        new TicketError('rejected', 'Too large.', { status: 413 }),
        'Your message is too large to send. Remove some attachments, then try again.',
      ],
      [
        new TicketError('rejected', 'Key reused.', { status: 422 }),
        'Your message couldn’t be accepted, and trying again won’t change that. Please contact us another way.',
      ],
      [
        new TicketError('rejected', 'Busy.', { status: 429, retryable: true }),
        'You’ve sent several messages in a short time. Wait a moment, then try again.',
      ],
    ];
    const el = await widget();
    const form = await openForm(el);
    await fillContactForm(form);
    for (const [error, message] of cases) {
      adapter.failNext = 1;
      adapter.failure = () => error;
      buttonNamed(form, 'Send')?.click();
      await until(() => form.error === message, message);
      expect(controlLabelled(form, 'Message').value).to.equal('I asked three times.');
      expect(outboxEntries()).to.deep.equal([]);
    }
    await expect(el).to.be.accessible();
  });

  it('shows the server’s field errors under the fields', async () => {
    const el = await widget();
    adapter.failNext = 1;
    adapter.failure = () =>
      new TicketError('invalid', 'Check these fields: Email', {
        status: 400,
        fieldErrors: { email: 'This address bounced' },
      });
    const form = await sendForm(el);
    await until(() => controlLabelled(form, 'Email').getAttribute('aria-invalid'), 'marked');
    const email = controlLabelled(form, 'Email');
    const describedBy = email.getAttribute('aria-describedby') ?? '';
    expect(form.shadowRoot?.getElementById(describedBy)?.textContent).to.equal(
      'This address bounced',
    );
  });

  it('keeps the draft in this tab’s sessionStorage, never in localStorage', async () => {
    const el = await widget();
    const form = await openForm(el);
    await typeInto(controlLabelled(form, 'Message'), 'Private words');
    const key = `porthole:draft:v1:${ENDPOINT}`;
    expect(JSON.parse(sessionStorage.getItem(key) ?? '{}').message).to.equal('Private words');
    expect(Object.keys(localStorage)).to.deep.equal([]);
  });

  it('moves a 0.1.0 draft out of localStorage into this tab', async () => {
    const key = `porthole:draft:v1:${ENDPOINT}`;
    localStorage.setItem(key, JSON.stringify({ message: 'From 0.1.0', idempotencyKey: 'k-old' }));
    const el = await widget();
    const form = await openForm(el);
    expect(localStorage.getItem(key)).to.equal(null);
    expect(controlLabelled(form, 'Message').value).to.equal('From 0.1.0');
  });

  describe('identity', () => {
    it('sends userHash only with the email it was made for', async () => {
      const el = await widget();
      el.identify({ name: 'Ana', email: 'ana@example.com', userHash: HASH });
      await sendForm(el);
      await until(() => adapter.calls.length === 1, 'sent');
      expect(adapter.calls[0]?.ticket.userHash).to.equal(HASH);

      const form = await openForm(el);
      await fillContactForm(form, { email: 'someone.else@example.com' });
      buttonNamed(form, 'Send')?.click();
      await until(() => adapter.calls.length === 2, 'sent again');
      expect(adapter.calls[1]?.ticket.email).to.equal('someone.else@example.com');
      expect(adapter.calls[1]?.ticket).not.to.have.property('userHash');
    });

    it('logout forgets who the visitor was, what they wrote and what waited to be sent', async () => {
      setOnline(false);
      const el = await widget();
      el.identify({ name: 'Ana', email: 'ana@example.com', userHash: HASH });
      await sendForm(el);
      await until(() => confirmation(el), 'saved');
      expect(outboxEntries()).to.have.length(1);
      const form = await openForm(el);
      await typeInto(controlLabelled(form, 'Message'), 'Half written');
      expect(Object.keys(sessionStorage)).to.have.length(1);

      el.logout();
      await el.updateComplete;
      await form.updateComplete;
      expect(outboxEntries()).to.deep.equal([]);
      expect(Object.keys(sessionStorage)).to.deep.equal([]);
      for (const label of ['Name', 'Email', 'Message']) {
        expect(controlLabelled(form, label).value, label).to.equal('');
      }
      // Back online, nothing of Ana's is sent by this browser.
      setOnline(true);
      await el.updateComplete;
      expect(adapter.calls).to.have.length(0);
    });
  });
});
