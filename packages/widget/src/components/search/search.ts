import { PortholeSearch } from './search.component.js';

export { PortholeSearch };

if (!customElements.get('porthole-search')) {
  customElements.define('porthole-search', PortholeSearch);
}

declare global {
  interface HTMLElementTagNameMap {
    'porthole-search': PortholeSearch;
  }
}
