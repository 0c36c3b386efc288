import { PortholePanel } from './panel.component.js';

export { PortholePanel };

if (!customElements.get('porthole-panel')) {
  customElements.define('porthole-panel', PortholePanel);
}

declare global {
  interface HTMLElementTagNameMap {
    'porthole-panel': PortholePanel;
  }
}
