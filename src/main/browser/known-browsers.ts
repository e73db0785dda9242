import type { BrowserFamily, BrowserId } from '../../shared/login-with';

/** How each browser is recognised on each platform (B4): its program's file name, its macOS bundle, its Linux commands. */
export interface KnownBrowser {
  id: BrowserId;
  name: string;
  family: BrowserFamily;
  /** The program's file name on Windows (lower case), as registered under StartMenuInternet. */
  windowsExe: string;
  /** A word in the StartMenuInternet key that tells browsers sharing a file name apart (Chromium's is chrome.exe too). */
  windowsKey?: RegExp;
  /** macOS: the bundle in /Applications and its identifier. */
  macApp: string;
  macBundleId: string;
  /** The program inside the bundle, should its Info.plist not say (a binary plist). */
  macExe: string;
  /** Linux: commands on PATH and desktop files' Exec names, in order of preference. */
  linuxCommands: string[];
}

export const KNOWN_BROWSERS: readonly KnownBrowser[] = [
  {
    id: 'chrome',
    name: 'Google Chrome',
    family: 'chromium',
    windowsExe: 'chrome.exe',
    windowsKey: /^(?!.*chromium).*chrome/i,
    macApp: 'Google Chrome.app',
    macExe: 'Google Chrome',
    macBundleId: 'com.google.Chrome',
    linuxCommands: ['google-chrome-stable', 'google-chrome'],
  },
  {
    id: 'edge',
    name: 'Microsoft Edge',
    family: 'chromium',
    windowsExe: 'msedge.exe',
    macApp: 'Microsoft Edge.app',
    macExe: 'Microsoft Edge',
    macBundleId: 'com.microsoft.edgemac',
    linuxCommands: ['microsoft-edge-stable', 'microsoft-edge'],
  },
  {
    id: 'firefox',
    name: 'Firefox',
    family: 'firefox',
    windowsExe: 'firefox.exe',
    macApp: 'Firefox.app',
    macExe: 'firefox',
    macBundleId: 'org.mozilla.firefox',
    linuxCommands: ['firefox', 'firefox-esr'],
  },
  {
    id: 'brave',
    name: 'Brave',
    family: 'chromium',
    windowsExe: 'brave.exe',
    macApp: 'Brave Browser.app',
    macExe: 'Brave Browser',
    macBundleId: 'com.brave.Browser',
    linuxCommands: ['brave-browser', 'brave-browser-stable', 'brave'],
  },
  {
    id: 'chromium',
    name: 'Chromium',
    family: 'chromium',
    windowsExe: 'chrome.exe',
    windowsKey: /chromium/i,
    macApp: 'Chromium.app',
    macExe: 'Chromium',
    macBundleId: 'org.chromium.Chromium',
    linuxCommands: ['chromium', 'chromium-browser'],
  },
];
