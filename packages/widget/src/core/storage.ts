/**
 * Where the widget keeps what a visitor wrote, and for how long:
 *
 * - the unsent draft in `sessionStorage` (`porthole:draft:…`): it survives a reload of the tab,
 *   never the tab itself, and other tabs never see it;
 * - tickets the visitor has sent but the server has not yet acknowledged in `localStorage`
 *   (`porthole:outbox:…`, see `controllers/outbox.ts`), so a reload, another tab or the next
 *   visit can deliver them.
 *
 * This module is part of `porthole.js`: it is what the page-level element needs to tidy up at
 * start and at logout without loading the panel.
 */
export const DRAFT_PREFIX = 'porthole:draft:';
export const OUTBOX_PREFIX = 'porthole:outbox:';

/** The keys of `storage` that start with `prefix`; none when storage is unusable. */
export function keysOf(storage: () => Storage, prefix: string): string[] {
  try {
    return Object.keys(storage()).filter((key) => key.startsWith(prefix));
  } catch {
    // Disabled storage, or a sandboxed frame where merely reading it throws.
    return [];
  }
}

/**
 * At start: move drafts that 0.1.0 kept in `localStorage` (there from the first keystroke,
 * for anyone using the browser later) into this tab's `sessionStorage`, and say whether the
 * outbox holds tickets waiting to be delivered.
 */
export function tidyStorage(): boolean {
  try {
    for (const key of keysOf(() => localStorage, DRAFT_PREFIX)) {
      sessionStorage.setItem(key, sessionStorage.getItem(key) ?? localStorage.getItem(key) ?? '');
      localStorage.removeItem(key);
    }
  } catch {
    // Storage that refuses keeps nothing worth moving.
  }
  return keysOf(() => localStorage, OUTBOX_PREFIX).length > 0;
}

/** At logout: this tab's drafts and the whole outbox (everything the widget keeps), gone. */
export function forgetStored(): void {
  for (const storage of [() => sessionStorage, () => localStorage]) {
    for (const key of keysOf(storage, 'porthole:')) storage().removeItem(key);
  }
}
