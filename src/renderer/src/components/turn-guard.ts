/**
 * A button that turns into its opposite ("Check health" into "Cancel check", "Open login" into the
 * "Skip" that moves into its place) must not take the second click of a double click, nor a second
 * Enter, as a press on what it has just become. Everywhere in the window: a press on a button that
 * is not what was pressed at that very place a moment ago is ignored (by mouse: another button, or
 * the same one saying something else, under the pointer; by keyboard: the focused button saying
 * something else). Pressing the same, unchanged button again works as always; so does any press
 * after the guard time, or after moving on (another place for the mouse, Tab or another key).
 */
export const TURN_GUARD_MS = 500;
/** How far the mouse may move between the two clicks of one double click. */
const SAME_PLACE_PX = 8;

export interface Press {
  time: number;
  /** From the mouse (with where), or from the keyboard (on what has focus). */
  pointer: boolean;
  x: number;
  y: number;
  button: Element;
  /** What the button says it is, as pressed: its accessible label and its text. */
  look: string;
}

export const lookOf = (button: Element): string => `${button.getAttribute('aria-label') ?? ''}\u0000${button.textContent ?? ''}`;

/** Whether `next` presses something that turned up, in place of what `last` pressed, within the guard time. */
export function isTurnedPress(last: Press | null, next: Press): boolean {
  if (!last || next.time - last.time > TURN_GUARD_MS || next.pointer !== last.pointer) return false;
  // The keyboard presses what has focus: the same button, now saying something else. (Focus moved
  // on purpose to another button — "Open login" after a retry — is where the next Enter is meant.)
  if (!next.pointer) return next.button === last.button && next.look !== last.look;
  const samePlace = Math.abs(next.x - last.x) <= SAME_PLACE_PX && Math.abs(next.y - last.y) <= SAME_PLACE_PX;
  return samePlace && (next.button !== last.button || next.look !== last.look);
}

/** Keys that move on (Tab, arrows, Escape…): after them, the next Enter is meant for whatever has focus. */
const isActivationKey = (key: string) => key === 'Enter' || key === ' ';

/** Installs the guard on a document (once, before anything else sees its clicks); returns its removal. */
export function installTurnGuard(doc: Document, now: () => number = () => performance.now()): () => void {
  let last: Press | null = null;
  const onClick = (event: MouseEvent) => {
    // Only what a person does: a script's click() is not a double click.
    if (!event.isTrusted) return;
    const button = (event.target as Element | null)?.closest?.('button');
    if (!button) return;
    const press: Press = { time: now(), pointer: event.detail > 0, x: event.clientX, y: event.clientY, button, look: lookOf(button) };
    if (isTurnedPress(last, press)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    last = press;
  };
  const onKey = (event: KeyboardEvent) => {
    if (!isActivationKey(event.key)) last = null;
  };
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('keydown', onKey, true);
  return () => {
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('keydown', onKey, true);
  };
}
