import { useEffect, useRef, useState } from 'react';
// Registers <porthole-widget>. The panel, search and form load later, as chunks of their own.
import '@porthole/widget';
import type { PortholeWidget } from '@porthole/widget';

/**
 * A page with its own "Need help?" button: the widget's launcher is off (`no-launcher`) and
 * `data-porthole-open` on the button opens the panel next to it. React 19 passes objects as
 * properties and `on<event>` props as listeners to custom elements.
 */
export function App() {
  const widget = useRef<PortholeWidget>(null);
  const [reference, setReference] = useState<string>();

  useEffect(() => {
    widget.current?.identify({ name: 'Ana Kovač', email: 'ana@example.com' });
  }, []);

  return (
    <main>
      <h1>Quayside</h1>
      <p>
        <button type="button" data-porthole-open>
          Need help?
        </button>{' '}
        <button type="button" onClick={() => void widget.current?.search('refund')}>
          How do refunds work?
        </button>
      </p>
      {reference && <p role="status">Thanks! Your reference is {reference}.</p>}
      <porthole-widget
        ref={widget}
        kb="/kb/"
        endpoint="/v1/tickets"
        no-launcher
        shortcut="Mod+/"
        onporthole-ticket-created={(event) => setReference(event.detail.receipt.reference)}
      />
    </main>
  );
}
