/**
 * The English texts of the launcher and the dialog's frame, which `porthole.js` shows before
 * the panel has loaded. They are part of the English catalog (`en.ts` spreads them in); they
 * live apart so the first script carries these few texts rather than every text of the
 * widget. Other languages keep them in their one catalog.
 */
const shell = {
  /** Accessible name of the round launcher button. Short: one word if possible. */
  launcher: 'Help',
  /** Visible title and accessible name of the panel (a dialog). */
  panelTitle: 'Help',
  /** Button that closes the panel (an × icon; this is its accessible name). */
  close: 'Close',
  /** Shown while a view loads. */
  loading: 'Loading…',
  /** Button after a failure. */
  tryAgain: 'Try again',
  /** The panel’s code could not be loaded (offline); above “Try again”. */
  panelUnavailable: 'Help can’t be loaded right now. Check your connection, then try again.',
} as const;

/** The texts `porthole.js` shows itself. */
export type ShellKey = keyof typeof shell;

export default shell;
