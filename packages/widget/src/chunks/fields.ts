/**
 * The fields chunk (`porthole-fields-<hash>.js` beside the script bundle): the site's own
 * contact-form fields (`fields` option) — reading the option, drawing the fields, collecting
 * their values into `metadata` and checking the required ones. Loaded with the ticket code
 * when the form opens, and only on sites that add fields.
 *
 * The form lives in the panel's part, which is always there already; importing it says so,
 * so the code the two share (Lit) stays in the panel's file.
 */
import './panel.js';

export {
  collectMetadata,
  readFields,
  requiredErrors,
  type FieldValues,
  type FormField,
} from '../controllers/fields.js';
export { renderCustomField } from '../components/contact-form/custom-fields.js';
