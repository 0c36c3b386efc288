import { css } from 'lit';

export default css`
  :host {
    display: inline-block;
    border-radius: 50%;
    cursor: pointer;
    -webkit-tap-highlight-color: transparent;
  }
  :host(:focus-visible) {
    outline: var(--porthole-focus-ring-width) solid var(--porthole-focus-ring-color);
    outline-offset: 3px;
  }
  .base {
    display: grid;
    place-items: center;
    width: var(--porthole-launcher-size);
    height: var(--porthole-launcher-size);
    border-radius: 50%;
    background: var(--porthole-accent);
    color: var(--porthole-accent-contrast);
    box-shadow: var(--porthole-shadow);
    transition: transform 150ms ease;
  }
  .mark {
    stroke: var(--porthole-accent);
  }
  :host(:hover) .base {
    transform: scale(1.06);
  }
  @media (prefers-reduced-motion: reduce) {
    .base {
      transition: none;
    }
    :host(:hover) .base {
      transform: none;
    }
  }
`;
