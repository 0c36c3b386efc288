/**
 * Every event of the widget, public and internal, in one place: the detail type of each, the
 * list of names derived from it, and the two ways to fire them.
 *
 * Public events (`porthole-*`) bubble and are composed, so a page hears them on the element,
 * on `document` or through `Porthole('on', …)`. Internal events (`ph-*`) carry intent from a
 * view up to the panel; they are not composed and never leave the widget's shadow roots.
 */
import type { SearchHit } from '@porthole/kb';
import type { Ticket, TicketErrorCode, TicketReceipt } from '@porthole/tickets';
import type { ArticleChoice, DraftField } from './options.js';

/** Why a `porthole-error` fired. Ticket failures carry the adapter's {@link TicketErrorCode}. */
export type PortholeErrorCode =
  | 'panel-unavailable'
  | 'kb-unavailable'
  | 'search-failed'
  | 'article-unavailable'
  | `ticket-${TicketErrorCode}`;

export interface PortholeSearchDetail {
  query: string;
  /** How many hits were shown. */
  results: number;
  hits: readonly SearchHit[];
}
export interface PortholeArticleViewDetail {
  slug: string;
  locale: string;
}
export interface PortholeFeedbackDetail {
  slug: string;
  locale: string;
  helpful: boolean;
}
export interface PortholeTicketSubmitDetail {
  /** The validated ticket about to be sent. Call `preventDefault()` on the event to stop it. */
  ticket: Ticket;
}
export interface PortholeTicketCreatedDetail {
  receipt: TicketReceipt;
}
export interface PortholeErrorDetail {
  error: unknown;
  code: PortholeErrorCode;
}

/** Event name → `detail` type of every public event `porthole-widget` fires. */
export interface PortholeEventDetails {
  'porthole-open': undefined;
  'porthole-close': undefined;
  'porthole-search': PortholeSearchDetail;
  'porthole-article-view': PortholeArticleViewDetail;
  'porthole-feedback': PortholeFeedbackDetail;
  'porthole-ticket-submit': PortholeTicketSubmitDetail;
  'porthole-ticket-created': PortholeTicketCreatedDetail;
  'porthole-error': PortholeErrorDetail;
}

/** Event name → `detail` type of the internal events between the widget's own parts. */
export interface InternalEventDetails {
  /** The visitor typed a query. */
  'ph-query': string;
  /** A result or suggestion was chosen. */
  'ph-select': ArticleChoice;
  /** A link in an article leads to another article. */
  'ph-navigate': ArticleChoice;
  /** "Was this helpful?": true for Yes. */
  'ph-feedback': boolean;
  /** "Contact us" was pressed. */
  'ph-contact': undefined;
  /** "Back" (or "Back to search") was pressed. */
  'ph-back': undefined;
  /** A contact-form field changed. */
  'ph-draft': { field: DraftField; value: string };
  /** The contact form is valid and Send was pressed. */
  'ph-send': Ticket;
  /** One of the site's own fields (`fields` option) changed. */
  'ph-field': { name: string; value: string | boolean };
  /** Files were picked, dropped or pasted onto the contact form. */
  'ph-files': File[];
  /** The last attached file was removed: focus goes back to "Attach files". */
  'ph-focus-attach': undefined;
}

export type PortholeEventName = keyof PortholeEventDetails;
export type InternalEventName = keyof InternalEventDetails;

/** The `CustomEvent` a listener receives for a public event. */
export type PortholeEvent<K extends PortholeEventName> = CustomEvent<PortholeEventDetails[K]>;
/** The `CustomEvent` a listener receives for an internal event. */
export type InternalEvent<K extends InternalEventName> = CustomEvent<InternalEventDetails[K]>;

/** Spelled out as an object so the compiler checks that it lists every public event. */
const PUBLIC_EVENTS: Record<PortholeEventName, true> = {
  'porthole-open': true,
  'porthole-close': true,
  'porthole-search': true,
  'porthole-article-view': true,
  'porthole-feedback': true,
  'porthole-ticket-submit': true,
  'porthole-ticket-created': true,
  'porthole-error': true,
};

/** The names of the public events, derived from the map above. */
export const PORTHOLE_EVENT_NAMES = /* @__PURE__ */ Object.keys(
  PUBLIC_EVENTS,
) as readonly PortholeEventName[];

export function isPortholeEventName(name: unknown): name is PortholeEventName {
  return typeof name === 'string' && Object.hasOwn(PUBLIC_EVENTS, name);
}

type PortholeEventMap = { [K in PortholeEventName]: PortholeEvent<K> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends PortholeEventMap {}
}

/**
 * Fire a public event from `target`: bubbling and composed, so it reaches listeners on
 * `document` from inside any shadow root. Returns false when a listener cancelled it.
 */
export function emit<K extends PortholeEventName>(
  target: EventTarget,
  name: K,
  detail: PortholeEventDetails[K],
  cancelable = false,
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }),
  );
}

/**
 * Fire an internal event between the widget's own parts. Not composed, so it never leaves the
 * shadow root it was fired in and the host page never sees it.
 */
export function emitInternal<K extends InternalEventName>(
  target: EventTarget,
  name: K,
  ...[detail]: InternalEventDetails[K] extends undefined ? [] : [InternalEventDetails[K]]
): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }));
}
