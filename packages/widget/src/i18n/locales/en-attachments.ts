/**
 * English texts shown only by the attachments part (`porthole-attachments-*.js`): the list of files, their uploads and
 * the reasons a file is refused. They are part
 * of the English catalog (`english.ts` joins them to `en.ts`), and live apart so that the part carries
 * them (`controllers/attachments.ts` adds them to the English fallback) and a visit that never needs
 * the part never downloads them. Other languages keep them in their one catalog.
 */
const attachments = {
  /** Accessible name of the list of attached files. */
  attachmentsLabel: 'Attached files',
  /** Announced when the list changes. */
  attachmentCount: {
    one: '{count} file attached',
    other: '{count} files attached',
  },
  /** Button (× icon) next to a file (`{name}`: the file name). */
  attachmentRemove: 'Remove {name}',
  /** Upload progress (`{percent}`: e.g. “42%”, formatted for the locale). */
  uploadProgress: 'Uploading… {percent}',
  /** Accessible name of a file’s progress bar. */
  uploadProgressLabel: 'Uploading {name}',
  /** Too many files; `{count}` is the most the site accepts. */
  attachmentTooMany: {
    one: 'You can attach only {count} file.',
    other: 'You can attach up to {count} files.',
  },
  /** `{size}`: the limit per file, formatted (“10 MB”). */
  attachmentTooLarge: '“{name}” is too large. Each file can be up to {size}.',
  /** `{size}`: the limit for all files together, formatted. */
  attachmentsTotalTooLarge: 'These files are too large together. The total can be up to {size}.',
  /** The file’s type is not accepted. */
  attachmentTypeNotAllowed: '“{name}” can’t be attached: this type of file isn’t allowed.',
  /** `{types}`: a list such as “PDF, PNG and JPEG” (`Intl.ListFormat`). */
  attachmentAllowedTypes: 'Allowed file types: {types}',
  /** The browser could not read the file. */
  attachmentReadFailed: '“{name}” couldn’t be read. Try attaching it again.',
  /** The file is empty (0 bytes). */
  attachmentEmpty: '“{name}” is empty.',
} as const;

export default attachments;
