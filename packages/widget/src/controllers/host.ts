import type { KnowledgeBase } from '@porthole/kb';
import type { TicketAdapter } from '@porthole/tickets';
import type { ReactiveControllerHost } from 'lit';
import type { ChunkLoader } from '../core/chunk-loader.js';
import type { AttachmentLimits, PortholeUser } from '../core/options.js';
import type { Translator } from '../i18n/translator.js';

/**
 * What the workflow controllers read from the element they serve (`porthole-panel`): the
 * widget's options, the visitor, the text and the loader of lazily loaded code. Public events
 * are fired on it; they bubble and are composed, so pages hear them on `porthole-widget`.
 */
export interface PanelHost extends ReactiveControllerHost, HTMLElement {
  kb: string;
  endpoint: string;
  locale: string;
  knowledgeBase: KnowledgeBase | undefined;
  adapter: TicketAdapter | undefined;
  user: PortholeUser;
  /** The `fields` option as the page gave it (checked by the contact controller). */
  fields: unknown;
  attachments: boolean | AttachmentLimits;
  /** The interface's words, in the page's language. */
  i18n: Translator;
  chunks: ChunkLoader;
  open: boolean;
}

/** Wait `ms`, or reject as soon as `signal` aborts (a newer run superseded this one). */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
