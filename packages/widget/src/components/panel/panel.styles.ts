import { css } from 'lit';

export default css`
  :host {
    display: block;
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
`;
