import type { Environment } from '../../../../shared/environment';
import { missingSetup } from '../../../../shared/environment-setup';
import type { Profile } from '../../../../shared/profile';

/** What the list says about where a profile's connection is made, and whether that place is ready. */
export interface ConnectionLabel {
  text: string;
  /** Why a reconnect cannot work yet (the environment lacks its client id or redirect URI); absent when ready. */
  notSetUp?: string;
}

/** Portal profiles say "Portal"; direct ones name their environment, flagged when it is not set up. */
export function connectionLabeller(environments: readonly Environment[]): (profile: Profile) => ConnectionLabel {
  const byId = new Map(environments.map((e) => [e.id, e]));
  const cache = new Map<string, ConnectionLabel>();
  return (profile) => {
    if (profile.connection === 'portal') return { text: 'Portal' };
    let label = cache.get(profile.environmentId);
    if (!label) {
      const environment = byId.get(profile.environmentId);
      const missing = environment ? missingSetup(environment) : [];
      label = !environment
        ? { text: profile.environmentId, notSetUp: 'this environment no longer exists' }
        : missing.length > 0
          ? { text: environment.name, notSetUp: `not set up yet: no ${missing.join(' and ')}` }
          : { text: environment.name };
      cache.set(profile.environmentId, label);
    }
    return label;
  };
}
