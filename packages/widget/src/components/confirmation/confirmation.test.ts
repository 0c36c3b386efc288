/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { spyOn } from '../../../test/fixtures.js';
import en from '../../i18n/english.js';
import { createTranslator } from '../../i18n/translator.js';
import './confirmation.js';
import type { PortholeConfirmation } from './confirmation.js';

const receipt = { id: '6f1c', reference: 'PH-7K3M-Q9TD', createdAt: '2025-01-01T00:00:00Z' };

describe('porthole-confirmation', () => {
  it('says the message was sent and shows the reference', async () => {
    const el = await fixture<PortholeConfirmation>(
      html`<porthole-confirmation .receipt=${receipt}></porthole-confirmation>`,
    );
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelector('h2')?.textContent).to.equal('Message sent');
    expect(root.querySelector('[part=reference]')?.parentElement?.textContent?.trim()).to.equal(
      'Your reference is PH-7K3M-Q9TD',
    );
    el.focus();
    expect(root.activeElement).to.equal(root.querySelector('h2'));
    await expect(el).to.be.accessible();
  });

  it('goes back to search', async () => {
    const el = await fixture<PortholeConfirmation>(
      html`<porthole-confirmation .receipt=${receipt}></porthole-confirmation>`,
    );
    const back = spyOn(el, 'ph-back');
    const button = el.shadowRoot?.querySelector('button');
    expect(button?.textContent?.trim()).to.equal('Back to search');
    button?.click();
    expect(back.count).to.equal(1);
  });

  it('can be reworded, placeholder and all', async () => {
    const el = await fixture<PortholeConfirmation>(
      html`<porthole-confirmation
        .receipt=${receipt}
        .i18n=${createTranslator('en', en, { reference: 'Broj prijave: {reference}.' })}
      ></porthole-confirmation>`,
    );
    expect(
      el.shadowRoot?.querySelector('[part=reference]')?.parentElement?.textContent?.trim(),
    ).to.equal('Broj prijave: PH-7K3M-Q9TD.');
  });
});
