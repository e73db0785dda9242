import { useEffect, useState } from 'react';
import type { DetectedBrowser } from '../../../../shared/login-with';
import { api } from '../../api';

/**
 * The list before main has answered: empty, but not "none found". Compare by identity
 * (`isLooking(browsers)`) to say "looking…" rather than a false "No browser found".
 */
export const BROWSERS_PENDING: DetectedBrowser[] = Object.freeze([]) as unknown as DetectedBrowser[];
export const isLooking = (browsers: readonly DetectedBrowser[]): boolean => browsers === BROWSERS_PENDING;

/** What main found last, so a second form does not say "looking…" again while it asks afresh. */
let lastFound: DetectedBrowser[] | null = null;

/** The browsers main found on this machine; BROWSERS_PENDING until it has answered (an empty list if it could not look). */
export function useBrowsers(): DetectedBrowser[] {
  const [browsers, setBrowsers] = useState<DetectedBrowser[]>(lastFound ?? BROWSERS_PENDING);
  useEffect(() => {
    let live = true;
    api.listBrowsers().then(
      (found) => {
        lastFound = found;
        if (live) setBrowsers(found);
      },
      () => live && setBrowsers((now) => (isLooking(now) ? [] : now)),
    );
    return () => {
      live = false;
    };
  }, []);
  return browsers;
}
