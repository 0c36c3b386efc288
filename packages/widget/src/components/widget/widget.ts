import '../launcher/launcher.js';
import '../panel/panel.js';
import '../search/search.js';
import '../article/article.js';
import '../contact-form/contact-form.js';
import '../confirmation/confirmation.js';
import { PortholeWidget } from './widget.component.js';

export { PortholeWidget };

if (!customElements.get('porthole-widget')) {
  customElements.define('porthole-widget', PortholeWidget);
}

declare global {
  interface HTMLElementTagNameMap {
    'porthole-widget': PortholeWidget;
  }
}
