/**
 * The ticket schema's field errors in the visitor's language. `@porthole/tickets` explains
 * each refused field twice: an English sentence (`fieldErrors`, what the server and the logs
 * show) and a code (`fieldIssues`); the code picks the translated text here.
 */
import type { FieldErrors, FieldIssue } from '@porthole/tickets';
import type { Translator } from './translator.js';
/** The text for each reason, but `required` and `too-long`, which depend on the field. */
const REASONS = {
  'one-line': 'fieldOneLine',
  'control-character': 'fieldControlCharacter',
  'broken-character': 'fieldBrokenCharacter',
  'invalid-email': 'emailInvalid',
} as const;

/** The "Enter your …" text of each built-in field; other required fields get `fieldRequired`. */
const REQUIRED = {
  name: 'nameRequired',
  email: 'emailRequired',
  subject: 'subjectRequired',
  message: 'messageRequired',
} as const;

function describe(field: string, { code, limit }: FieldIssue, t: Translator['t']) {
  if (code === 'required') return t(REQUIRED[field as keyof typeof REQUIRED] ?? 'fieldRequired');
  if (code === 'too-long')
    return limit === undefined ? undefined : t('fieldTooLong', { count: limit });
  const key = REASONS[code as keyof typeof REASONS];
  return key && t(key);
}

/**
 * One message per refused field, translated where the widget has a text for the reason;
 * otherwise the schema's English sentence (a field the site's server added, say).
 */
export function translateFieldErrors(
  errors: FieldErrors,
  issues: Partial<Record<string, FieldIssue>>,
  { t }: Translator,
): FieldErrors {
  const translated: FieldErrors = {};
  for (const [field, english] of Object.entries(errors)) {
    const issue = issues[field];
    translated[field] = (issue && describe(field, issue, t)) ?? english;
  }
  return translated;
}
