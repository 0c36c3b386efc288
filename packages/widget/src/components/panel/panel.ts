import '../search/search.js';
import '../article/article.js';
import '../contact-form/contact-form.js';
import '../confirmation/confirmation.js';
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
