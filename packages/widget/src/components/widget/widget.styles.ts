import { css } from 'lit';

export default css`
  :host {
    /* Shield the widget from the page's inherited text styles (custom properties survive). */
    all: initial;
    box-sizing: border-box;

    --porthole-accent: #2150d0;
    --porthole-accent-contrast: #ffffff;
    --porthole-background: #ffffff;
    --porthole-foreground: #1b1d22;
    --porthole-muted: #545b67;
    --porthole-border: #dde1e8;
    --porthole-border-strong: #7f8796;
    --porthole-hover: #eef2fa;
    --porthole-link: var(--porthole-accent);
    --porthole-danger: #b3261e;
    --porthole-success: #1d7a43;
    --porthole-font-family:
      system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --porthole-font-size: 15px;
    --porthole-radius: 12px;
    --porthole-shadow: 0 6px 28px rgb(0 0 0 / 0.2);
    --porthole-z-index: 2147483000;
    --porthole-offset: 20px;
    --porthole-launcher-size: 56px;
    --porthole-panel-width: 380px;
    --porthole-panel-height: 620px;
    --porthole-focus-ring-color: var(--porthole-accent);
    --porthole-focus-ring-width: 3px;

    display: block;
    position: fixed;
    z-index: var(--porthole-z-index);
    bottom: var(--porthole-offset);
    right: var(--porthole-offset);
    font-family: var(--porthole-font-family);
    font-size: var(--porthole-font-size);
    line-height: 1.45;
    color: var(--porthole-foreground);
  }
  /* The loading state (code on its way) and "the contact form can't be loaded". */
  .pending {
    margin: 0;
    padding: 1em 0;
  }
  .pending:focus {
    outline: none;
  }
  .pending .actions {
    display: flex;
    gap: 1em;
    align-items: center;
  }
  :host([position='bottom-left']) {
    right: auto;
    left: var(--porthole-offset);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --porthole-background: #1c1e23;
      --porthole-foreground: #eceef2;
      --porthole-muted: #aab1bd;
      --porthole-border: #3a3f48;
      --porthole-border-strong: #7f8796;
      --porthole-hover: #2a2e36;
      --porthole-link: #9db7ff;
      --porthole-danger: #ff8a80;
      --porthole-success: #5cc98a;
      --porthole-focus-ring-color: #9db7ff;
    }
  }
`;
