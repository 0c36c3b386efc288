import { css } from 'lit';

export default css`
  :host {
    display: block;
  }
  h2 {
    margin: 0;
  }
  .intro {
    margin: 0.2em 0 0.8em;
  }
  .field {
    position: relative;
    display: flex;
    align-items: center;
  }
  .field > svg {
    position: absolute;
    inset-inline-start: 0.7em;
    color: var(--porthole-muted);
    pointer-events: none;
  }
  input {
    width: 100%;
    font: inherit;
    /* Below 16 px, phones zoom the page in when the field gets focus. */
    font-size: max(1em, 16px);
    padding: 0.6em 2.4em;
    color: var(--porthole-foreground);
    background: var(--porthole-background);
    border: 1px solid var(--porthole-border-strong);
    border-radius: calc(var(--porthole-radius) / 2);
  }
  input::placeholder {
    color: var(--porthole-muted);
    opacity: 1;
  }
  .clear {
    position: absolute;
    inset-inline-end: 0.2em;
    display: grid;
    padding: 0.4em;
    background: none;
    color: var(--porthole-muted);
  }
  .status {
    min-height: 1.4em;
    margin: 0.5em 0;
    font-size: 0.9em;
  }
  .status:empty {
    margin: 0;
    min-height: 0;
  }
  .heading {
    display: block;
    margin: 0.75em 0 0.25em;
    font-size: 0.85em;
    font-weight: 600;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: flex;
    flex-direction: column;
    gap: 0.15em;
    padding: 0.6em 0.7em;
    border-radius: calc(var(--porthole-radius) / 2);
    cursor: pointer;
  }
  li:hover,
  li[aria-selected='true'] {
    background: var(--porthole-hover);
  }
  li[aria-selected='true'] {
    outline: 2px solid var(--porthole-link);
    outline-offset: -2px;
  }
  .head {
    display: flex;
    align-items: baseline;
    gap: 0.5em;
  }
  .badge {
    font-size: 0.75em;
    padding: 0 0.4em;
    border: 1px solid var(--porthole-border-strong);
    border-radius: 0.3em;
    color: var(--porthole-muted);
  }
  .title {
    font-weight: 600;
    color: var(--porthole-link);
  }
  .section {
    font-size: 0.9em;
  }
  .section::before {
    content: '› ';
  }
  mark {
    background: none;
    color: inherit;
    font-weight: 700;
    text-decoration: underline 0.12em;
    text-underline-offset: 0.15em;
  }
  .no-match button {
    margin-top: 0.25em;
  }
  .snippet {
    font-size: 0.88em;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
`;
