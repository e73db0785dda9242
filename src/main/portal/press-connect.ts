/** The little of the DOM the function below touches (main has no DOM types). */
interface PressableElement {
  textContent: string | null;
  value?: string;
  getAttribute(name: string): string | null;
  click(): void;
}

/**
 * Runs inside the portal's page (Electron's executeJavaScript, Playwright's evaluate): presses the
 * button or link whose text or accessible label is the portal's Connect label. Returns whether it
 * found one; when it does not, the person presses it. It is sent as source, so it is self-contained
 * and declares no inner functions: a build that keeps names (tsx) would wrap those in a helper the
 * page does not have.
 */
export function pressConnect(label: string): boolean {
  const doc = (globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<PressableElement> } }).document;
  const wanted = label.trim().toLowerCase();
  for (const el of Array.from(doc.querySelectorAll('button, a[href], input[type="submit"], input[type="button"], [role="button"]'))) {
    if ((el.getAttribute('aria-label') ?? el.textContent ?? el.value ?? '').trim().replace(/\s+/g, ' ').toLowerCase() === wanted) {
      el.click();
      return true;
    }
  }
  return false;
}
