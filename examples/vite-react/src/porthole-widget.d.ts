// <porthole-widget> in JSX: its attributes, React 19's listener props for its events, a ref.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { PortholeEvent, PortholeWidget } from '@porthole/widget';

type PortholeWidgetProps = DetailedHTMLProps<HTMLAttributes<PortholeWidget>, PortholeWidget> & {
  kb?: string;
  endpoint?: string;
  locale?: string;
  position?: 'bottom-right' | 'bottom-left';
  accent?: string;
  shortcut?: string;
  'no-launcher'?: boolean;
  'onporthole-ticket-created'?: (event: PortholeEvent<'porthole-ticket-created'>) => void;
  'onporthole-error'?: (event: PortholeEvent<'porthole-error'>) => void;
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'porthole-widget': PortholeWidgetProps;
    }
  }
}
