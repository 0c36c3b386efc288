/**
 * The overrides chunk (`porthole-overrides-<hash>.js`): checking the site's `strings`, with a
 * warning for each one that cannot be used. Loaded only for a page that sets `strings`.
 *
 * It is loaded with the panel, for the panel: importing the panel's part says so, so the texts
 * the two share stay in the panel's file rather than in a small shared file of their own.
 */
import './panel.js';
export { checkOverrides } from '../i18n/overrides.js';
// Every English key, the parts' too, to tell a site's unknown keys from theirs.
export { default as english } from '../i18n/english.js';
