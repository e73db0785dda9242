import path from 'node:path';
import type { DetectedBrowser } from '../../shared/login-with';
import { KNOWN_BROWSERS, type KnownBrowser } from './known-browsers';

/** What detection reads of the machine; the real one is system-probe.ts, the tests' a fixture. */
export interface SystemProbe {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
  /** A file's text; undefined when it cannot be read. */
  readText(file: string): Promise<string | undefined>;
  /** A folder's entries; none when it does not exist. */
  list(folder: string): Promise<string[]>;
  isExecutable(file: string): Promise<boolean>;
  /** `reg query <key> /s` as text; empty when the key does not exist (or off Windows). */
  registry(key: string): Promise<string>;
}

/** The browsers installed on this machine, found the platform's way, each once, in KNOWN_BROWSERS order. */
export async function detectBrowsers(probe: SystemProbe): Promise<DetectedBrowser[]> {
  const found =
    probe.platform === 'win32' ? await onWindows(probe) : probe.platform === 'darwin' ? await onMac(probe) : await onLinux(probe);
  const byId = new Map<string, DetectedBrowser>();
  for (const browser of found) if (!byId.has(browser.id)) byId.set(browser.id, browser);
  return KNOWN_BROWSERS.flatMap((known) => byId.get(known.id) ?? []);
}

const detected = (known: KnownBrowser, file: string): DetectedBrowser => ({ id: known.id, name: known.name, family: known.family, path: file });

// ── Windows: the browsers registered under StartMenuInternet (per user and per machine) ──

const START_MENU_INTERNET = [
  'HKEY_CURRENT_USER\\SOFTWARE\\Clients\\StartMenuInternet',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Clients\\StartMenuInternet',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Clients\\StartMenuInternet',
];

async function onWindows(probe: SystemProbe): Promise<DetectedBrowser[]> {
  const found: DetectedBrowser[] = [];
  for (const root of START_MENU_INTERNET) {
    for (const { key, command } of openCommands(await probe.registry(root))) {
      const file = expandWindowsVariables(programOf(command), probe.env);
      const exe = path.win32.basename(file).toLowerCase();
      const keyName = key.split('\\').at(-4) ?? '';
      const known = KNOWN_BROWSERS.find((b) => b.windowsExe === exe && (!b.windowsKey || b.windowsKey.test(keyName)));
      if (known && (await probe.isExecutable(file))) found.push(detected(known, file));
    }
  }
  return found;
}

/**
 * `…\StartMenuInternet\<Browser>\shell\open\command` keys and their default value. The default's
 * name is in the OS language ("(Default)", "(Oletus)", "(Standard)"), so the first string value counts.
 */
export function openCommands(regOutput: string): { key: string; command: string }[] {
  const commands: { key: string; command: string }[] = [];
  let key: string | undefined;
  for (const line of regOutput.split(/\r?\n/)) {
    if (/^HKEY_/i.test(line)) {
      key = /\\shell\\open\\command$/i.test(line.trim()) ? line.trim() : undefined;
      continue;
    }
    const value = /^\s+.*?\s{2,}REG_(?:EXPAND_)?SZ\s{2,}(.+)$/.exec(line);
    if (key && value) {
      commands.push({ key, command: value[1]!.trim() });
      key = undefined;
    }
  }
  return commands;
}

/** The program of a command line: a quoted path, or everything up to ".exe". */
function programOf(command: string): string {
  if (command.startsWith('"')) return command.slice(1, command.indexOf('"', 1) > 0 ? command.indexOf('"', 1) : undefined);
  const exe = /^(.*?\.exe)\b/i.exec(command);
  return exe ? exe[1]! : command.split(/\s+/)[0]!;
}

const expandWindowsVariables = (value: string, env: Record<string, string | undefined>) =>
  value.replace(/%([^%]+)%/g, (whole, name: string) => {
    const match = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
    return match ? (env[match] ?? whole) : whole;
  });

// ── macOS: application bundles in /Applications and ~/Applications, known by their bundle id ──

async function onMac(probe: SystemProbe): Promise<DetectedBrowser[]> {
  const found: DetectedBrowser[] = [];
  for (const folder of ['/Applications', path.posix.join(probe.home, 'Applications')]) {
    for (const entry of await probe.list(folder)) {
      if (!entry.endsWith('.app')) continue;
      const app = path.posix.join(folder, entry);
      const plist = await probe.readText(path.posix.join(app, 'Contents', 'Info.plist'));
      const bundleId = plist && plistString(plist, 'CFBundleIdentifier');
      // A bundle the plist names (it may have been renamed), or, for a binary plist, one of our bundle names.
      const known = KNOWN_BROWSERS.find((b) => (bundleId ? b.macBundleId.toLowerCase() === bundleId.toLowerCase() : b.macApp === entry));
      if (!known) continue;
      const exe = (plist && plistString(plist, 'CFBundleExecutable')) || known.macExe;
      const file = path.posix.join(app, 'Contents', 'MacOS', exe);
      if (await probe.isExecutable(file)) found.push(detected(known, file));
    }
  }
  return found;
}

/** A string value of an XML property list. */
export function plistString(plist: string, key: string): string | undefined {
  const match = new RegExp(`<key>${key}</key>\\s*<string>([^<]*)</string>`).exec(plist);
  return match?.[1]?.trim() || undefined;
}

// ── Linux (and other Unixes): desktop files first, then commands on PATH ──

async function onLinux(probe: SystemProbe): Promise<DetectedBrowser[]> {
  const found: DetectedBrowser[] = [];
  const dataHome = probe.env.XDG_DATA_HOME || path.posix.join(probe.home, '.local', 'share');
  const dataDirs = (probe.env.XDG_DATA_DIRS || '/usr/local/share:/usr/share').split(':').filter(Boolean);
  for (const dir of [dataHome, ...dataDirs]) {
    const applications = path.posix.join(dir, 'applications');
    for (const entry of await probe.list(applications)) {
      if (!entry.endsWith('.desktop')) continue;
      const program = desktopExec(await probe.readText(path.posix.join(applications, entry)));
      const known = program && KNOWN_BROWSERS.find((b) => b.linuxCommands.includes(path.posix.basename(program)));
      if (!known || !program) continue;
      const file = await onPath(program, probe);
      if (file) found.push(detected(known, file));
    }
  }
  for (const known of KNOWN_BROWSERS) {
    for (const command of known.linuxCommands) {
      const file = await onPath(command, probe);
      if (file) found.push(detected(known, file));
    }
  }
  return found;
}

/** The program of a desktop file's main entry: Exec's first word, past an `env VAR=value` prefix. */
export function desktopExec(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const main = text.split(/^\[/m).find((section) => section.startsWith('Desktop Entry]'));
  const exec = main && /^Exec=(.+)$/m.exec(main)?.[1];
  if (!exec) return undefined;
  const words = exec.trim().split(/\s+/);
  while (words[0] === 'env' || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0] ?? '')) words.shift();
  return words[0]?.replace(/^"|"$/g, '');
}

async function onPath(command: string, probe: SystemProbe): Promise<string | undefined> {
  if (command.includes('/')) return (await probe.isExecutable(command)) ? command : undefined;
  for (const dir of (probe.env.PATH ?? '').split(':').filter(Boolean)) {
    const file = path.posix.join(dir, command);
    if (await probe.isExecutable(file)) return file;
  }
  return undefined;
}
