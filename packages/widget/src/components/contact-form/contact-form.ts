import { PortholeContactForm } from './contact-form.component.js';

export { PortholeContactForm };

if (!customElements.get('porthole-contact-form')) {
  customElements.define('porthole-contact-form', PortholeContactForm);
}

declare global {
  interface HTMLElementTagNameMap {
    'porthole-contact-form': PortholeContactForm;
  }
}
