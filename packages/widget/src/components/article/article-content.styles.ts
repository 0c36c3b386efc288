import { css } from 'lit';

/**
 * What article bodies may contain beyond plain Markdown, as the compiler writes it (static,
 * sanitized HTML, no script): callouts (`.porthole-callout-<note|tip|important|warning|danger>`,
 * a `<details>` when collapsible), tabs (`.porthole-tabs` of `<details>`) and code highlighted
 * by highlight.js (`.hljs-*` spans). Kept to the few rules that carry meaning: the widget's
 * whole-visit size budget had about 0.3 kB left for them. Long code lines wrap.
 */
export default css`
  .body pre {
    white-space: pre-wrap;
  }
  .hljs-keyword {
    color: #d1242f;
  }
  .hljs-string {
    color: #1a7f37;
  }
  .porthole-callout {
    padding: 0 0.8em;
    border-inline-start: 4px solid var(--porthole-link);
    background: var(--porthole-hover);
  }
  .porthole-callout-warning,
  .porthole-callout-danger {
    border-color: var(--porthole-danger);
  }
  .porthole-callout-title {
    font-weight: 600;
  }
`;
