/** The little of the DOM this script touches (the sandbox is type-checked without DOM types). */
interface PopupWindow {
  opener: { closed: boolean; location: { reload(): void; replace(url: string): void } } | null;
  close(): void;
}

export interface ClosePopupConfig {
  /** The integration page the opener shows; a page of another origin may only send its opener there, not reload it. */
  pageUrl: string;
  sameOrigin: boolean;
  /** false: the popup stays open, showing its page, while the opener shows the outcome too. */
  close: boolean;
}

/** What the callback answers in the popup: the opener shows the outcome, so reload it (and close). */
export function closePopupScript(config: ClosePopupConfig): void {
  const window = globalThis as unknown as PopupWindow;
  if (window.opener && !window.opener.closed) {
    if (config.sameOrigin) window.opener.location.reload();
    else window.opener.location.replace(config.pageUrl);
    if (config.close) window.close();
  }
}
