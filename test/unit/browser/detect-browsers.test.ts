import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type SystemProbe, detectBrowsers } from '../../../src/main/browser/detect-browsers';
import { systemProbe } from '../../../src/main/browser/system-probe';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../../fixtures/browsers', name), 'utf8');

/** A machine made of files: their text (null: an executable), a registry, and an environment. */
function machine(platform: NodeJS.Platform, files: Record<string, string | null>, extra: Partial<SystemProbe> = {}): SystemProbe {
  const sep = platform === 'win32' ? '\\' : '/';
  return {
    platform,
    env: {},
    home: '/Users/anna',
    readText: async (file) => files[file] ?? undefined,
    list: async (folder) => [...new Set(Object.keys(files).filter((f) => f.startsWith(folder + sep)).map((f) => f.slice(folder.length + 1).split(sep)[0]!))],
    isExecutable: async (file) => file in files,
    registry: async () => '',
    ...extra,
  };
}

describe('browser detection on Windows (StartMenuInternet, per machine and per user)', () => {
  const probe = machine(
    'win32',
    {
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe': null,
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe': null,
      'C:\\Program Files\\Mozilla Firefox\\firefox.exe': null,
      'C:\\Users\\anna\\AppData\\Local\\Chromium\\Application\\chrome.exe': null,
      // Brave is registered but was removed: not offered.
    },
    {
      env: { LocalAppData: 'C:\\Users\\anna\\AppData\\Local' },
      registry: async (key) => (key.startsWith('HKEY_LOCAL_MACHINE\\SOFTWARE\\Clients') ? fixture('windows-hklm.txt') : key.startsWith('HKEY_CURRENT_USER') ? fixture('windows-hkcu.txt') : ''),
    },
  );

  it('finds each registered browser by its program, whatever language the registry speaks, and only if the program is there', async () => {
    expect(await detectBrowsers(probe)).toEqual([
      { id: 'chrome', name: 'Google Chrome', family: 'chromium', path: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe' },
      { id: 'edge', name: 'Microsoft Edge', family: 'chromium', path: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe' },
      { id: 'firefox', name: 'Firefox', family: 'firefox', path: 'C:\\Program Files\\Mozilla Firefox\\firefox.exe' },
      // chrome.exe too, told apart by its key; %LOCALAPPDATA% expanded.
      { id: 'chromium', name: 'Chromium', family: 'chromium', path: 'C:\\Users\\anna\\AppData\\Local\\Chromium\\Application\\chrome.exe' },
    ]);
  });
});

describe('browser detection on macOS (bundles in /Applications and ~/Applications)', () => {
  it('knows a bundle by its identifier, even renamed, and starts the program its Info.plist names', async () => {
    const probe = machine('darwin', {
      '/Applications/Chrome (work).app/Contents/Info.plist': fixture('chrome-Info.plist'),
      '/Applications/Chrome (work).app/Contents/MacOS/Google Chrome': null,
      '/Users/anna/Applications/Firefox.app/Contents/Info.plist': fixture('firefox-Info.plist'),
      '/Users/anna/Applications/Firefox.app/Contents/MacOS/firefox': null,
      '/Applications/Pages.app/Contents/Info.plist': fixture('pages-Info.plist'),
      '/Applications/Pages.app/Contents/MacOS/Pages': null,
      // A binary Info.plist: known by the bundle's name.
      '/Applications/Brave Browser.app/Contents/Info.plist': 'bplist00\u0000\u0001',
      '/Applications/Brave Browser.app/Contents/MacOS/Brave Browser': null,
    });
    expect(await detectBrowsers(probe)).toEqual([
      { id: 'chrome', name: 'Google Chrome', family: 'chromium', path: '/Applications/Chrome (work).app/Contents/MacOS/Google Chrome' },
      { id: 'firefox', name: 'Firefox', family: 'firefox', path: '/Users/anna/Applications/Firefox.app/Contents/MacOS/firefox' },
      { id: 'brave', name: 'Brave', family: 'chromium', path: '/Applications/Brave Browser.app/Contents/MacOS/Brave Browser' },
    ]);
  });
});

describe('browser detection on Linux (desktop files, then PATH)', () => {
  it('reads the programs of desktop files (past an env prefix) and finds the rest on PATH', async () => {
    const probe = machine(
      'linux',
      {
        '/usr/share/applications/chromium.desktop': fixture('chromium.desktop'),
        '/usr/bin/chromium': null,
        '/home/anna/.local/share/applications/firefox-esr.desktop': fixture('firefox-esr.desktop'),
        '/usr/lib/firefox-esr/firefox-esr': null,
        '/usr/share/applications/google-chrome.desktop': fixture('google-chrome.desktop'), // its program is gone
        '/opt/edge/microsoft-edge': null,
      },
      { home: '/home/anna', env: { PATH: '/usr/local/bin:/usr/lib/firefox-esr:/usr/bin:/opt/edge' } },
    );
    expect(await detectBrowsers(probe)).toEqual([
      { id: 'edge', name: 'Microsoft Edge', family: 'chromium', path: '/opt/edge/microsoft-edge' },
      { id: 'firefox', name: 'Firefox', family: 'firefox', path: '/usr/lib/firefox-esr/firefox-esr' },
      { id: 'chromium', name: 'Chromium', family: 'chromium', path: '/usr/bin/chromium' },
    ]);
  });

  it.runIf(process.platform === 'linux')('finds Debian’s Chromium on this machine, through the real probe', async () => {
    expect(await detectBrowsers(systemProbe())).toContainEqual({ id: 'chromium', name: 'Chromium', family: 'chromium', path: '/usr/bin/chromium' });
  });
});
