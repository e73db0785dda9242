/**
 * The little of the DOM that the portal page script uses. Main has no DOM types (it must not use a
 * DOM), yet the script that runs inside the portal's page is checked against this; the test
 * test/unit/portal/page-dom.test.ts proves, under the DOM's own types, that the real thing fits.
 */
export interface PageNode {
  readonly nodeValue: string | null;
  readonly parentElement: PageElement | null;
}

export interface PageElement extends PageNode {
  readonly tagName: string;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selectors: string): PageElement | null;
  matches(selectors: string): boolean;
  querySelectorAll(selectors: string): ArrayLike<PageElement>;
  contains(other: PageNode | null): boolean;
  checkVisibility(options?: { checkOpacity?: boolean; checkVisibilityCSS?: boolean }): boolean;
  compareDocumentPosition(other: PageNode): number;
}

/** What a control offers beyond an element (an HTMLElement, an input). */
export interface PageControl extends PageElement {
  readonly innerText: string;
  click(): void;
}

export interface PageDocument {
  readonly readyState: string;
  readonly title: string;
  readonly body: PageElement | null;
  readonly documentElement: PageElement;
  getElementById(id: string): PageElement | null;
  querySelectorAll(selectors: string): ArrayLike<PageElement>;
  createTreeWalker(root: PageNode, whatToShow: number): { nextNode(): PageNode | null };
}

export interface PageGlobal {
  readonly document: PageDocument;
  readonly location: { readonly href: string };
  setTimeout(handler: () => void, ms: number): unknown;
  readonly MutationObserver: new (callback: () => void) => { observe(target: PageNode, options: { subtree: boolean; childList: boolean; attributes: boolean; characterData: boolean }): void; disconnect(): void };
}
