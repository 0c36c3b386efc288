import { css } from 'lit';

export default css`
  :host {
    display: block;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.3em;
    margin-bottom: 0.9em;
  }
  label {
    font-weight: 600;
    font-size: 0.92em;
  }
  input,
  textarea,
  select {
    font: inherit;
    /* Below 16 px, phones zoom the page in when the field gets focus. */
    font-size: max(1em, 16px);
    width: 100%;
    padding: 0.5em 0.7em;
    color: var(--porthole-foreground);
    background: var(--porthole-background);
    border: 1px solid var(--porthole-border-strong);
    border-radius: calc(var(--porthole-radius) / 2);
  }
  textarea {
    resize: vertical;
    min-height: 6em;
  }
  [aria-invalid='true'] {
    border-color: var(--porthole-danger);
  }
  .field-error {
    margin: 0;
    font-size: 0.88em;
    color: var(--porthole-danger);
  }
  .error {
    margin-bottom: 0.9em;
    padding: 0.7em 0.8em;
    border: 1px solid var(--porthole-danger);
    border-radius: calc(var(--porthole-radius) / 2);
  }
  .error p {
    margin: 0 0 0.5em;
  }
  .actions {
    display: flex;
    align-items: center;
    gap: 0.75em;
  }
  .note {
    font-size: 0.85em;
  }
  .check {
    flex-direction: row;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3em 0.5em;
  }
  .check input {
    width: auto;
    margin: 0;
    accent-color: var(--porthole-accent);
  }
  .check label {
    font-weight: normal;
    flex: 1;
  }
  .check .field-error {
    flex-basis: 100%;
  }
`;
