import { escapeRegExp } from '../../shared/escape-regexp';

/**
 * The login window's user agent as a plain Chrome's: identity providers that refuse embedded
 * browsers (Google, some Microsoft tenants) look for "Electron/…" and the app's own token.
 */
export function browserUserAgent(userAgent: string, appName: string): string {
  const appToken = new RegExp(`\\s${escapeRegExp(appName)}/\\S+`, 'g');
  return userAgent.replace(/\sElectron\/\S+/g, '').replace(appToken, '').replace(/\s{2,}/g, ' ').trim();
}
