import type { BrowserMode, DetectedBrowser } from '../../shared/login-with';

/**
 * The command line for one login. A throw-away profile is a new profile folder (Chromium's
 * --user-data-dir, Firefox's -profile with -no-remote), so the browser starts as a process of its
 * own with nothing of anyone's; a private window is the browser's own private mode.
 */
export function launchArgs(browser: Pick<DetectedBrowser, 'id' | 'family'>, mode: BrowserMode, url: string, profileDir?: string): string[] {
  if (browser.family === 'firefox') {
    return mode === 'throwaway-profile' ? ['-profile', profileDir!, '-no-remote', '-new-instance', url] : ['-private-window', url];
  }
  if (mode === 'throwaway-profile') {
    return [`--user-data-dir=${profileDir!}`, '--no-first-run', '--no-default-browser-check', '--disable-sync', '--new-window', url];
  }
  return [browser.id === 'edge' ? '--inprivate' : '--incognito', '--new-window', url];
}

/** A new Firefox profile's first-run pages and default-browser question would stand between the person and the login. */
export const FIREFOX_QUIET_PREFS = [
  'user_pref("browser.shell.checkDefaultBrowser", false);',
  'user_pref("browser.aboutwelcome.enabled", false);',
  'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
  'user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);',
  'user_pref("browser.startup.homepage_override.mstone", "ignore");',
  'user_pref("signon.rememberSignons", false);',
  '',
].join('\n');
