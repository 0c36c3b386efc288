/**
 * The keyboard shortcut that toggles the panel (`shortcut`, `data-shortcut`). A part of its
 * own (`chunks/shortcut.ts`): pages without a shortcut never download it.
 */

const APPLE = /Mac|iPhone|iPad|iPod/;

/**
 * True when `event` is the key combination `shortcut` (`'?'`, `'Mod+/'`, `'Alt+Shift+H'`;
 * `Mod` is ⌘ on Apple devices, Ctrl elsewhere). A shortcut without Ctrl, Alt or Meta never
 * fires while the visitor types into a field, and no shortcut fires on a repeated key.
 */
export function matchesShortcut(event: KeyboardEvent, shortcut: string): boolean {
  if (event.repeat || event.isComposing) return false;
  const parts = shortcut.split('+').map((part) => part.trim().toLowerCase());
  // `Mod++` and `+` name the plus key itself.
  const key = shortcut.endsWith('+') ? '+' : (parts.pop() ?? '');
  const wanted = new Set(parts.filter(Boolean));
  if (wanted.delete('mod')) wanted.add(APPLE.test(navigator.platform) ? 'meta' : 'ctrl');
  const pressed = {
    ctrl: event.ctrlKey,
    alt: event.altKey,
    meta: event.metaKey,
    shift: event.shiftKey,
  };
  for (const [name, down] of Object.entries(pressed)) {
    // Shift is part of printable keys such as `?`: only checked when the shortcut names it.
    if (name === 'shift' && !wanted.has('shift') && key.length === 1 && !/[a-z]/.test(key)) {
      continue;
    }
    if (down !== wanted.has(name)) return false;
  }
  if (event.key.toLowerCase() !== key) return false;
  const typing = isEditable(event.composedPath()[0]);
  return !typing || pressed.ctrl || pressed.alt || pressed.meta;
}

function isEditable(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement &&
      !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(target.type))
  );
}
