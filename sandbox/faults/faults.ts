import { type IncomingMessage, STATUS_CODES, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { sendJson, sendText } from '../http/respond';
import type { Endpoint } from './endpoints';

/** Where a fault applies: one endpoint, or every endpoint but the admin one. */
export type FaultTarget = Endpoint | 'any';

interface Countdown {
  target: FaultTarget;
  remaining: number;
}

export interface FaultSnapshot {
  latencyMs: Partial<Record<FaultTarget, number>>;
  failNext: { target: FaultTarget; remaining: number; status: number }[];
  dropNext: { target: FaultTarget; remaining: number }[];
  throttleNext: { target: FaultTarget; remaining: number; retryAfterSeconds: number }[];
}

/**
 * Faults on demand, applied in front of every endpoint: added latency (until changed), the next N
 * requests answered with a 5xx, the next N connections destroyed without an answer.
 */
export interface Faults {
  setLatency(target: FaultTarget, ms: number): void;
  failNext(target: FaultTarget, count: number, status: number): void;
  dropNext(target: FaultTarget, count: number): void;
  /** The next N requests get 429 with Retry-After and Visma's X-RateLimit-* headers. */
  throttleNext(target: FaultTarget, count: number, retryAfterSeconds: number): void;
  clear(): void;
  snapshot(): FaultSnapshot;
  /** true when the fault answered (or dropped) the request and nothing else may. */
  apply(endpoint: Endpoint, req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

export function createFaults(): Faults {
  const latency = new Map<FaultTarget, number>();
  let failures: (Countdown & { status: number })[] = [];
  let drops: Countdown[] = [];
  let throttles: (Countdown & { retryAfterSeconds: number })[] = [];

  const take = <T extends Countdown>(list: T[], endpoint: Endpoint): T | undefined => {
    const hit = list.find((f) => f.remaining > 0 && (f.target === endpoint || f.target === 'any'));
    if (hit) hit.remaining -= 1;
    return hit;
  };

  return {
    setLatency(target, ms) {
      if (ms > 0) latency.set(target, ms);
      else latency.delete(target);
    },
    failNext: (target, count, status) => void failures.push({ target, remaining: count, status }),
    dropNext: (target, count) => void drops.push({ target, remaining: count }),
    throttleNext: (target, count, retryAfterSeconds) => void throttles.push({ target, remaining: count, retryAfterSeconds }),
    clear() {
      latency.clear();
      failures = [];
      drops = [];
      throttles = [];
    },
    snapshot: () => ({
      latencyMs: Object.fromEntries(latency),
      failNext: failures.filter((f) => f.remaining > 0).map((f) => ({ ...f })),
      dropNext: drops.filter((d) => d.remaining > 0).map((d) => ({ ...d })),
      throttleNext: throttles.filter((t) => t.remaining > 0).map((t) => ({ ...t })),
    }),
    async apply(endpoint, req, res) {
      const delay = Math.max(latency.get(endpoint) ?? 0, latency.get('any') ?? 0);
      if (delay > 0) await sleep(delay);
      if (take(drops, endpoint)) {
        req.socket.destroy();
        return true;
      }
      const throttle = take(throttles, endpoint);
      if (throttle) {
        const seconds = String(throttle.retryAfterSeconds);
        sendJson(res, 429, { Message: 'API calls quota exceeded! (sandbox fault)' }, { 'Retry-After': seconds, 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': seconds });
        return true;
      }
      const failure = take(failures, endpoint);
      if (failure) {
        sendText(res, failure.status, `${failure.status} ${STATUS_CODES[failure.status] ?? 'Server Error'} (sandbox fault)`);
        return true;
      }
      return false;
    },
  };
}
