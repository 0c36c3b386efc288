/**
 * The overrides chunk (`porthole-overrides-<hash>.js`): checking the site's `strings`, with a
 * warning for each one that cannot be used. Loaded only for a page that sets `strings`.
 */
export { checkOverrides } from '../i18n/overrides.js';
