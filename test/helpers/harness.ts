import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { API_GLOBAL, API_METHODS, type ApiEvent } from '../../src/shared/api';
import { createApiBridge } from '../../src/shared/api-bridge';
import { type Dispatch, createDispatcher } from '../../src/main/api/dispatcher';
import { catalogOf } from '../../src/shared/i18n/catalog';
import { LANGUAGES, type Language, effectiveLocale } from '../../src/shared/i18n/languages';
import { type Translator, createTranslator } from '../../src/shared/i18n/translator';
import { type App, type AppDeps, createApp } from '../../src/main/create-app';
import { createKeychainSecrets, createSealedKeychainVault } from '../../src/main/platform/keychain-vault';
import { createSeveraKeychainVault } from '../../src/main/platform/severa-keychain';
import { chromiumLoginSurface } from './chromium-login-surface';
import { chromiumPortalSurface } from './chromium-portal-surface';
import { installedBrowsers } from './cdp-browser';
import { type LogLine, createLogger } from '../../src/main/logger';
import { confBackend } from './conf-backend';
import { exposeInMainWorldTwin } from './context-bridge-twin';
import { serveDirectory } from './static-server';
import { decodeWire, encodeWire, mainClone } from './structured-wire';

/** The built renderer; the benches pass a copy of their own, so a build started meanwhile cannot empty it under them. */
const RENDERER_DIR = path.resolve(process.env.BRIDGEKEEPER_RENDERER_DIR ?? 'out/renderer');

/**
 * The renderer as built, in Chromium, talking to the real main-side services: the preload's
 * twin is the same createApiBridge over a Playwright binding instead of ipcRenderer, exposed
 * through a contextBridge twin with its copying rules, and calls pass the same dispatcher
 * (argument validation included) that platform/ipc uses.
 */
export interface Harness {
  page: Page;
  app: App;
  dir: string;
  logLines: LogLine[];
  events: ApiEvent[];
  /** Every payload that crossed between page and main, as sent: for the token-leak check. */
  payloads: string[];
  /** The login pages the app opens, one new browser context each. */
  logins: ReturnType<typeof chromiumLoginSurface>;
  /** The portal windows the app opens (sign-in, and one context per reconnect). */
  portals: ReturnType<typeof chromiumPortalSurface>;
  /** The installed browser (Debian's Chromium) as the app starts it for a login in a browser (B4). */
  browsers: ReturnType<typeof installedBrowsers>;
  /** What the system's file dialog answers next (a path); empty: the person cancels it. */
  filePicks: string[];
  /** The keychain service this harness writes under (a real Secret Service); the token file's key is under `<it> key`. */
  keychainService: string;
  /** Like quitting and starting Bridgekeeper again: new services over the same settings folder. */
  restart(): Promise<void>;
  /** Sends an event to the page as main would (the application menu's commands, for one). */
  emit(event: ApiEvent): void;
  /** The app's words in the language it shows now (the chosen one, else the system's): `bk.words().t('app.area.profiles')`. */
  words(): Translator;
  /**
   * What the app shows, in its current language, for words one area of the catalog has in English
   * (`bk.say('Environments…', 'profiles')`: a key `profiles.…` whose English is that); the English
   * itself while the area has no such message — so a test reads the same before and after its area
   * is converted.
   */
  say(english: string, area: string): string;
}

/** The system locale a harness started in `language` reports: the language in its home region (fi-FI, sv-SE, nb-NO, …). */
export const systemLocaleOf = (language: Language): string => effectiveLocale(language, 'und');

/** The language whose catalog is longest: the width checks run in it. */
export function longestLanguage(): Language {
  const length = (language: Language) => Object.values(catalogOf(language)).reduce((sum, text) => sum + text.length, 0);
  return [...LANGUAGES].sort((a, b) => length(b) - length(a))[0]!;
}

/**
 * Until the app shows, it has not subscribed to main's events (it waits for the language first):
 * an event sent before then is lost, as it would be in Electron before the window shows. A test
 * starts once the app is on screen, as a person does.
 */
async function rendered(page: Page): Promise<void> {
  await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);
}

const INVOKE = '__bridgekeeperInvoke';
const DELIVER = '__bridgekeeperDeliver';
/** webUtils.getPathForFile's twin: where a file of this name, dropped in a test, lies on disk (set with `dropPaths`). */
export const DROPPED_PATHS = '__bridgekeeperDroppedPaths';

/**
 * The page-side script: the same function the preload runs, with the binding as its transport.
 * Payloads cross as Electron's IPC carries them, a structured clone (test/helpers/structured-wire.ts): the page
 * clones what it sends with structuredClone (a function throws, as ipcRenderer.invoke's does), main with V8's
 * serializer; as text between the two, because Playwright's own serializer walks objects value by value and takes
 * seconds for 10,000 profiles, where Electron's structured clone takes milliseconds.
 */
