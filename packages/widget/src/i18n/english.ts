/**
 * The whole English catalog: the texts `porthole.js` and the panel show (`locales/en.ts`, with
 * the shell's) and those of the parts loaded when used (`locales/en-attachments.ts`,
 * `en-fields.ts`, `en-outbox.ts`). Every other language's catalog has exactly these keys.
 *
 * The widget's views never import this module: each part brings its English texts with it
 * (`addEnglishTexts` in `translator.ts`), so a visit downloads only the texts it can show.
 * Checking a site's `strings` (the `overrides` part) needs every key, and takes it from here.
 */
import attachments from './locales/en-attachments.js';
import en from './locales/en.js';
import fields from './locales/en-fields.js';
import outbox from './locales/en-outbox.js';
import type { Message } from './types.js';

const english = {
  ...en,
  ...attachments,
  ...fields,
  ...outbox,
} as const satisfies Record<string, Message>;

export default english;
