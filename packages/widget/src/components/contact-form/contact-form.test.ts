/// <reference types="mocha" />
import { parseTicket } from '@porthole/tickets';
import type { Ticket } from '@porthole/tickets';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { loadXssVectors, spyOn, expectSame } from '../../../test/fixtures.js';
import './contact-form.js';
import type { PortholeContactForm } from './contact-form.js';

const empty = { name: '', email: '', subject: '', message: '' };

async function form(draft = empty) {
  return fixture<PortholeContactForm>(
    html`<porthole-contact-form
      .draft=${draft}
      .context=${{ locale: 'en', pageUrl: 'https://shop.example/pricing' }}
      .parseTicket=${parseTicket}
      @ph-draft=${(event: CustomEvent<{ field: keyof typeof empty; value: string }>) => {
        const el = event.target as PortholeContactForm;
        el.draft = { ...el.draft, [event.detail.field]: event.detail.value };
      }}
    ></porthole-contact-form>`,
  );
}

const root = (el: PortholeContactForm) => el.shadowRoot as ShadowRoot;
/** The control whose <label> text is exactly `label`. */
function field(el: PortholeContactForm, label: string) {
  const found = [...root(el).querySelectorAll('label')].find((l) => l.textContent === label);
  return root(el).getElementById(found?.htmlFor ?? '') as HTMLInputElement | HTMLTextAreaElement;
}
const send = (el: PortholeContactForm) =>
  [...root(el).querySelectorAll('button')].find(
    (b) => b.textContent?.trim() === 'Send',
  ) as HTMLButtonElement;

