/** Same origin and path as the redirect URI (the query carries code, state or error). */
export function isRedirect(url: string, redirectUri: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(redirectUri);
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

/** A webRequest match pattern for the redirect URI; schemes match patterns cannot express fall back to all URLs (checked again in the handler). */
export function redirectFilter(redirectUri: string): string {
  const url = new URL(redirectUri);
  return ['http:', 'https:'].includes(url.protocol) ? `${url.protocol}//${url.host}${url.pathname}*` : '<all_urls>';
}
