import type { ShellKey } from '../../i18n/locales/en-shell.js';
import type { TextDirection } from '../../i18n/resolve.js';

/** The words of the launcher and the dialog's frame, in the interface language. */
export type ShellText = (key: ShellKey) => string;

/** The parts of `porthole-widget`'s shadow root that it updates. */
export interface WidgetDom {
  launcher: HTMLButtonElement;
  /** The dialog, built (with its styles) the first time it is asked for. */
  readonly panel: HTMLDialogElement;
  /** The dialog if it has been built: nothing to close or sync before that. */
  readonly builtPanel: HTMLDialogElement | undefined;
  /** The dialog's scrolling body (built with the dialog). */
  readonly scroller: HTMLElement;
  /** Words and language of the launcher and the dialog's frame (`lang`, `dir`). */
  setText(text: ShellText, lang: string, dir: TextDirection): void;
  /** The direction of the texts, as last set. */
  readonly dir: TextDirection;
  /** Put the launcher and the panel in the bottom-left corner (else bottom right). */
  setLeft(left: boolean): void;
  /** Put the loaded panel into the dialog's body, replacing the loading line. */
  showPanel(content: HTMLElement): void;
  /** The panel's code could not be loaded: say so, with "Try again". */
  showFailure(): void;
  /** Focus the loading line (or the failure), while the panel's code is on its way. */
  focusPending(): void;
}

export interface WidgetActions {
  toggle(): void;
  close(): void;
  /** Wire up the dialog once it exists (cancel, close, keys). */
  panelBuilt(panel: HTMLDialogElement): void;
  /** The visitor is about to need the panel: start loading it. */
  preload(): void;
  retry(): void;
}

const SVG = 'http://www.w3.org/2000/svg';

function svgIcon(part: string | undefined, paths: [d: string, attributes?: string][]) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  if (part) svg.setAttribute('part', part);
  for (const [d, attributes = ''] of paths) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    for (const pair of attributes.split(' ').filter(Boolean)) {
      const [name = '', value = ''] = pair.split('=');
      path.setAttribute(name, value);
    }
    svg.append(path);
  }
  return svg;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

const STROKE = 'fill=none stroke=currentColor stroke-linecap=round stroke-linejoin=round';

/**
 * Build the launcher and, when first needed, the dialog's frame with DOM calls (no template
 * parser, no `innerHTML`: this is the code every page downloads). Text is only ever set as
 * text. The dialog waits because a page that never opens it should not pay for it.
 */
export function createWidgetDom(
  root: ShadowRoot,
  actions: WidgetActions,
  panelStyles: () => CSSStyleSheet,
): WidgetDom {
  const bubble = svgIcon('launcher__icon', [
    [
      'M12 3C7 3 3 6.6 3 11c0 2.3 1.1 4.4 2.9 5.9L5 21l4.3-2.4c.9.3 1.8.4 2.7.4 5 0 9-3.6 9-8s-4-8-9-8z',
      'fill=currentColor',
    ],
    [
      'M10 9.2a2 2 0 1 1 2.9 1.8c-.6.3-.9.8-.9 1.4v.4M12 15.4v.1',
      'class=mark fill=none stroke-width=1.9 stroke-linecap=round',
    ],
  ]);
  bubble.classList.add('closed');
  const chevron = svgIcon('launcher__icon', [['M6 9l6 6 6-6', `${STROKE} stroke-width=2.4`]]);
  chevron.classList.add('opened');
  for (const icon of [bubble, chevron]) {
    icon.setAttribute('width', '28');
    icon.setAttribute('height', '28');
  }
  const launcher = element(
    'button',
    {
      part: 'launcher',
      class: 'launcher',
      type: 'button',
      popover: 'manual',
      'aria-controls': 'panel',
      'aria-expanded': 'false',
    },
    bubble,
    chevron,
  );
  launcher.addEventListener('click', actions.toggle);
  for (const type of ['pointerenter', 'focus', 'touchstart']) {
    launcher.addEventListener(type, actions.preload, { passive: true });
  }
  root.append(launcher);

  let language: Parameters<WidgetDom['setText']> | undefined;
  let left = false;
  let frame: ReturnType<typeof buildPanel> | undefined;
  let content: HTMLElement | undefined;
  const built = () => {
    if (!frame) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, panelStyles()];
      frame = buildPanel(actions);
      root.append(frame.panel);
      if (language) frame.setText(...language);
      frame.panel.classList.toggle('left', left);
      actions.panelBuilt(frame.panel);
    }
    return frame;
  };
  return {
    launcher,
    get panel() {
      return built().panel;
    },
    get builtPanel() {
      return frame?.panel;
    },
    get scroller() {
      return built().body;
    },
    get dir() {
      return language?.[2] ?? 'ltr';
    },
    setLeft(value) {
      left = value;
      launcher.classList.toggle('left', value);
      frame?.panel.classList.toggle('left', value);
    },
    setText(...next) {
      language = next;
      const [text, lang, dir] = next;
      launcher.setAttribute('aria-label', text('launcher'));
      launcher.lang = lang;
      launcher.dir = dir;
      frame?.setText(...next);
    },
    showPanel(element) {
      content = element;
      built().show(element);
    },
    showFailure() {
      built().fail();
    },
    focusPending() {
      if (!content) built().focusPending();
    },
  };
}

/** The dialog: a title bar with Close, and a body with the loading line or the failure. */
function buildPanel(actions: WidgetActions) {
  const title = element('span', { part: 'panel__title', class: 'title' });
  const closeIcon = svgIcon(undefined, [['M6 6l12 12M18 6L6 18', `${STROKE} stroke-width=2.2`]]);
  closeIcon.setAttribute('width', '20');
  closeIcon.setAttribute('height', '20');
  const close = element(
    'button',
    { part: 'panel__close', class: 'close', type: 'button' },
    closeIcon,
  );
  close.addEventListener('click', actions.close);
  const pending = element('p', { class: 'pending', role: 'status', tabindex: '-1' });
  const failure = element('div', { class: 'pending', role: 'alert', tabindex: '-1', hidden: '' });
  const failureText = element('p', {});
  const retry = element('button', { class: 'retry', type: 'button' });
  retry.addEventListener('click', actions.retry);
  failure.append(failureText, retry);
  const body = element('div', { part: 'panel__body', class: 'body' }, pending, failure);
  const panel = element(
    'dialog',
    { id: 'panel', part: 'panel', class: 'panel', popover: 'manual' },
    element('div', { part: 'panel__header', class: 'header' }, title, close),
    body,
  );
  return {
    panel,
    body,
    setText(text: ShellText, lang: string, dir: TextDirection) {
      // The dialog's language and direction are those of everything inside it, the panel too.
      panel.lang = lang;
      panel.dir = dir;
      panel.setAttribute('aria-label', text('panelTitle'));
      title.textContent = text('panelTitle');
      close.setAttribute('aria-label', text('close'));
      pending.textContent = text('loading');
      failureText.textContent = text('panelUnavailable');
      retry.textContent = text('tryAgain');
    },
    show(content: HTMLElement) {
      pending.hidden = true;
      failure.hidden = true;
      body.append(content);
    },
    fail() {
      pending.hidden = true;
      failure.hidden = false;
      if (pending.matches(':focus')) failure.focus();
    },
    focusPending() {
      failure.hidden = true;
      pending.hidden = false;
      pending.focus();
    },
  };
}
