import type { portalReader } from './portal-reader';
import type { PortalSite } from './portal-surface';
import { onOrigin } from './portal-traffic';
import { isSignInPage } from './sign-in-page';

/** How often the page is looked at while someone signs in, and for how long at most (10 minutes). */
const LOOK_EVERY_MS = 700;
const LOOKS = 860;

/**
 * While a person signs in on a page of the portal: looks at the page until it is a page of the
 * portal's that is no sign-in page. A single-page app signs in without loading a page, so waiting for
 * a load is not enough. Two looks in a row must agree (same address, no sign-in), so that the moment
 * between the sign-in form and the page it draws next (a spinner) is not taken for signed in.
 * True once signed in; false when `stop` says so first, or after ten minutes.
 */
export async function watchUntilSignedIn(reader: ReturnType<typeof portalReader>, windowId: string, site: PortalSite, stop: () => boolean): Promise<boolean> {
  let candidate: string | undefined;
  for (let looks = 0; looks < LOOKS && !stop(); looks++) {
    await new Promise((resolve) => setTimeout(resolve, LOOK_EVERY_MS));
    if (stop()) return false;
    const page = await reader.glance(windowId);
    const signedIn = !!page && onOrigin(page.url, [site.origin]) && !isSignInPage(page, site);
    if (signedIn && candidate === page.url) return true;
    candidate = signedIn ? page.url : undefined;
  }
  return false;
}
