/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { createTestKnowledgeBase } from '../../../test/fixtures.js';
import type { PortholeSearch } from '../search/search.js';
import './widget.js';
import type { PortholeWidget } from './widget.js';

/** Any CSS colour as sRGB bytes, the way the browser paints it. */
function rgb(color: string): [number, number, number] {
  const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0] = context.getImageData(0, 0, 1, 1).data;
  return [r, g, b];
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(color: string): number {
  const [r, g, b] = rgb(color).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const ACCENTS = [
  '#2150d0',
  '#ffd400',
  '#00ff00',
  '#ff6b00',
  '#777777',
  '#767676',
  'hsl(190 90% 45%)',
  'oklch(0.75 0.15 330)',
  '#fafafa',
  '#000000',
];

async function widget(accent: string) {
  const el = await fixture<PortholeWidget>(
    html`<porthole-widget
      accent=${accent}
      .knowledgeBase=${createTestKnowledgeBase()}
    ></porthole-widget>`,
  );
  return el;
}
const root = (el: Element) => el.shadowRoot as ShadowRoot;
const style = (el: Element) => getComputedStyle(el);

// Forced-colours mode and the browser's font-size setting are emulated in the end-to-end
// suite (test/e2e/theming.test.ts), where Playwright can.
describe('porthole-widget: theming you cannot break', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'no-preference' }));

  for (const accent of ACCENTS) {
    it(`keeps text on and in the accent ${accent} at 4.5:1 or more (WCAG AA)`, async () => {
      const el = await widget(accent);
      const launcher = root(el).querySelector('[part=launcher]') as HTMLElement;
      const icon = style(launcher).color;
      expect(contrast(icon, style(launcher).backgroundColor), 'launcher icon').to.be.at.least(4.5);
      el.show();
      await el.updateComplete;
      const header = root(el).querySelector('[part=panel__header]') as HTMLElement;
      const title = root(el).querySelector('[part=panel__title]') as HTMLElement;
      expect(contrast(style(title).color, style(header).backgroundColor), 'title').to.be.at.least(
        4.5,
      );
      const panel = root(el).querySelector('porthole-panel') as HTMLElement;
      const search = root(panel).querySelector('porthole-search') as PortholeSearch;
      await search.updateComplete;
      const link = root(search).querySelector('[part=contact] button') as HTMLElement;
      const background = style(root(el).querySelector('dialog') as HTMLElement).backgroundColor;
      expect(contrast(style(link).color, background), '“Contact us” on white').to.be.at.least(4.5);
    });
  }

  it('leaves an accent that already reads well as it is', async () => {
    const el = await widget('#2150d0');
    const launcher = root(el).querySelector('[part=launcher]') as HTMLElement;
    expect(rgb(style(launcher).color)).to.deep.equal([255, 255, 255]);
    expect(rgb(style(launcher).backgroundColor)).to.deep.equal([0x21, 0x50, 0xd0]);
  });

  it('sizes its text from the browser’s default size, not the page’s root font size', async () => {
    document.documentElement.style.fontSize = '10px';
    try {
      const el = await widget('#2150d0');
      el.show();
      await el.updateComplete;
      const dialog = root(el).querySelector('dialog') as HTMLElement;
      // Chromium's default (“medium”) is 16 px here: 15/16 of it.
      expect(style(dialog).fontSize).to.equal('15px');
      expect(dialog.getBoundingClientRect().width).to.equal(380);
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });
});
