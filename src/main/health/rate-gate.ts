import { setTimeout as sleep } from 'node:timers/promises';

/**
 * One gate for every worker of a health check: when the ERP API says "slow down" (429, or the last
 * call of the window used), every worker waits until the time it named, then goes on. Six workers
 * hitting a 429 make one pause, not a storm of retries.
 */
export interface RateGate {
  /** Waits while the gate is held (or until the signal aborts). */
  pass(signal?: AbortSignal): Promise<void>;
  /** Holds the gate until this epoch ms (a later time wins). */
  hold(notBefore: number): void;
}

export function createRateGate(now: () => number, onWaiting: (until: number | null) => void = () => undefined): RateGate {
  let notBefore = 0;
  let waiters = 0;
  return {
    async pass(signal) {
      while (now() < notBefore && !signal?.aborted) {
        if (waiters++ === 0) onWaiting(notBefore);
        try {
          await sleep(notBefore - now(), undefined, signal ? { signal } : {}).catch(() => undefined);
        } finally {
          if (--waiters === 0) onWaiting(null);
        }
      }
    },
    hold(until) {
      notBefore = Math.max(notBefore, until);
    },
  };
}
