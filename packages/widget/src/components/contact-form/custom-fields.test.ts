/// <reference types="mocha" />
import { parseTicket } from '@porthole/tickets';
import type { Ticket } from '@porthole/tickets';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectSame, spyOn } from '../../../test/fixtures.js';
import { buttonNamed, controlLabelled, enter } from '../../../test/widget-helpers.js';
import * as fieldKit from '../../chunks/fields.js';
import type { FieldValues } from '../../controllers/fields.js';
import './contact-form.js';
import type { PortholeContactForm } from './contact-form.js';

/** The site's fields as a page gives them (`Porthole('config', { fields })`, `data-fields`). */
const FIELDS = [
  { name: 'order', label: 'Order number' },
  { name: 'details', type: 'textarea', label: 'What happened?', required: true },
  { name: 'topic', type: 'select', label: 'Topic', options: ['Billing', 'Bug'], required: true },
  { name: 'terms', type: 'checkbox', label: 'I accept the terms', required: true },
  { name: 'newsletter', type: 'checkbox', label: 'Send me news' },
  { name: 'plan', type: 'hidden', value: 'pro' },
  { name: 'account.id', type: 'hidden', value: 4711 },
];

const filled = {
  name: 'Ana',
  email: 'ana@example.com',
  subject: 'Refund',
  message: 'Charged twice.',
};

async function form(draft = { ...filled, fields: {} as FieldValues }) {
  const el = await fixture<PortholeContactForm>(
    html`<porthole-contact-form
      .draft=${draft}
      .context=${{ locale: 'en' }}
      .parseTicket=${parseTicket}
      .fields=${fieldKit.readFields(FIELDS)}
      .fieldKit=${fieldKit}
      @ph-field=${(event: CustomEvent<{ name: string; value: string | boolean }>) => {
        const target = event.target as PortholeContactForm;
        const fields = { ...target.draft.fields, [event.detail.name]: event.detail.value };
        target.draft = { ...target.draft, fields };
      }}
    ></porthole-contact-form>`,
  );
  await el.updateComplete;
  return el;
}

const root = (el: PortholeContactForm) => el.shadowRoot as ShadowRoot;

describe('the site’s own fields', () => {
  it('are shown after the built-in ones, labelled, optional ones marked; hidden ones are not', async () => {
    const el = await form();
    const labels = [...root(el).querySelectorAll('label')].map((label) =>
      label.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(labels).to.deep.equal([
      'Name',
      'Email',
      'Subject',
      'Message',
      'Order number (optional)',
      'What happened?',
      'Topic',
      'I accept the terms',
      'Send me news',
    ]);
    expect(controlLabelled(el, 'What happened?').localName).to.equal('textarea');
    const topic = controlLabelled<HTMLSelectElement>(el, 'Topic');
    expect([...topic.options].map((option) => option.text)).to.deep.equal([
      'Choose…',
      'Billing',
      'Bug',
    ]);
    expect(controlLabelled(el, 'I accept the terms').type).to.equal('checkbox');
    expect(root(el).querySelector('[name=plan]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('must be filled in when required: a message under each, focus on the first', async () => {
    const el = await form();
    const sends = spyOn(el, 'ph-send');
    buttonNamed(el, 'Send')?.click();
    await el.updateComplete;
    expect(sends.count).to.equal(0);
    const errorOf = (label: string) => {
      const control = controlLabelled(el, label);
      expect(control.getAttribute('aria-invalid'), label).to.equal('true');
      return root(el).getElementById(control.getAttribute('aria-describedby') ?? '')?.textContent;
    };
    expect(errorOf('What happened?')).to.equal('Fill in this field');
    expect(errorOf('Topic')).to.equal('Choose an option');
    expect(errorOf('I accept the terms')).to.equal('Check this box to continue');
    expect(controlLabelled(el, 'Order number (optional)').hasAttribute('aria-invalid')).to.equal(
      false,
    );
    expectSame(root(el).activeElement, controlLabelled(el, 'What happened?'));
    await expect(el).to.be.accessible();
  });

  it('travel in the ticket’s metadata with the hidden values', async () => {
    const el = await form();
    const sends = spyOn<CustomEvent<Ticket>>(el, 'ph-send');
    enter(controlLabelled(el, 'What happened?'), 'The card was charged twice.');
    const topic = controlLabelled<HTMLSelectElement>(el, 'Topic');
    topic.value = 'Bug';
    topic.dispatchEvent(new Event('change'));
    controlLabelled(el, 'I accept the terms').click();
    await el.updateComplete;
    buttonNamed(el, 'Send')?.click();
    await el.updateComplete;
    expect(sends.last()?.detail.metadata).to.deep.equal({
      details: 'The card was charged twice.',
      topic: 'Bug',
      terms: true,
      newsletter: false,
      plan: 'pro',
      'account.id': 4711,
    });
  });

  it('show the server’s errors for them under them', async () => {
    const el = await form();
    el.showErrors({ 'metadata.topic': 'Choose one of the options for Topic' });
    await el.updateComplete;
    const topic = controlLabelled(el, 'Topic');
    expect(
      root(el).getElementById(topic.getAttribute('aria-describedby') ?? '')?.textContent,
    ).to.equal('Choose one of the options for Topic');
    await el.updateComplete;
    expectSame(root(el).activeElement, topic);
  });

  it('are typed into like any field, and keep what was typed', async () => {
    const el = await form();
    controlLabelled(el, 'Order number (optional)').focus();
    await sendKeys({ type: 'A-1' });
    await el.updateComplete;
    expect(el.draft.fields?.['order']).to.equal('A-1');
    expect(controlLabelled(el, 'Order number (optional)').value).to.equal('A-1');
  });

  describe('from a page', () => {
    let warnings: string[];
    const warn = console.warn;
    beforeEach(() => {
      warnings = [];
      console.warn = (message: string) => warnings.push(message);
    });
    afterEach(() => (console.warn = warn));

    it('leave out a bad field with a coded warning, and keep the rest', () => {
      const fields = fieldKit.readFields([
        { name: 'ok' },
        { name: 'has space' },
        { name: 'ok' },
        { name: 'kind', type: 'radio' },
        { name: 'choice', type: 'select' },
        { name: 'secret', type: 'hidden' },
      ]);
      expect(fields.map((field) => field.name)).to.deep.equal(['ok']);
      expect(warnings).to.have.length(5);
      expect(warnings[0]).to.match(/fields\[1\] needs a unique name.*\(bad-fields: https:/);
      expect(warnings[3]).to.contain('fields[4] is a select without a list of options');
      expect(warnings[4]).to.contain('fields[5] is hidden but has no text');
    });

    it('read data-fields JSON, and warn when it is not', () => {
      expect(fieldKit.readFields('[{"name":"plan","type":"hidden","value":"pro"}]')).to.deep.equal([
        { name: 'plan', type: 'hidden', value: 'pro', label: 'plan' },
      ]);
      expect(fieldKit.readFields('[{"name":')).to.deep.equal([]);
      expect(warnings[0]).to.contain('data-fields is not JSON');
    });
  });
});
