import type { PageSnapshot } from './page/page-snapshot';
import type { PortalSite } from './portal-surface';
import { onOrigin } from './portal-traffic';
import { SIGN_OUT_WORDS } from './portal-words';

const isSignOut = (name: string) => {
  const folded = name.replace(/\s+/g, ' ').trim().toLowerCase();
  return SIGN_OUT_WORDS.some((word) => folded === word || folded.startsWith(`${word} `));
};

const pathOf = (url: string) => (URL.canParse(url) ? new URL(url).pathname.replace(/\/+$/, '').toLowerCase() : null);

/**
 * Whether a page asks someone to sign in to the portal: one of the portal's sign-in providers, the
 * sign-in page the definition names, or a page of the portal with a password or one-time-code field,
 * a small form asking for a user name alone (a two-step sign-in's first step), or "Log in" controls,
 * and no Visma.net section. Not one URL: DataBridge's sign-in is reached by a
 * redirect, and some portals serve the sign-in and the dashboard at the same address.
 */
export function isSignInPage(snapshot: PageSnapshot, site: PortalSite): boolean {
  if (onOrigin(snapshot.url, site.signInOrigins)) return true;
  if (!onOrigin(snapshot.url, [site.origin])) return false;
  const signInPath = pathOf(site.signInUrl);
  if (signInPath && pathOf(snapshot.url) === signInPath) return true; // "/" names no path of its own
  if (snapshot.section) return false;
  return snapshot.passwordField || snapshot.codeField || snapshot.userForm || snapshot.signInControls.some((name) => !isSignOut(name));
}
