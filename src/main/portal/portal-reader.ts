import type { PageAnswer } from './page/portal-page';
import { inPortalPage } from './page/portal-page';
import { pageScript } from './page/page-script';
import type { PageSnapshot } from './page/page-snapshot';
import type { PortalSession, PortalSite } from './portal-surface';
import { CONNECT_WORDS, SIGN_IN_WORDS } from './portal-words';

/**
 * How long the page script waits for a page to settle. Reading is quick (a page that has loaded has
 * mostly said what it says); looking for the Connect control waits longer, for portals that render
 * it after fetching their own data.
 */
export const READ_TIMING = { quietMs: 150, maxMs: 3000 };
/** A glance: the page as it is once loaded, without waiting for what it may render later. */
export const GLANCE_TIMING = { quietMs: 0, maxMs: 1000 };
export const PRESS_TIMING = { quietMs: 300, maxMs: 8000 };
/** Beyond the script's own waiting: a page that navigated away never answers. */
const SCRIPT_GRACE_MS = 2000;

/** Reads and presses in a session's windows; null when the page went away before it answered. */
export function portalReader(session: PortalSession, site: PortalSite) {
  const base = { section: site.connectSection, signInWords: [...SIGN_IN_WORDS] };
  const run = async (windowId: string, task: Parameters<typeof inPortalPage>[0]): Promise<PageAnswer | null> => {
    try {
      return (await session.run(windowId, pageScript(inPortalPage, task), task.maxMs + SCRIPT_GRACE_MS)) as PageAnswer;
    } catch {
      return null;
    }
  };
  return {
    read: async (windowId: string): Promise<PageSnapshot | null> => (await run(windowId, { kind: 'read', ...base, ...READ_TIMING }))?.snapshot ?? null,
    glance: async (windowId: string): Promise<PageSnapshot | null> => (await run(windowId, { kind: 'read', ...base, ...GLANCE_TIMING }))?.snapshot ?? null,
    /** Reads the page, then presses its Connect control when it is one alone. */
    press: (windowId: string): Promise<PageAnswer | null> => run(windowId, { kind: 'press', ...base, label: site.connectButtonLabel, words: [...CONNECT_WORDS], ...PRESS_TIMING }),
  };
}
