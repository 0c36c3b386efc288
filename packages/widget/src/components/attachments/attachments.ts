import { PortholeAttachments } from './attachments.component.js';

export { PortholeAttachments };

if (!customElements.get('porthole-attachments')) {
  customElements.define('porthole-attachments', PortholeAttachments);
}

declare global {
  interface HTMLElementTagNameMap {
    'porthole-attachments': PortholeAttachments;
  }
}
