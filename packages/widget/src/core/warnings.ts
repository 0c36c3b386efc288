/** Where each warning code is explained. */
const DOCS = 'https://github.com/porthole-help/porthole/blob/main/docs/api.md#warning-';

const issued = new Set<string>();

/**
 * Warn once per distinct message, with a code and a link to the docs (Lit's `issueWarning`).
 * Warnings go to `console.warn`, never `console.error`, and never throw into the host page.
 */
export function issueWarning(code: string, message: string): void {
  const key = `${code} ${message}`;
  if (issued.has(key)) return;
  issued.add(key);
  console.warn(`[porthole] ${message} (${code}: ${DOCS}${code})`);
}
