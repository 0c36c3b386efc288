import type { SearchHit } from '@porthole/kb';
import type { Ticket, TicketErrorCode, TicketReceipt } from '@porthole/tickets';

/** Why a `porthole-error` fired. Ticket failures carry the adapter's {@link TicketErrorCode}. */
export type PortholeErrorCode =
  'kb-unavailable' | 'search-failed' | 'article-unavailable' | `ticket-${TicketErrorCode}`;

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

export type PortholeEventName = keyof PortholeEventDetails;

declare global {
  interface GlobalEventHandlersEventMap {
    'porthole-open': CustomEvent<undefined>;
    'porthole-close': CustomEvent<undefined>;
    'porthole-search': CustomEvent<PortholeSearchDetail>;
    'porthole-article-view': CustomEvent<PortholeArticleViewDetail>;
    'porthole-feedback': CustomEvent<PortholeFeedbackDetail>;
    'porthole-ticket-submit': CustomEvent<PortholeTicketSubmitDetail>;
    'porthole-ticket-created': CustomEvent<PortholeTicketCreatedDetail>;
    'porthole-error': CustomEvent<PortholeErrorDetail>;
  }
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
 * widget's shadow root and the host page never sees it.
 */
export function emitInternal<T>(target: EventTarget, name: string, detail?: T): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }));
}
