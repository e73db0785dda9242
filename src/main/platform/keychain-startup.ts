import path from 'node:path';
import type { Logger } from '../logger';
import { tokenFileUnreadableNotice } from '../notices';
import type { OpenReport } from '../reauth/sealed-vault';
import { type TokenVault, createMemoryVault } from '../reauth/token-vault';
import type { Notice } from '../../shared/notice';
import { type SeveraCredentialVault, createMemorySeveraVault } from '../severa/panel/credential-vault';
import { type SecretStore, createMemorySecrets } from '../portal/portal-secrets';
import { createKeychainSecrets, createSealedKeychainVault, keychainWorks } from './keychain-vault';
import { createSeveraKeychainVault } from './severa-keychain';

export type ProbeResult = { ok: true } | { ok: false; reason: string };

/** The sealed token file, beside the settings file (loaded late: tests of this module run without Electron). */
const defaultTokenFile = async (): Promise<string> => path.join(path.dirname((await import('./settings-file')).settingsPath()), 'tokens.vault');

/**
 * The vaults the app starts with before it knows whether the keychain works: a locked keyring
 * may prompt, and that prompt must not come before the window. Every call waits for the probe
 * (run once the window shows); then the keychain is used, or memory with the notice that says so.
 */
export function createDeferredVaults(probe: () => Promise<ProbeResult> = keychainWorks, tokenFile: () => Promise<string> = defaultTokenFile) {
  let resolveProbe!: (result: ProbeResult) => void;
  const decided = new Promise<ProbeResult>((resolve) => (resolveProbe = resolve));
  let started: Promise<ProbeResult> | undefined;
  // One vault of each, made once the probe has answered.
  let tokenVault: TokenVault | undefined;
  let severaVault: SeveraCredentialVault | undefined;
  let opened: Promise<OpenReport | undefined> = Promise.resolve(undefined);
  const tokensReady = decided.then(async (result) => {
    if (!result.ok) return (tokenVault = createMemoryVault());
    const sealed = createSealedKeychainVault(await tokenFile());
    // Opened now, not at the first token call: the migration of earlier per-profile entries starts at once.
    opened = sealed.open().catch(() => undefined); // a failure is the first call's to report (and it tries again)
    return (tokenVault = sealed);
  });
  const severaReady = decided.then((result) => (severaVault = result.ok ? createSeveraKeychainVault() : createMemorySeveraVault()));
  const tokens = () => tokensReady;
  const severa = () => severaReady;
  let portalStore: SecretStore | undefined;
  const portalReady = decided.then((result) => (portalStore = result.ok ? createKeychainSecrets() : createMemorySecrets()));
  const portal = () => portalReady;

  const vault: TokenVault = {
    // The keychain until the probe says otherwise: the start-up notice comes from the probe, not from here.
    get kind() {
      return tokenVault?.kind ?? 'keychain';
    },
    get: async (id) => (await tokens()).get(id),
    set: async (id, entry) => (await tokens()).set(id, entry),
    delete: async (id) => (await tokens()).delete(id),
  };
  const severaCredentials: SeveraCredentialVault = {
    get kind() {
      return severaVault?.kind ?? 'keychain';
    },
    load: async () => (await severa()).load(),
    save: async (credentials) => (await severa()).save(credentials),
    clear: async () => (await severa()).clear(),
  };

  const portalSecrets: SecretStore = {
    get kind() {
      return portalStore?.kind ?? 'keychain';
    },
    get: async (account) => (await portal()).get(account),
    set: async (account, secret) => (await portal()).set(account, secret),
    delete: async (account) => (await portal()).delete(account),
  };

  return {
    vault,
    severaCredentials,
    portalSecrets,
    /** What opening the token file found, once the probe has answered (nothing without a keychain, or when it could not open). */
    async tokenFileOpened(): Promise<OpenReport | undefined> {
      await tokensReady; // the open starts only once the probe has answered
      return opened;
    },
    /** Runs the probe once; calls made before it wait for it. */
    probe(): Promise<ProbeResult> {
      started ??= probe()
        .catch((error: unknown): ProbeResult => ({ ok: false, reason: error instanceof Error ? error.message : String(error) }))
        .then(async (result) => {
          resolveProbe(result);
          await Promise.all([tokensReady, severaReady, portalReady]);
          return result;
        });
      return started;
    },
  };
}

/** Says in the log what opening the token file found (counts, no tokens), and tells the person when its tokens are gone. */
export function reportTokenFile(report: OpenReport | undefined, { log, post }: { log: Pick<Logger, 'info' | 'warn'>; post: (notice: Notice) => void }): void {
  if (!report) return;
  const counts = { newKey: report.newKey, migrated: report.migrated.length, superseded: report.superseded.length, unrecognised: report.unrecognised.length };
  if (!report.movedAside) return void log.info('token-file.opened', counts);
  log.warn('token-file.moved-aside', { ...counts, keptAs: path.basename(report.movedAside) }); // the folder names the user
  post(tokenFileUnreadableNotice(report.movedAside));
}