describe('porthole-contact-form', () => {
  it('has fields labelled Name, Email, Subject, Message and a Send button', async () => {
    const el = await form();
    for (const label of ['Name', 'Email', 'Subject', 'Message']) {
      expect(Boolean(field(el, label)), label).to.equal(true);
    }
    expect(field(el, 'Email').type).to.equal('email');
    expect(field(el, 'Message').localName).to.equal('textarea');
    expect(send(el).type).to.equal('submit');
    await expect(el).to.be.accessible();
  });

  it('validates with the shared schema on Send: messages by the fields, focus on the first', async () => {
    const el = await form({ ...empty, name: 'Ana', email: 'not-an-email' });
    const sends = spyOn(el, 'ph-send');
    send(el).click();
    await el.updateComplete;
    expect(sends.count).to.equal(0);
    const email = field(el, 'Email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = email.getAttribute('aria-describedby') ?? '';
    expect(root(el).getElementById(describedBy)?.textContent).to.match(/email address/i);
    expect(field(el, 'Subject').getAttribute('aria-invalid')).to.equal('true');
    expect(field(el, 'Message').getAttribute('aria-invalid')).to.equal('true');
    expect(field(el, 'Name').hasAttribute('aria-invalid')).to.equal(false);
    expectSame(root(el).activeElement, email);
    await expect(el).to.be.accessible();
  });

  it('changes nothing when a field loses focus, before or after a first Send', async () => {
    const el = await form();
    field(el, 'Email').focus();
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(root(el).querySelectorAll('[aria-invalid]')).to.have.length(0);

    send(el).click();
    await el.updateComplete;
    const invalid = root(el).querySelectorAll('[aria-invalid]').length;
    field(el, 'Name').focus();
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(root(el).querySelectorAll('[aria-invalid]')).to.have.length(invalid);
  });

  it('after a first Send, clears a message as soon as typing fixes its field', async () => {
    const el = await form({ ...empty, email: 'ana@', subject: 'Refund', message: 'Please.' });
    send(el).click();
    await el.updateComplete;
    expect(field(el, 'Email').getAttribute('aria-invalid')).to.equal('true');
    field(el, 'Email').focus();
    await sendKeys({ type: 'example.com' });
    await el.updateComplete;
    expect(field(el, 'Email').hasAttribute('aria-invalid')).to.equal(false);
  });

  it('sends on the first click after a fix: Send stays put between press and release', async () => {
    const el = await form({
      ...empty,
      email: 'ana@example',
      subject: 'Refund',
      message: 'Please.',
    });
    const sends = spyOn<CustomEvent<Ticket>>(el, 'ph-send');
    send(el).click();
    await el.updateComplete;
    expect(sends.count, 'the invalid email stops the first Send').to.equal(0);
    field(el, 'Email').focus();
    await sendKeys({ type: '.com' });
    await el.updateComplete;
    // Focus is still in the email field: pressing Send blurs it. Nothing may move then.
    const before = send(el).getBoundingClientRect();
    const x = Math.round(before.left + before.width / 2);
    const y = Math.round(before.top + before.height / 2);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await el.updateComplete;
    const pressed = send(el).getBoundingClientRect();
    expect([pressed.left, pressed.top]).to.deep.equal([before.left, before.top]);
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(sends.count).to.equal(1);
    expect(sends.last()?.detail.email).to.equal('ana@example.com');
  });

  it('reports each change and sends the validated ticket with locale and page', async () => {
    const el = await form();
    const changes = spyOn<CustomEvent<{ field: string; value: string }>>(el, 'ph-draft');
    field(el, 'Subject').focus();
    await sendKeys({ type: 'Hi' });
    expect(changes.events.map((e) => e.detail)).to.deep.equal([
      { field: 'subject', value: 'H' },
      { field: 'subject', value: 'Hi' },
    ]);
    el.draft = { name: '', email: ' ana@example.com ', subject: 'Refund', message: 'Please.' };
    await el.updateComplete;
    const sends = spyOn<CustomEvent<Ticket>>(el, 'ph-send');
    send(el).click();
    const ticket = sends.last()?.detail;
    expect(ticket).to.include({
      email: 'ana@example.com',
      subject: 'Refund',
      message: 'Please.',
      locale: 'en',
      pageUrl: 'https://shop.example/pricing',
    });
    expect(ticket?.name, 'a blank name is left out').to.equal(undefined);
  });

  it('disables Send while sending, and shows a failure with "Try again"', async () => {
    const el = await form({ ...empty, email: 'a@example.com', subject: 'S', message: 'M' });
    el.sending = true;
    await el.updateComplete;
    expect(send(el).disabled).to.equal(true);
    expect(send(el).textContent?.trim(), 'the name stays "Send"').to.equal('Send');
    expect(field(el, 'Message').readOnly).to.equal(true);
    const sends = spyOn(el, 'ph-send');
    el.sending = false;
    el.error = 'Your message wasn’t sent.';
    await el.updateComplete;
    const alert = root(el).querySelector('[role=alert]');
    expect(alert?.textContent).to.contain('Your message wasn’t sent.');
    const retry = [...(alert?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent?.trim() === 'Try again',
    );
    expect(root(el).activeElement === retry, 'focus goes to Try again').to.equal(true);
    retry?.click();
    expect(sends.count).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('shows server-side field errors', async () => {
    const el = await form({ ...empty, email: 'a@example.com', subject: 'S', message: 'M' });
    el.showErrors({ message: 'Message is too long' });
    await el.updateComplete;
    expect(field(el, 'Message').getAttribute('aria-invalid')).to.equal('true');
    expectSame(root(el).activeElement, field(el, 'Message'));
  });

  it('focuses the first empty field', async () => {
    const el = await form({ ...empty, name: 'Ana', email: 'ana@example.com' });
    el.focus();
    expectSame(root(el).activeElement, field(el, 'Subject'));
  });

  it('keeps hostile text as plain text in fields and messages', async () => {
    const vectors = (await loadXssVectors()).filter((v) => v.context === 'text');
    const el = await form();
    for (const vector of vectors) {
      el.draft = { ...empty, subject: vector.input, name: vector.input };
      el.error = vector.input;
      await el.updateComplete;
      expect(field(el, 'Name').value).to.equal(vector.input.replace(/[\r\n]/g, ''));
      expect(root(el).querySelector('[role=alert] p')?.textContent).to.equal(vector.input);
    }
    expect(root(el).querySelectorAll('script, img, iframe, a')).to.have.length(0);
    expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
  });
});
