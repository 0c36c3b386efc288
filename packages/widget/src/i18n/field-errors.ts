/**
 * The ticket schema's field errors in the visitor's language. `@porthole/tickets` explains
 * each refused field twice: an English sentence (`fieldErrors`, what the server and the logs
 * show) and a code (`fieldIssues`); the code picks the translated text here.
 */
import type { FieldErrors, FieldIssue } from '@porthole/tickets';
import type { Translator } from './translator.js';
/** The "Enter your …" text of each built-in field; other required fields get `fieldRequired`. */
const REQUIRED: Partial<
  Record<string, 'nameRequired' | 'emailRequired' | 'subjectRequired' | 'messageRequired'>
> = {
  name: 'nameRequired',
  email: 'emailRequired',
  subject: 'subjectRequired',
  message: 'messageRequired',
};

function describe(field: string, { code, limit }: FieldIssue, t: Translator['t']) {
  switch (code) {
    case 'required':
      return t(REQUIRED[field] ?? 'fieldRequired');
    case 'too-long':
      return limit === undefined ? undefined : t('fieldTooLong', { count: limit });
    case 'one-line':
      return t('fieldOneLine');
    case 'control-character':
      return t('fieldControlCharacter');
    case 'broken-character':
      return t('fieldBrokenCharacter');
    case 'invalid-email':
      return t('emailInvalid');
    default:
      return undefined;
  }
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
