import type { Sandbox } from '../../sandbox';
import type { AppDeps } from '../../src/main/create-app';
import { type TokenVault, createMemoryVault } from '../../src/main/reauth/token-vault';
import type { ProfileInput } from '../../src/shared/profile';
import { httpLoginSurface } from './http-login-surface';
import { ANNA, FJELLVIND, NORDLYS } from './sandbox/relying-party';
import { tempApp } from './temp-app';
import { inEnglish } from './in-english';

/**
 * An app with `count` profiles, each really reconnected (its own login by the scripted person,
 * its own token set), alternating between Anna's two companies.
 */
export async function connectedApp(sandbox: Sandbox, count: number, options: Partial<AppDeps> = {}, vault: TokenVault = createMemoryVault()) {
  const companies = [NORDLYS, FJELLVIND];
  const definitions: ProfileInput[] = Array.from({ length: count }, (_, i) => {
    const company = companies[i % 2]!;
    return {
      id: `p${String(i).padStart(4, '0')}`,
      name: `Profile ${i}`,
      direction: i % 3 ? 'import' : 'export',
      companyId: company.id,
      companyName: company.name,
      apiUser: ANNA.email,
      environmentId: sandbox.environment.id,
    };
  });
  const persons = definitions.map((d) => ({ ...ANNA, company: d.companyName }));
  const app = tempApp(undefined, { vault, loginSurface: httpLoginSurface(...persons), now: () => new Date(), ...options });
  await app.api.saveEnvironment(sandbox.environment);
  for (const d of definitions) await app.api.createProfile(d);
  for (const d of definitions) {
    const result = await app.api.reauthenticate(d.id);
    if (result.outcome !== 'connected') throw new Error(`setting up ${d.id}: ${result.outcome} ${inEnglish(result.explanation)}`);
  }
  return { app, vault, definitions };
}
