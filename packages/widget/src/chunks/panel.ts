/**
 * The panel chunk (`porthole-panel-<hash>.js` beside the script bundle): Lit, `porthole-panel`
 * and its views, registered on import. Loaded by `porthole-widget` when the visitor reaches
 * for help, or when the browser is idle.
 */
export { PortholePanel } from '../components/panel/panel.js';
