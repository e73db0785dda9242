import { useEffect, useState } from 'react';
import type { DetectedBrowser } from '../../../../shared/login-with';
import { api } from '../../api';

/** The browsers main found on this machine; an empty list until it has looked (or if it could not). */
export function useBrowsers(): DetectedBrowser[] {
  const [browsers, setBrowsers] = useState<DetectedBrowser[]>([]);
  useEffect(() => {
    let live = true;
    api.listBrowsers().then(
      (found) => live && setBrowsers(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return browsers;
}
