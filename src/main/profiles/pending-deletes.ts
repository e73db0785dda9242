import { randomUUID } from 'node:crypto';
import type { Profile } from '../../shared/profile';

export interface PendingDeletesDeps {
  /** Revokes and removes a profile's tokens; returns why Visma could not revoke, if it could not. */
  forgetTokens(profile: Profile): Promise<string | undefined>;
  /** A deletion became final and Visma could not revoke some tokens (they are gone locally all the same). */
  onRevokeFailures(failures: { name: string; message: string }[]): void;
  undoMs: number;
  now(): Date;
}

/**
 * Deleted profiles that can still come back: out of the list and the file already, their tokens
 * untouched until the deletion is final — when the undo time runs out, or on finishAll (quit).
 */
export function createPendingDeletes({ forgetTokens, onRevokeFailures, undoMs, now }: PendingDeletesDeps) {
  const pending = new Map<string, { profiles: Profile[]; timer: ReturnType<typeof setTimeout> }>();

  const finish = async (undoId: string) => {
    const deletion = pending.get(undoId);
    if (!deletion) return;
    pending.delete(undoId);
    clearTimeout(deletion.timer);
    const failures: { name: string; message: string }[] = [];
    for (const profile of deletion.profiles) {
      if (profile.status === 'never-connected') continue; // never logged in: no tokens to revoke
      const message = await forgetTokens(profile);
      if (message) failures.push({ name: profile.name, message });
    }
    if (failures.length > 0) onRevokeFailures(failures);
  };

  return {
    /** Starts the undo time for profiles just removed; returns what undo needs. */
    add(profiles: Profile[]): { undoId: string; finalAt: string } {
      const undoId = randomUUID();
      const timer = setTimeout(() => void finish(undoId), undoMs);
      timer.unref?.();
      pending.set(undoId, { profiles, timer });
      return { undoId, finalAt: new Date(now().getTime() + undoMs).toISOString() };
    },
    /** The profiles of a deletion that is not final yet, taken back (their tokens kept); undefined when too late. */
    take(undoId: string): Profile[] | undefined {
      const deletion = pending.get(undoId);
      if (!deletion) return undefined;
      pending.delete(undoId);
      clearTimeout(deletion.timer);
      return deletion.profiles;
    },
    /**
     * Tokens are kept under the profile's id: before a profile takes the id of one whose deletion
     * is pending, that deletion is made final, so its revoke cannot take the new profile's tokens.
     */
    async settle(ids: readonly string[]) {
      const wanted = new Set(ids);
      for (const [undoId, deletion] of pending) if (deletion.profiles.some((p) => wanted.has(p.id))) await finish(undoId);
    },
    async finishAll() {
      for (const undoId of [...pending.keys()]) await finish(undoId);
    },
  };
}
