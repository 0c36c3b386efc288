import { PortholeArticle } from './article.component.js';

export { PortholeArticle };

if (!customElements.get('porthole-article')) {
  customElements.define('porthole-article', PortholeArticle);
}

declare global {
  interface HTMLElementTagNameMap {
    'porthole-article': PortholeArticle;
  }
}