const clientScript = `
  // A build that keeps function names (tsx: the benches) wraps inner functions in __name, which the page lacks.
  var __name = (target) => target;
  var encodeWire = ${encodeWire.toString()};
  var decodeWire = ${decodeWire.toString()};
  (${exposeInMainWorldTwin.toString()})(window, ${JSON.stringify(API_GLOBAL)}, (${createApiBridge.toString()})(
    ${JSON.stringify(API_METHODS)},
    // An async step, as ipcRenderer.invoke is: a payload that cannot be cloned rejects the call, never throws.
    (method, args) => Promise.resolve().then(() => window[${JSON.stringify(INVOKE)}](method, encodeWire(structuredClone(args)))).then(decodeWire),
    (deliver) => { window[${JSON.stringify(DELIVER)}] = (text) => deliver(decodeWire(text)); },
    (file) => (window[${JSON.stringify(DROPPED_PATHS)}] ?? {})[file.name] ?? '',
  ));
`;

/**
 * Options: `language` starts the app on a system in that language (its home region's locale, so
 * dates, numbers and the CSV separator follow too); nothing chosen in the app. Left out: en-GB.
 */
export async function openHarness(page: Page, dir: string, extend: Partial<AppDeps> = {}, { language }: { language?: Language | undefined } = {}) {
  const server = await serveDirectory(RENDERER_DIR);
  const logLines: LogLine[] = [];
  const events: ApiEvent[] = [];
  const payloads: string[] = [];
  const filePicks: string[] = [];
  const log = createLogger((line) => logLines.push(line));
  const logins = chromiumLoginSurface(page.context().browser()!);
  const portals = chromiumPortalSurface(page.context().browser()!);
  const browsers = installedBrowsers();
  const keychainService = `Bridgekeeper test ${randomUUID()}`;
  // The tokens as the app keeps them: the sealed file in the settings folder, its key in the keychain.
  const vault = createSealedKeychainVault(path.join(dir, 'tokens.vault'), { service: keychainService, keyService: `${keychainService} key` });
  const severaCredentials = createSeveraKeychainVault(keychainService);
  let delivery = Promise.resolve();
  const emit = (event: ApiEvent) => {
    events.push(event);
    // webContents.send clones at once: an event that cannot be cloned throws here, in main, as in Electron.
    const text = encodeWire(mainClone(event));
    payloads.push(text);
    delivery = delivery
      .then(() => page.evaluate(([name, sent]) => (window as unknown as Record<string, (text: string) => void>)[name]?.(sent), [DELIVER, text] as const))
      .catch(() => undefined); // the page may be navigating or closed; a reload lists everything afresh
  };
  const backend = confBackend(dir);
  const build = () =>
    createApp({
      createSettingsBackend: backend.create,
      settingsPath: backend.path,
      eventLogPath: path.join(dir, 'events.jsonl'),
      vault,
      severaCredentials,
      loginSurface: logins.surface,
      portalSurface: portals.surface,
      portalSecrets: createKeychainSecrets(keychainService),
      pickLogFile: async () => filePicks.shift() ?? null,
      emit,
      log,
      locale: () => (language ? systemLocaleOf(language) : 'en-GB'),
      browserLogins: browsers.deps,
      ...extend,
    });

  let app = build();
  let dispatch: Dispatch = createDispatcher(app.api, log);
  await page.exposeBinding(INVOKE, async (_source, method: unknown, args: string) => {
    // What main's handler receives is V8's clone of the page's; what it answers is cloned again on the way back
    // (a function in an answer throws here, and the page's call fails, as ipcMain.handle's reply would).
    const result = encodeWire(mainClone(await dispatch(method, mainClone(decodeWire(args)))));
    payloads.push(args, result);
    return result;
  });
  await page.addInitScript({ content: clientScript });
  await page.goto(server.url);
  await rendered(page);

  const harness: Harness & { close(): Promise<void> } = {
    page,
    dir,
    logLines,
    events,
    payloads,
    filePicks,
    logins,
    portals,
    browsers,
    keychainService,
    get app() {
      return app;
    },
    emit,
    words: () => createTranslator(app.language.locale()),
    say(english, area) {
      const catalog = catalogOf('en');
      const key = (Object.keys(catalog) as (keyof typeof catalog)[]).find((k) => k.startsWith(`${area}.`) && catalog[k] === english);
      return key ? createTranslator(app.language.locale()).t(key) : english;
    },
    async restart() {
      app = build();
      dispatch = createDispatcher(app.api, log);
      await page.reload();
      await rendered(page);
    },
    close: async () => {
      // As Bridgekeeper does on quit: a deletion still undoable becomes final now, not in a timer after the folder is gone.
      await app.profiles.finishDeletes();
      await vault.close();
      await logins.dispose();
      await portals.dispose();
      await browsers.dispose();
      await server.close();
    },
  };
  return harness;
}

/**
 * `bk`: the app in a fresh settings folder. `test.use({ language: 'fi' })` starts it on a Finnish
 * system (see openHarness); the default is English (en-GB).
 */
export const test = base.extend<{ bk: Harness; language: Language | undefined }>({
  language: [undefined, { option: true }],
  bk: async ({ page, language }, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bridgekeeper-e2e-'));
    const harness = await openHarness(page, dir, {}, { language });
    await use(harness);
    await harness.close();
    await rm(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
