/**
 * The styles of `porthole-widget`: the theme's custom properties, the launcher and the panel's
 * frame. Plain CSS in a constructed stylesheet (no Lit: this element is in the tiny first
 * download); the views inside the panel style themselves.
 *
 * The launcher and the panel are shown in the top layer (`popover`, `showModal()`), above any
 * `z-index` and outside any ancestor's `transform` or `position`, so the host page cannot move
 * them. The host element itself has no box (`display: contents`), which page rules such as
 * `* { position: relative !important }` cannot change: for `!important` declarations the
 * shadow tree's own win.
 */
const css = /* css */ `
  :host {
    all: initial !important;
    display: contents !important;

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
    /* Every browser the widget supports knows system-ui (the platform's interface font). */
    --porthole-font-family: system-ui, sans-serif;
    /* In em of the browser's default size (the host is all: initial, so medium): the
       visitor's font-size setting scales the widget, the page's html { font-size } cannot. */
    --porthole-font-size: 0.9375em;
    --porthole-radius: 12px;
    --porthole-shadow: 0 6px 28px rgb(0 0 0 / 0.2);
    --porthole-z-index: 2147483000;
    --porthole-offset: 20px;
    --porthole-launcher-size: 56px;
    --porthole-panel-width: max(380px, 25em);
    --porthole-panel-height: max(620px, 41em);
    --porthole-focus-ring-color: var(--porthole-link);
    --porthole-focus-ring-width: 3px;
  }
  /* An accent cannot make text unreadable: on it, black or white, whichever contrasts more
     (black once its WCAG relative luminance, Y, passes 0.179, where both ratios are 4.58:1);
     as link text on white, its lightness capped at L* 47, which keeps 4.5:1. */
  @supports (color: color(from red xyz-d65 x y z)) {
    :host {
      --porthole-accent-contrast: color(
        from var(--porthole-accent) xyz-d65 clamp(0, (0.179 - y) * 1e6, 0.9505)
          clamp(0, (0.179 - y) * 1e6, 1) clamp(0, (0.179 - y) * 1e6, 1.089)
      );
      --porthole-link: lch(from var(--porthole-accent) min(l, 47) c h);
    }
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --porthole-background: #1c1e23;
      --porthole-foreground: #eceef2;
      --porthole-muted: #aab1bd;
      --porthole-border: #3a3f48;
      --porthole-hover: #2a2e36;
      --porthole-link: #9db7ff;
      --porthole-danger: #ff8a80;
      --porthole-success: #5cc98a;
      --porthole-focus-ring-color: #9db7ff;
    }
  }
  /* Nothing inherited from the page: every property starts from its initial value here. */
  .launcher,
  .panel {
    all: initial;
    box-sizing: border-box;
    position: fixed;
    z-index: var(--porthole-z-index);
    font-family: var(--porthole-font-family);
    font-size: var(--porthole-font-size);
    line-height: 1.45;
    color: var(--porthole-foreground);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  :focus-visible {
    outline: var(--porthole-focus-ring-width) solid var(--porthole-focus-ring-color);
    outline-offset: 2px;
  }

  .launcher {
    display: grid;
    place-items: center;
    inset: auto var(--porthole-offset) var(--porthole-offset) auto;
    width: var(--porthole-launcher-size);
    height: var(--porthole-launcher-size);
    margin: 0;
    padding: 0;
    border: none;
    border-radius: 50%;
    background: var(--porthole-accent);
    color: var(--porthole-accent-contrast);
    box-shadow: var(--porthole-shadow);
    cursor: pointer;
    overflow: visible;
    -webkit-tap-highlight-color: transparent;
  }
  @media (prefers-reduced-motion: no-preference) {
    .launcher {
      transition: transform 150ms ease;
    }
    .launcher:hover {
      transform: scale(1.06);
    }
  }
  .launcher:focus-visible {
    outline-offset: 3px;
  }
  .launcher .mark {
    stroke: var(--porthole-accent);
  }
  /* High contrast themes drop shadows and backgrounds: keep the launcher's outline. */
  @media (forced-colors: active) {
    .launcher {
      border: 2px solid ButtonText;
    }
  }
  .launcher[aria-expanded='true'] .closed,
  .launcher[aria-expanded='false'] .opened {
    display: none;
  }
  /* Bottom left: position="bottom-left", or the default bottom-end on a right-to-left page. */
  .launcher.left {
    inset: auto auto var(--porthole-offset) var(--porthole-offset);
  }

`;

