import { css } from 'lit';

export default css`
  :host {
    position: fixed;
    left: 0;
    top: 0;
    display: flex;
    flex-direction: column;
    width: var(--porthole-panel-width);
    height: var(--porthole-panel-height);
    max-width: calc(100vw - 16px);
    max-height: calc(100vh - 16px);
    background: var(--porthole-background);
    color: var(--porthole-foreground);
    border: 1px solid var(--porthole-border);
    border-radius: var(--porthole-radius);
    box-shadow: var(--porthole-shadow);
    overflow: hidden;
    animation: porthole-panel-in 160ms ease-out;
  }
  :host(:not([open])) {
    display: none;
  }
  :host([sheet]) {
    inset: 0;
    width: 100%;
    height: 100%;
    max-width: none;
    max-height: none;
    border: none;
    border-radius: 0;
  }
  @keyframes porthole-panel-in {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      animation: none;
    }
  }
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
    padding: 0.5em 0.5em 0.5em 1em;
    background: var(--porthole-accent);
    color: var(--porthole-accent-contrast);
  }
  .title {
    font-weight: 600;
    font-size: 1.05em;
  }
  .close {
    display: grid;
    place-items: center;
    padding: 0.35em;
    background: transparent;
    color: inherit;
  }
  .close:focus-visible {
    outline-color: var(--porthole-accent-contrast);
    outline-offset: 0;
  }
  .body {
    flex: 1;
    overflow: auto;
    overscroll-behavior: contain;
    padding: 1em;
  }
`;
