import { PortholeLauncher } from './launcher.component.js';

export { PortholeLauncher };

// Guarded: the script-tag bundle and an npm import may both load on one page.
if (!customElements.get('porthole-launcher')) {
  customElements.define('porthole-launcher', PortholeLauncher);
}

declare global {
  interface HTMLElementTagNameMap {
    'porthole-launcher': PortholeLauncher;
  }
}
