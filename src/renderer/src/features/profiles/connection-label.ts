import type { Environment } from '../../../../shared/environment';
import type { Portal } from '../../../../shared/portal';
import { missingSetup } from '../../../../shared/environment-setup';
import type { Translator } from '../../../../shared/i18n/translator';
import type { Profile } from '../../../../shared/profile';

/** What the list says about where a profile's connection is made, and whether that place is ready. */
export interface ConnectionLabel {
  text: string;
  /** Why a reconnect cannot work yet (the environment lacks its client id or redirect URI); absent when ready. */
  notSetUp?: string;
}

/** Portal profiles name their portal; direct ones their environment, flagged when it is not set up. */
export function connectionLabeller(environments: readonly Environment[], portals: readonly Portal[], t: Translator['t']): (profile: Profile) => ConnectionLabel {
  const byId = new Map(environments.map((e) => [e.id, e]));
  const portalsById = new Map(portals.map((p) => [p.id, p]));
  const cache = new Map<string, ConnectionLabel>();
  return (profile) => {
    if (profile.connection === 'portal') {
      const portal = portalsById.get(profile.portalId);
      return portal ? { text: portal.name } : { text: profile.portalId, notSetUp: t('profiles.connection.portal-missing') };
    }
    let label = cache.get(profile.environmentId);
    if (!label) {
      const environment = byId.get(profile.environmentId);
      const missing = environment ? missingSetup(environment) : [];
      label = !environment
        ? { text: profile.environmentId, notSetUp: t('profiles.connection.environment-missing') }
        : missing.length > 0
          ? { text: environment.name, notSetUp: t('profiles.connection.environment-not-set-up', { missing: missing.length > 1 ? 'both' : missing[0] === 'client id' ? 'client' : 'redirect' }) }
          : { text: environment.name };
      cache.set(profile.environmentId, label);
    }
    return label;
  };
}
