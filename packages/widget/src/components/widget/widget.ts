import { PortholeWidget } from './widget.component.js';

export { PortholeWidget };

// Guarded: the script-tag bundle and an npm import may both load on one page.
if (!customElements.get('porthole-widget')) {
  customElements.define('porthole-widget', PortholeWidget);
}

declare global {
  interface HTMLElementTagNameMap {
    'porthole-widget': PortholeWidget;
  }
}
