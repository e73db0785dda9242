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
 * found one; when it does not, the person presses it. Self-contained: it is sent as source.
 */
export function pressConnect(label: string): boolean {
  const doc = (globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<PressableElement> } }).document;
  const wanted = label.trim().toLowerCase();
  const text = (el: PressableElement) => (el.getAttribute('aria-label') ?? el.textContent ?? el.value ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  const found = Array.from(doc.querySelectorAll('button, a[href], input[type="submit"], input[type="button"], [role="button"]')).find((el) => text(el) === wanted);
  found?.click();
  return found !== undefined;
}
