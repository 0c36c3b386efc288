import type { FieldErrors, TicketMetadata } from '@porthole/tickets';
import { fieldErrorKey } from '../components/contact-form/field-ids.js';
import type { ContactField } from '../core/options.js';
import texts from '../i18n/locales/en-fields.js';
import { addEnglishTexts } from '../i18n/translator.js';
import type { Translator } from '../i18n/translator.js';
import { issueWarning } from '../core/warnings.js';

// Shown only once this part has loaded, so they come with it (see i18n/english.ts).
addEnglishTexts(texts);

/** A site field as the form uses it: checked, with its type and label filled in. */
export type FormField = ContactField & { type: NonNullable<ContactField['type']>; label: string };

export type FieldValues = Record<string, string | boolean>;

/** The names the server's allow-list accepts too (`PORTHOLE_TICKET_FIELDS`). */
const FIELD_NAME = /^[\w.-]{1,64}$/;
const TYPES = new Set(['text', 'textarea', 'select', 'checkbox', 'hidden']);

/**
 * The `fields` option as the form can use it. It comes from pages (`data-fields` JSON, a
 * `config` call), so it is parsed when it is text and each entry is checked; a bad one is left out with a warning that names
 * it, and the rest still work.
 */
export function readFields(option: unknown): FormField[] {
  let given = option;
  if (typeof option === 'string') {
    try {
      given = JSON.parse(option);
    } catch (error) {
      issueWarning('bad-fields', `data-fields is not JSON (${String(error)}); it was ignored.`);
      return [];
    }
  }
  if (given === undefined) return [];
  if (!Array.isArray(given)) {
    issueWarning('bad-fields', '`fields` must be a list of fields; it was ignored.');
    return [];
  }
  const seen = new Set<string>();
  return given.flatMap((raw: unknown, index): FormField[] => {
    const field = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<ContactField>;
    const type = field.type ?? 'text';
    const problem =
      typeof field.name !== 'string' || !FIELD_NAME.test(field.name) || seen.has(field.name)
        ? 'needs a unique name of letters, digits, _ . or - (at most 64)'
        : !TYPES.has(type)
          ? 'has a type other than text, textarea, select, checkbox or hidden'
          : type === 'select' &&
              !(Array.isArray(field.options) && field.options.every((o) => typeof o === 'string'))
            ? 'is a select without a list of options'
            : type === 'hidden' && !['string', 'number', 'boolean'].includes(typeof field.value)
              ? 'is hidden but has no text, number or true/false value'
              : undefined;
    if (problem || field.name === undefined) {
      issueWarning('bad-fields', `fields[${index}] ${problem}; it was left out.`);
      return [];
    }
    seen.add(field.name);
    const label = typeof field.label === 'string' && field.label ? field.label : field.name;
    return [{ ...field, name: field.name, type, label }];
  });
}

/**
 * What a visible field holds: the visitor's value (text, or true/false for a checkbox; a
 * stored draft may hold anything else, which does not count), else the page's `value`.
 */
export function valueOf(field: FormField, values: FieldValues): string | boolean {
  const given: unknown = values[field.name] ?? field.value;
  if (field.type === 'checkbox') return given === true;
  return typeof given === 'string' || typeof given === 'number' ? String(given) : '';
}

/**
 * The ticket's `metadata`: hidden values as the page gave them, checkboxes as true or false,
 * other fields as typed (trimmed), left out when empty. Undefined when there is nothing.
 */
export function collectMetadata(
  fields: readonly FormField[],
  values: FieldValues,
): TicketMetadata | undefined {
  const metadata: TicketMetadata = {};
  for (const field of fields) {
    const value = field.type === 'hidden' ? field.value : valueOf(field, values);
    const kept = typeof value === 'string' ? value.trim() : value;
    if (kept !== undefined && kept !== '') metadata[field.name] = kept;
  }
  return Object.keys(metadata).length > 0 ? metadata : undefined;
}

/** A message under every required field left empty (a required checkbox left unchecked). */
export function requiredErrors(
  fields: readonly FormField[],
  values: FieldValues,
  { t }: Translator,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of fields) {
    if (!field.required || field.type === 'hidden') continue;
    const value = valueOf(field, values);
    if (value === false || (typeof value === 'string' && !value.trim())) {
      errors[fieldErrorKey(field.name)] =
        field.type === 'checkbox'
          ? t('checkboxRequired')
          : field.type === 'select'
            ? t('selectRequired')
            : t('fieldRequired');
    }
  }
  return errors;
}
