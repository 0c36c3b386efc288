import { css } from 'lit';

export default css`
  :host {
    display: block;
    line-height: 1.55;
  }
  .body {
    overflow-wrap: anywhere;
    padding-top: 0.5em;
  }
  /* The rest of a long article, inserted piece by piece. Off-screen pieces are neither laid
     out nor painted, so a 5 MB article costs what its visible part costs. */
  .rest {
    display: contents;
  }
  .piece {
    content-visibility: auto;
    contain-intrinsic-size: auto 2000px;
  }
  .top {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--porthole-background);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    align-items: baseline;
    margin-bottom: 0.5em;
  }
  .bar .back {
    margin: 0;
  }
  .top h2 {
    margin: 0;
    padding-bottom: 0.5em;
    border-bottom: 1px solid var(--porthole-border);
  }
  .body :where(h2, h3, h4) {
    line-height: 1.3;
    margin: 1.2em 0 0.4em;
    scroll-margin-top: calc(var(--porthole-pinned, 0px) + 0.5em);
  }
  .body h2 {
    font-size: 1.1em;
  }
  .body h3 {
    font-size: 1em;
  }
  .body :where(p, ul, ol, pre, table, blockquote) {
    margin: 0 0 0.8em;
  }
  .body a {
    color: var(--porthole-link);
  }
  .body img {
    max-width: 100%;
    height: auto;
  }
  .body pre {
    overflow: auto;
    padding: 0.6em;
    background: var(--porthole-hover);
    border-radius: calc(var(--porthole-radius) / 2);
  }
  .body code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.92em;
  }
  .body table {
    border-collapse: collapse;
    display: block;
    overflow: auto;
  }
  .body :where(th, td) {
    border: 1px solid var(--porthole-border);
    padding: 0.3em 0.5em;
  }
  .body blockquote {
    border-inline-start: 3px solid var(--porthole-border-strong);
    padding-inline-start: 0.8em;
    color: var(--porthole-muted);
  }
  .feedback {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-top: 1.5em;
    padding-top: 1em;
    border-top: 1px solid var(--porthole-border);
  }
  .feedback button {
    padding: 0.3em 1em;
  }
  .related h3 {
    font-size: 1em;
    margin: 1.5em 0 0.5em;
  }
  .related ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .related li {
    margin: 0.4em 0;
  }
`;
