/**
 * The shortcut chunk (`porthole-shortcut-<hash>.js`): matching a key press against the
 * `shortcut` option. Loaded by `porthole-widget` only when a shortcut is set.
 */
export { matchesShortcut } from '../components/widget/shortcut.js';
