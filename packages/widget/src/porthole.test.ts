/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { createTestKnowledgeBase, until } from '../test/fixtures.js';
import type { PortholeFunction, PortholeStub } from './command-api.js';

describe('porthole.js (script-tag entry)', () => {
  it('mounts one widget at the end of body and runs the queued calls', async () => {
    const kb = createTestKnowledgeBase();
    const stub: PortholeStub = function () {
      // eslint-disable-next-line prefer-rest-params
      (stub.q = stub.q ?? []).push(arguments);
    };
    window.Porthole = stub;
    window.Porthole('config', { knowledgeBase: kb, locale: 'en' });
    window.Porthole('search', 'refunds');

    await import('./porthole.js');
    // It mounts in a task of its own, after the one that ran the script.
    await until(() => document.querySelector('porthole-widget'), 'mounted');
    const widgets = document.querySelectorAll('porthole-widget');
    expect(widgets).to.have.length(1);
    const el = widgets[0];
    expect(document.body.lastElementChild).to.equal(el);
    expect((window.Porthole as PortholeFunction).loaded).to.equal(true);
    await until(() => kb.searches.length === 1, 'queued search ran');
    expect(el?.open).to.equal(true);
    (window.Porthole as PortholeFunction)('destroy');
    expect(document.querySelectorAll('porthole-widget')).to.have.length(0);
  });

  it('reads data-* options; given URLs stay relative to the page, defaults follow the script', async () => {
    const { readScriptOptions } = await import('./porthole.js');
    const script = document.createElement('script');
    script.src = 'https://cdn.example/widget/porthole.js';
    expect(readScriptOptions(script)).to.deep.equal({
      kb: 'https://cdn.example/kb/',
      endpoint: 'https://cdn.example/v1/tickets',
    });
    script.dataset['kb'] = '/kb/';
    script.dataset['endpoint'] = 'api/tickets';
    script.dataset['locale'] = 'hr';
    script.dataset['position'] = 'bottom-left';
    script.dataset['accent'] = '#0a7';
    expect(readScriptOptions(script)).to.deep.equal({
      kb: '/kb/',
      endpoint: 'api/tickets',
      locale: 'hr',
      position: 'bottom-left',
      accent: '#0a7',
    });
  });

  it('passes data-fields on as the JSON it is, and data-attachments="off" as no attachments', async () => {
    const { readScriptOptions } = await import('./porthole.js');
    const script = document.createElement('script');
    script.dataset['kb'] = '/kb/';
    script.dataset['endpoint'] = '/v1/tickets';
    script.dataset['fields'] = '[{"name":"plan","type":"hidden","value":"pro"}]';
    script.dataset['attachments'] = 'off';
    expect(readScriptOptions(script)).to.deep.equal({
      kb: '/kb/',
      endpoint: '/v1/tickets',
      fields: '[{"name":"plan","type":"hidden","value":"pro"}]',
      attachments: false,
    });
  });
});
