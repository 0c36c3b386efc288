import { css } from 'lit';

/**
 * What article bodies may contain beyond plain Markdown, as the compiler writes it (static,
 * sanitized HTML; no script): callouts (`.porthole-callout-<note|tip|important|warning|danger>`,
 * a `<details>` when collapsible), tabs (`.porthole-tabs` of `<details>`), footnotes,
 * definition lists, cards and badges, and code highlighted by highlight.js (`.hljs-*` spans).
 * Colours come from optional custom properties (`--porthole-callout-tip`,
 * `--porthole-code-keyword` …) with defaults for light and dark pages.
 */
export default css`
  .body pre {
    /* Long lines wrap inside the panel instead of scrolling it sideways. */
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    tab-size: 2;
    max-width: 100%;
  }
  .body pre code {
    display: block;
  }
  .body :not(pre) > code {
    padding: 0.1em 0.3em;
    border-radius: 4px;
    background: var(--porthole-hover);
  }
  .hljs-keyword,
  .hljs-selector-tag,
  .hljs-meta .hljs-keyword,
  .hljs-doctag {
    color: var(--porthole-code-keyword, #cf222e);
  }
  .hljs-string,
  .hljs-regexp,
  .hljs-meta .hljs-string {
    color: var(--porthole-code-string, #0a3069);
  }
  .hljs-number,
  .hljs-literal,
  .hljs-attr,
  .hljs-attribute,
  .hljs-variable,
  .hljs-template-variable,
  .hljs-selector-attr,
  .hljs-selector-class,
  .hljs-selector-id {
    color: var(--porthole-code-constant, #0550ae);
  }
  .hljs-title,
  .hljs-title.function_,
  .hljs-section,
  .hljs-name {
    color: var(--porthole-code-title, #6639ba);
  }
  .hljs-built_in,
  .hljs-type,
  .hljs-symbol,
  .hljs-bullet {
    color: var(--porthole-code-type, #953800);
  }
  .hljs-comment,
  .hljs-quote,
  .hljs-meta {
    color: var(--porthole-code-comment, var(--porthole-muted));
    font-style: italic;
  }
  .hljs-addition {
    color: var(--porthole-code-addition, #116329);
  }
  .hljs-deletion {
    color: var(--porthole-code-deletion, #82071e);
  }
  .hljs-emphasis {
    font-style: italic;
  }
  .hljs-strong {
    font-weight: bold;
  }
  @media (prefers-color-scheme: dark) {
    .hljs-keyword,
    .hljs-selector-tag,
    .hljs-doctag {
      color: var(--porthole-code-keyword, #ff7b72);
    }
    .hljs-string,
    .hljs-regexp {
      color: var(--porthole-code-string, #a5d6ff);
    }
    .hljs-number,
    .hljs-literal,
    .hljs-attr,
    .hljs-attribute,
    .hljs-variable,
    .hljs-selector-class {
      color: var(--porthole-code-constant, #79c0ff);
    }
    .hljs-title,
    .hljs-section,
    .hljs-name {
      color: var(--porthole-code-title, #d2a8ff);
    }
    .hljs-built_in,
    .hljs-type {
      color: var(--porthole-code-type, #ffa657);
    }
  }

  .porthole-callout {
    --porthole-callout-color: var(--porthole-callout-note, var(--porthole-link));
    margin: 0 0 0.8em;
    padding: 0.5em 0.8em;
    border-left: 4px solid var(--porthole-callout-color);
    border-radius: 0 calc(var(--porthole-radius) / 3) calc(var(--porthole-radius) / 3) 0;
    background: var(--porthole-hover);
  }
  .porthole-callout-tip {
    --porthole-callout-color: var(--porthole-callout-tip, var(--porthole-success));
  }
  .porthole-callout-important {
    --porthole-callout-color: var(--porthole-callout-important, #8250df);
  }
  .porthole-callout-warning {
    --porthole-callout-color: var(--porthole-callout-warning, #9a6700);
  }
  .porthole-callout-danger {
    --porthole-callout-color: var(--porthole-callout-danger, var(--porthole-danger));
  }
  .porthole-callout-title {
    margin: 0 0 0.3em;
    font-weight: 600;
    color: var(--porthole-callout-color);
  }
  .porthole-callout > :last-child {
    margin-bottom: 0;
  }
  details.porthole-callout > summary {
    cursor: pointer;
  }
  details.porthole-callout:not([open]) > summary {
    margin-bottom: 0;
  }

  .porthole-tabs {
    margin: 0 0 0.8em;
    border: 1px solid var(--porthole-border);
    border-radius: calc(var(--porthole-radius) / 3);
  }
  .porthole-tab + .porthole-tab {
    border-top: 1px solid var(--porthole-border);
  }
  .porthole-tab > summary {
    padding: 0.4em 0.8em;
    font-weight: 600;
    cursor: pointer;
  }
  .porthole-tab[open] > summary {
    border-bottom: 1px solid var(--porthole-border);
  }
  .porthole-tab > :not(summary) {
    margin-left: 0.8em;
    margin-right: 0.8em;
  }

  .body details:not(.porthole-tab):not(.porthole-callout) {
    margin: 0 0 0.8em;
  }
  .body summary:focus-visible {
    outline: var(--porthole-focus-ring-width) solid var(--porthole-focus-ring-color);
    outline-offset: 2px;
  }

  .body dl {
    margin: 0 0 0.8em;
  }
  .body dt {
    font-weight: 600;
  }
  .body dd {
    margin: 0 0 0.5em 1.2em;
  }

  .porthole-footnote-ref {
    line-height: 0;
  }
  .porthole-footnotes {
    font-size: 0.9em;
    color: var(--porthole-muted);
  }
  .porthole-footnotes hr {
    border: 0;
    border-top: 1px solid var(--porthole-border);
  }
  .porthole-footnote-back {
    text-decoration: none;
  }

  .porthole-card {
    margin: 0 0 0.8em;
    padding: 0.5em 0.8em;
    border: 1px solid var(--porthole-border);
    border-radius: calc(var(--porthole-radius) / 3);
  }
  .porthole-card-title {
    margin: 0 0 0.3em;
    font-weight: 600;
  }
  .porthole-badge {
    padding: 0 0.4em;
    border: 1px solid var(--porthole-border-strong);
    border-radius: 999px;
    font-size: 0.85em;
  }
`;
