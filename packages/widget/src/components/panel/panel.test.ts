/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { finishAnimations, spyOn, until } from '../../../test/fixtures.js';
import './panel.js';
import type { PortholePanel } from './panel.js';

/** A launcher-sized anchor pinned to a corner, as porthole-widget places it. */
async function anchoredPanel(corner: 'right' | 'left' = 'right') {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div>
      <button
        id="anchor"
        style="position: fixed; bottom: 20px; ${corner}: 20px; width: 56px; height: 56px"
      >
        ?
      </button>
      <porthole-panel open placement=${corner === 'right' ? 'top-end' : 'top-start'}>
        <p>Body</p>
      </porthole-panel>
    </div>`,
  );
  const panel = wrapper.querySelector('porthole-panel') as PortholePanel;
  panel.anchor = wrapper.querySelector('#anchor') ?? undefined;
  return panel;
}

async function expectInsideViewport(el: Element) {
  finishAnimations(el);
  const rect = el.getBoundingClientRect();
  expect(rect.left, 'left').to.be.at.least(0);
  expect(rect.top, 'top').to.be.at.least(0);
  expect(rect.right, 'right').to.be.at.most(window.innerWidth);
  expect(rect.bottom, 'bottom').to.be.at.most(window.innerHeight);
}

const positioned = (panel: PortholePanel) => () => panel.sheet || panel.style.top !== '';

describe('porthole-panel', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('is a dialog named by its label, with a close button', async () => {
    const panel = await anchoredPanel();
    expect(panel.getAttribute('role')).to.equal('dialog');
    expect(panel.getAttribute('aria-label')).to.equal('Help');
    const close = panel.shadowRoot?.querySelector('button');
    expect(close?.getAttribute('aria-label')).to.equal('Close');
    await expect(panel).to.be.accessible();
  });

  it('asks to close on the close button and on Escape', async () => {
    const panel = await anchoredPanel();
    const closes = spyOn(panel, 'ph-close');
    panel.shadowRoot?.querySelector('button')?.click();
    panel.shadowRoot?.querySelector('button')?.focus();
    await sendKeys({ press: 'Escape' });
    expect(closes.count).to.equal(2);
  });

  it('is not shown while closed', async () => {
    const panel = await anchoredPanel();
    panel.open = false;
    await panel.updateComplete;
    expect(getComputedStyle(panel).display).to.equal('none');
  });

  for (const [width, height] of [
    [1280, 800],
    [800, 600],
    [600, 500],
    [1024, 520],
  ] as const) {
    for (const corner of ['right', 'left'] as const) {
      it(`floats above the launcher inside a ${width}×${height} viewport (bottom-${corner})`, async () => {
        await setViewport({ width, height });
        const panel = await anchoredPanel(corner);
        await until(positioned(panel), 'panel positioned');
        expect(panel.sheet).to.equal(false);
        await expectInsideViewport(panel);
        const anchor = document.querySelector('#anchor')?.getBoundingClientRect();
        expect(panel.getBoundingClientRect().bottom).to.be.at.most((anchor?.top ?? 0) + 1);
      });
    }
  }

  it('follows viewport resizes and stays inside', async () => {
    await setViewport({ width: 1200, height: 900 });
    const panel = await anchoredPanel();
    await until(positioned(panel), 'panel positioned');
    await setViewport({ width: 700, height: 560 });
    await until(() => panel.getBoundingClientRect().right <= 700, 'repositioned after resize');
    await expectInsideViewport(panel);
  });

  it('becomes a full-screen sheet on a phone-sized viewport', async () => {
    await setViewport({ width: 360, height: 640 });
    const panel = await anchoredPanel();
    await until(() => panel.sheet, 'sheet mode');
    await expectInsideViewport(panel);
    const rect = panel.getBoundingClientRect();
    expect(rect.left).to.equal(0);
    expect(rect.top).to.equal(0);
    expect(rect.width).to.equal(window.innerWidth);
    expect(rect.height).to.equal(window.innerHeight);
    await expect(panel).to.be.accessible();
  });
});
