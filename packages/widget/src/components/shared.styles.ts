import { css } from 'lit';

/**
 * Rules every part of the widget shares: box sizing, the focus ring and the two button looks.
 * Colours and sizes come from the `--porthole-*` custom properties that `porthole-widget`
 * defines on its `:host`; they inherit into every nested shadow root.
 */
export const sharedStyles = css`
  /* Set directly, not inherited from the host: page CSS can reach the host element. */
  :host,
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  :focus-visible {
    outline: var(--porthole-focus-ring-width) solid var(--porthole-focus-ring-color);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: calc(var(--porthole-radius) / 2);
    padding: 0.5em 1em;
    border: 1px solid transparent;
  }
  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  .primary {
    background: var(--porthole-accent);
    color: var(--porthole-accent-contrast);
  }
  .secondary {
    background: transparent;
    color: var(--porthole-foreground);
    border-color: var(--porthole-border);
  }
  .link {
    background: none;
    border: none;
    padding: 0;
    color: var(--porthole-link);
    text-decoration: underline;
  }
  h2 {
    font-size: 1.2em;
    line-height: 1.3;
    margin: 0 0 0.75em;
  }
  h2:focus {
    outline: none;
  }
  .back {
    margin-bottom: 0.75em;
    text-decoration: none;
  }
  svg {
    vertical-align: -0.125em;
  }
  /* Icons that point (Back, chevrons) point the other way in right-to-left text. */
  .flip:dir(rtl) {
    transform: scaleX(-1);
  }
  .contact {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    align-items: baseline;
    margin: 1.25em 0 0;
    padding-top: 1em;
    border-top: 1px solid var(--porthole-border);
  }
  .muted {
    color: var(--porthole-muted);
  }
`;
