/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { spyOn } from '../../../test/fixtures.js';
import './launcher.js';
import type { PortholeLauncher } from './launcher.js';

describe('porthole-launcher', () => {
  it('is a button named "Help" that reports whether its panel is open', async () => {
    const el = await fixture<PortholeLauncher>(html`<porthole-launcher></porthole-launcher>`);
    expect(el.getAttribute('role')).to.equal('button');
    expect(el.getAttribute('aria-label')).to.equal('Help');
    expect(el.getAttribute('aria-expanded')).to.equal('false');
    expect(el.tabIndex).to.equal(0);
    el.expanded = true;
    await el.updateComplete;
    expect(el.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('activates with a click, Enter and Space', async () => {
    const el = await fixture<PortholeLauncher>(html`<porthole-launcher></porthole-launcher>`);
    const clicks = spyOn(el, 'click');
    el.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    el.click();
    expect(clicks.count).to.equal(3);
  });

  it('takes its accessible name from the label property', async () => {
    const el = await fixture<PortholeLauncher>(
      html`<porthole-launcher label="Pomoć"></porthole-launcher>`,
    );
    expect(el.getAttribute('aria-label')).to.equal('Pomoć');
  });

  it('is registered once even if its module runs twice', async () => {
    const { PortholeLauncher: Class } = await import('./launcher.js');
    expect(customElements.get('porthole-launcher')).to.equal(Class);
  });
});