/** The dialog's frame: parsed when the dialog is first built, not on every page load. */
const panelCss = /* css */ `
  .panel {
    display: flex;
    flex-direction: column;
    /* Above the launcher, in its corner. */
    inset: auto var(--porthole-offset)
      calc(var(--porthole-offset) + var(--porthole-launcher-size) + 12px) auto;
    width: var(--porthole-panel-width);
    height: var(--porthole-panel-height);
    max-width: calc(100vw - 16px);
    max-height: calc(100dvh - var(--porthole-offset) - var(--porthole-launcher-size) - 20px);
    margin: 0;
    padding: 0;
    background: var(--porthole-background);
    border: 1px solid var(--porthole-border);
    border-radius: var(--porthole-radius);
    box-shadow: var(--porthole-shadow);
    overflow: hidden;
  }
  .panel:not(:modal):not(:popover-open):not([open]) {
    display: none;
  }
  .panel.left {
    inset: auto auto calc(var(--porthole-offset) + var(--porthole-launcher-size) + 12px)
      var(--porthole-offset);
  }
  /* Without the launcher it sits in the launcher's corner; next to a page's button, Floating UI
     sets left and top. */
  :host([no-launcher]) .panel {
    bottom: var(--porthole-offset);
    max-height: calc(100dvh - 2 * var(--porthole-offset));
  }
  .panel[data-anchored] {
    inset: 0 auto auto 0;
    max-height: calc(100dvh - 16px);
  }
  /* Not visibility: hidden, which would refuse focus while Floating UI measures. */
  .panel[data-placing] {
    opacity: 0;
  }
  /* The modal sheet of small screens. */
  .panel.sheet {
    inset: 0;
    width: 100%;
    height: 100%;
    max-width: none;
    max-height: none;
    border: none;
    border-radius: 0;
    overscroll-behavior: contain;
  }
  .panel::backdrop {
    background: rgb(0 0 0 / 0.3);
  }
  @keyframes porthole-panel-in {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .panel {
      animation: porthole-panel-in 160ms ease-out;
    }
  }

  .header {
    display: flex;
    flex: none;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
    padding: 0.5em;
    padding-inline-start: 1em;
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
    margin: 0;
    padding: 0.35em;
    border: 1px solid transparent;
    border-radius: calc(var(--porthole-radius) / 2);
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .close:focus-visible {
    outline-color: var(--porthole-accent-contrast);
    outline-offset: 0;
  }
  .body {
    flex: 1;
    min-height: 0;
    overflow: auto;
    overscroll-behavior: contain;
    padding: 1em;
  }
  .pending {
    margin: 0;
    padding: 1em 0;
    color: var(--porthole-muted);
  }
  .pending:focus {
    outline: none;
  }
  .retry {
    margin-top: 0.5em;
    padding: 0.5em 1em;
    border: 1px solid var(--porthole-border);
    border-radius: calc(var(--porthole-radius) / 2);
    background: transparent;
    color: var(--porthole-foreground);
    font: inherit;
    cursor: pointer;
  }
`;

const sheets = new Map<string, CSSStyleSheet>();

/** One constructed stylesheet per text, shared by every `porthole-widget` of the page. */
function sheetOf(text: string): CSSStyleSheet {
  let sheet = sheets.get(text);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    sheets.set(text, sheet);
  }
  return sheet;
}

/** The theme's custom properties and the launcher. */
export const widgetStyles = (): CSSStyleSheet => sheetOf(css);
/** The dialog's frame. */
export const panelStyles = (): CSSStyleSheet => sheetOf(panelCss);
