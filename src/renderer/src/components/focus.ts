/** Where focus may go without surprising anyone: enabled, shown, and not a read-only field. */
const FOCUSABLE = 'input:not([type=hidden]), select, textarea, button, a[href], [tabindex]:not([tabindex="-1"])';

const usable = (element: Element): element is HTMLElement =>
  element instanceof HTMLElement &&
  !element.matches(':disabled, [readonly], [aria-hidden=true] *') &&
  element.checkVisibility({ checkVisibilityCSS: true });

/**
 * 'first': the first field or control to work with (the browser's own choice, minus read-only
 * fields). 'action': a safe action to continue from — the primary button of the last row of
 * actions, else that row's last button (Close, Cancel), never a danger button.
 */
export function safeFocusTarget(root: HTMLElement, prefer: 'first' | 'action'): HTMLElement {
  const actions = [...root.querySelectorAll('.dialog-actions')].pop();
  const buttons = actions ? [...actions.querySelectorAll('button')].filter(usable).filter((b) => !b.classList.contains('danger')) : [];
  const action = buttons.find((b) => b.classList.contains('primary')) ?? buttons.at(-1);
  if (prefer === 'action' && action) return action;
  const first = [...root.querySelectorAll(FOCUSABLE)].filter(usable).find((e) => !e.classList.contains('danger'));
  return (prefer === 'first' ? (first ?? action) : first) ?? root;
}

/** Focus that shows its ring, whether the last thing pressed was a key or the mouse. */
export function focusWithRing(element: HTMLElement | null | undefined): void {
  element?.focus({ focusVisible: true } as FocusOptions);
}
