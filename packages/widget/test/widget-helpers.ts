/**
 * Reaching into `porthole-widget` from browser tests: its lazily built panel, the views inside
 * it, their buttons and fields by their visible names, and the browser's online state.
 */
import { sendKeys } from '@web/test-runner-commands';
import type { PortholeContactForm } from '../src/components/contact-form/contact-form.js';
import type { PortholePanel } from '../src/components/panel/panel.js';
import type { PortholeWidget } from '../src/components/widget/widget.js';

const rootOf = (el: Element) => el.shadowRoot as ShadowRoot;

/** A view of the panel (`porthole-contact-form`, `porthole-confirmation` …), once there. */
export function viewOf<T extends Element>(el: PortholeWidget, name: string): T | null {
  const panel = rootOf(el).querySelector<PortholePanel>('porthole-panel');
  return panel ? rootOf(panel).querySelector<T>(name) : null;
}

export const formOf = (el: PortholeWidget) =>
  viewOf<PortholeContactForm>(el, 'porthole-contact-form');

/** The text of a view, white space collapsed. */
export function textOf(el: Element | null): string {
  return (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The button named `name` (text or aria-label) in a view. */
export function buttonNamed(host: Element | null, name: string): HTMLButtonElement | undefined {
  const scope = host?.shadowRoot ?? host;
  return [...(scope?.querySelectorAll('button') ?? [])].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent)?.trim().replace(/^‹\s*/, '') === name,
  );
}

/** The control labelled `label` in the contact form. */
export function controlLabelled<T extends HTMLElement = HTMLInputElement>(
  form: Element,
  label: string,
): T {
  const root = rootOf(form);
  const found = [...root.querySelectorAll('label')].find(
    (l) => l.textContent?.replace(/\s+/g, ' ').trim() === label,
  );
  return root.getElementById(found?.htmlFor ?? '') as T;
}

export async function typeInto(control: HTMLElement, text: string): Promise<void> {
  control.focus();
  await sendKeys({ type: text });
}

/** Set a field's value as typing would, in one step (for tests not about typing). */
export function enter(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Fill in Name, Email, Subject and Message, as typing would. */
export async function fillContactForm(
  form: PortholeContactForm,
  values: { name?: string; email?: string; subject?: string; message?: string } = {},
): Promise<void> {
  const {
    name = 'Ana Kovač',
    email = 'ana@example.com',
    subject = 'Reset email never arrives',
    message = 'I asked three times.',
  } = values;
  for (const [label, value] of [
    ['Name', name],
    ['Email', email],
    ['Subject', subject],
    ['Message', message],
  ] as const) {
    enter(controlLabelled<HTMLInputElement>(form, label), value);
  }
  await form.updateComplete;
}

/**
 * What `navigator.onLine` says from now on; coming back online also fires `online`, as the
 * browser does. `restoreOnline()` gives the browser its own answer back.
 */
export function setOnline(online: boolean): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  if (online) dispatchEvent(new Event('online'));
}

export function restoreOnline(): void {
  delete (navigator as { onLine?: boolean }).onLine;
}
