import { randomUUID } from 'node:crypto';
import { type Session, session } from 'electron';
import type { Logger } from '../logger';

/**
 * In-memory partitions for login windows, reused rather than made afresh: Electron keeps every
 * session it ever made until the app exits (one per `fromPartition` name), so a new name per
 * login would leave 100 sessions after a bulk run of 50. A partition goes back into the pool only
 * once everything of the last login is gone from it; one that could not be cleared is retired.
 */
export interface PartitionPool {
  take(): { partition: string; session: Session };
  /** Clears the partition completely, then makes it available again. False: it could not be cleared. */
  giveBack(partition: string): Promise<boolean>;
  /** A partition that was never used (a prepared window let go): straight back into the pool. */
  giveBackUnused(partition: string): void;
}

/** `configure` runs once per partition, when it is made: a reused session keeps its handlers, and listeners must not pile up. */
export function createPartitionPool(log: Logger, configure: (session: Session) => void, kind: 'login' | 'portal' = 'login'): PartitionPool {
  const run = randomUUID(); // never "persist:": in memory only, and unique to this run of the app
  const free: string[] = [];
  let made = 0;
  return {
    take() {
      const reused = free.pop();
      const partition = reused ?? `bridgekeeper-${kind}-${run}-${++made}`;
      const taken = session.fromPartition(partition, { cache: false });
      if (!reused) configure(taken);
      return { partition, session: taken };
    },
    async giveBack(partition) {
      try {
        await clearEverything(session.fromPartition(partition, { cache: false }));
        free.push(partition);
        return true;
      } catch (error) {
        log.warn('login-window.clear-failed', { error: error instanceof Error ? error.message : String(error) });
        return false;
      }
    },
    giveBackUnused(partition) {
      free.push(partition);
    },
  };
}

/** Storage of every kind, the HTTP cache, the HTTP auth cache, and open connections (which carry TLS sessions). */
async function clearEverything(loginSession: Session): Promise<void> {
  await loginSession.clearData(); // every data type: cookies, storage, IndexedDB, service workers, HTTP cache, …
  await loginSession.clearAuthCache();
  await loginSession.closeAllConnections();
}
