import { css } from 'lit';

export default css`
  :host {
    display: block;
  }
  ul {
    list-style: none;
    margin: 0.5em 0 0;
    padding: 0;
    display: grid;
    gap: 0.4em;
  }
  li {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto auto;
    align-items: center;
    gap: 0.2em 0.6em;
    padding: 0.4em 0.3em 0.4em 0.7em;
    border: 1px solid var(--porthole-border);
    border-radius: calc(var(--porthole-radius) / 2);
  }
  .failed {
    border-color: var(--porthole-danger);
  }
  .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .size,
  .status {
    font-size: 0.88em;
  }
  .remove {
    display: grid;
    place-items: center;
    padding: 0.35em;
    background: none;
    color: var(--porthole-muted);
  }
  progress {
    grid-column: 1 / 2;
    width: 100%;
    height: 0.4em;
    accent-color: var(--porthole-accent);
  }
  .error {
    grid-column: 1 / -1;
    margin: 0;
    font-size: 0.88em;
    color: var(--porthole-danger);
  }
  /* Read out, not shown: the list says it already. */
  .announce {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    margin: 0;
  }
`;
