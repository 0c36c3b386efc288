/**
 * The panel's state within one browser tab, kept in `sessionStorage` across reloads and
 * navigations on the same site: whether it was open, what it showed and how far it was
 * scrolled. Nothing leaves the browser, and the tab forgets it when it closes.
 */
import type { ArticleChoice, WidgetView } from '../../core/options.js';

/** What the panel shows, as `porthole-panel` reports it and takes it back. */
export interface PanelState {
  view: WidgetView;
  /** The search field's text. */
  query: string;
  /** The article shown (or the one the form was opened from). */
  article?: ArticleChoice;
}

export interface SessionState extends PanelState {
  open: boolean;
  /** How far the panel's body was scrolled, in CSS pixels. */
  scroll: number;
  /** The page's URL fragment when it was saved: a deep link in it was already followed. */
  hash: string;
}

/** Bump when the stored shape changes; other versions are then ignored, never misread. */
const KEY = 'porthole:session:v1';

/**
 * The saved state, or undefined when there is none. Only this version writes under this key;
 * `porthole-panel`'s `restore()` still takes from it only what it can show.
 */
export function readSession(): SessionState | undefined {
  try {
    const state = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as SessionState | null;
    return typeof state?.open === 'boolean' ? state : undefined;
  } catch {
    // No storage (privacy settings, a sandboxed frame) or not JSON: nothing to resume.
    return undefined;
  }
}

export function writeSession(state: SessionState): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // No storage or full: the next page starts afresh.
  }
}
