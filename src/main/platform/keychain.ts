import v8 from 'node:v8';
import vm from 'node:vm';
import type * as KeytarModule from '@napi-rs/keyring/keytar.js'; // types only: erased, so nothing loads at start

type Keytar = typeof KeytarModule;

/**
 * Loaded on first use, not at start: the binding throws when its platform package is missing
 * (an installer built on another OS), and that must cost the keychain, not the whole app.
 * The probe (keychain-vault.ts) sees the failure and the app falls back to the memory vault.
 */
let binding: Promise<Keytar> | undefined;
const keytar = (): Promise<Keytar> => (binding ??= import('@napi-rs/keyring/keytar.js')); // no exports map: Node's ESM loader needs the file name

/**
 * On Linux every keychain call opens a D-Bus connection to the Secret Service that closes only
 * when the call's entry object is garbage-collected. A burst — a health check that refreshes
 * 1,000 profiles — would pile up connections until the Secret Service refuses ("AccessDenied")
 * and rotated refresh tokens could not be stored. So after every batch of calls the garbage is
 * collected. `gc` is not exposed by default; V8 can be asked for it at run time.
 */
const COLLECT_EVERY = 50;
let callsSinceCollect = 0;
let collect: (() => void) | undefined;

async function call<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } finally {
    if (++callsSinceCollect >= COLLECT_EVERY) {
      callsSinceCollect = 0;
      if (!collect) {
        v8.setFlagsFromString('--expose-gc');
        collect = vm.runInNewContext('gc') as () => void;
      }
      collect();
    }
  }
}

/** The OS keychain (macOS Keychain, Windows Credential Manager, Secret Service) through the keytar API. */
export const keychain = {
  get: async (service: string, account: string) => {
    const { getPassword } = await keytar();
    return call(() => getPassword(service, account));
  },
  set: async (service: string, account: string, secret: string) => {
    const { setPassword } = await keytar();
    return call(() => setPassword(service, account, secret));
  },
  delete: async (service: string, account: string) => {
    const { deletePassword } = await keytar();
    return call(() => deletePassword(service, account));
  },
  /** Every entry under a service name, in one call (the migration of per-profile entries reads them so). */
  list: async (service: string) => {
    const { findCredentials } = await keytar();
    return call(() => findCredentials(service));
  },
};
