import { css } from 'lit';

export default css`
  :host {
    display: block;
    text-align: center;
    padding-top: 1em;
  }
  .icon {
    color: var(--porthole-success);
  }
  .waiting {
    color: var(--porthole-muted);
  }
  .tick {
    stroke: var(--porthole-background);
  }
  .reference {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 1.1em;
    letter-spacing: 0.03em;
    user-select: all;
  }
`;
