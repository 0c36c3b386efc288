/**
 * English texts shown only by the fields part (`porthole-fields-*.js`): the site’s own contact-form fields. They are part
 * of the English catalog (`english.ts` joins them to `en.ts`), and live apart so that the part carries
 * them (`controllers/fields.ts` adds them to the English fallback) and a visit that never needs
 * the part never downloads them. Other languages keep them in their one catalog.
 */
const fields = {
  /** After the label of a field that may stay empty (“Name (optional)”). */
  optional: '(optional)',
  /** First, empty choice of a drop-down list. */
  selectPlaceholder: 'Choose…',
  /** Under a required drop-down list the site added. */
  selectRequired: 'Choose an option',
  /** Under a required checkbox the site added. */
  checkboxRequired: 'Check this box to continue',
} as const;

export default fields;
