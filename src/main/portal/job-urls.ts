import { validationWords } from '../../shared/field-schemas';
import { verbatim } from '../in-words';
import { SecureUrl } from '../../shared/secure-url';
import { userError } from '../errors';
import type { SecretStore } from './portal-secrets';
import { maskJobUrl } from './triggered-job';

const account = (profileId: string) => `job:${profileId}`;

/** Portal profiles' triggered-job URLs: each carries its job's secret key, so it lives in the keychain only. */
export function createJobUrls(secrets: SecretStore) {
  return {
    get: (profileId: string) => secrets.get(account(profileId)),
    /** Stores the URL and gives back its masked form for the profile; null removes it. */
    async set(profileId: string, url: string | null): Promise<string | undefined> {
      if (url === null || url.trim() === '') {
        await secrets.delete(account(profileId));
        return undefined;
      }
      const parsed = SecureUrl.safeParse(url.trim());
      if (!parsed.success) {
        const problem = parsed.error.issues[0]!.message;
        throw userError('invalid-argument', 'reauth.job.url-invalid', { problem: validationWords(problem) ?? verbatim(problem) });
      }
      await secrets.set(account(profileId), parsed.data);
      return maskJobUrl(parsed.data);
    },
    forget: (profileId: string) => secrets.delete(account(profileId)).catch(() => undefined),
  };
}

export type JobUrls = ReturnType<typeof createJobUrls>;
