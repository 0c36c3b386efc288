import { PortholeConfirmation } from './confirmation.component.js';

export { PortholeConfirmation };

if (!customElements.get('porthole-confirmation')) {
  customElements.define('porthole-confirmation', PortholeConfirmation);
}

declare global {
  interface HTMLElementTagNameMap {
    'porthole-confirmation': PortholeConfirmation;
  }
}
