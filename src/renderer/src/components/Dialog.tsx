import { type ReactNode, useId, useLayoutEffect, useRef, useState } from 'react';
import { focusWithRing, safeFocusTarget } from './focus';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  wide?: boolean;
}

/**
 * A modal <dialog>: the browser traps focus, Escape closes it, and focus returns to
 * where it was. Mount it to open, unmount it to close.
 *
 * Its content mounts once the dialog is open, so `autoFocus` works (React focuses the element
 * when it mounts, which fails inside a dialog not yet shown; the browser would then pick the first
 * button, a red Delete as often as not). Without an `autoFocus`, the first field that can be typed
 * in gets focus — never a read-only one. If what had focus disappears while the dialog is open (a
 * step's buttons once the step ends), focus goes to the dialog's main action, never to the page body.
 */
export function Dialog({ title, onClose, children, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [shown, setShown] = useState(false);
  useLayoutEffect(() => {
    const dialog = ref.current!;
    dialog.showModal();
    // On purpose, before the first paint: the content mounts into a dialog that is already open.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setShown(true);
    return () => dialog.close();
  }, []);
  useLayoutEffect(() => {
    const dialog = ref.current!;
    if (!shown) return;
    const lost = () => {
      const focused = document.activeElement;
      return !focused || focused === document.body || focused === dialog || !focused.isConnected;
    };
    if (lost()) focusWithRing(safeFocusTarget(dialog, 'first'));
    // Only a focused element that was taken away counts: a click on plain text is left alone.
    let held = document.activeElement;
    const onFocusIn = (event: FocusEvent) => {
      held = event.target as Element;
    };
    dialog.addEventListener('focusin', onFocusIn);
    const observer = new MutationObserver(() => {
      if (dialog.open && held && !held.isConnected && lost()) focusWithRing(safeFocusTarget(dialog, 'action'));
    });
    observer.observe(dialog, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      dialog.removeEventListener('focusin', onFocusIn);
    };
  }, [shown]);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {shown && children}
    </dialog>
  );
}
