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
const VIEWS: readonly string[] = ['search', 'article', 'contact', 'confirmation'];

const text = (value: unknown, max: number) =>
  typeof value === 'string' && value.length <= max ? value : undefined;

/** The saved state, or undefined when there is none or it is not one this version wrote. */
export function readSession(): SessionState | undefined {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (typeof saved !== 'object' || saved === null) return undefined;
    const { open, view, query, article, scroll, hash } = saved as Record<string, unknown>;
    if (typeof open !== 'boolean' || !VIEWS.includes(view as string)) return undefined;
    const state: SessionState = {
      open,
      view: view as WidgetView,
      query: text(query, 1000) ?? '',
      scroll: typeof scroll === 'number' && scroll > 0 ? scroll : 0,
      hash: text(hash, 4000) ?? '',
    };
    const { slug, locale, section } = (article ?? {}) as Record<string, unknown>;
    if (text(slug, 500) && text(locale, 35)) {
      state.article = { slug: slug as string, locale: locale as string };
      if (text(section, 500)) state.article.section = section as string;
    }
    return state;
  } catch {
    // No storage (privacy settings, sandboxed frame) or not JSON: nothing to resume.
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
