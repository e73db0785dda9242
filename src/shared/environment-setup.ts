import type { Environment } from './environment';

/**
 * What an environment still lacks before anyone can log in with it: Visma.net production ships
 * without the client id and redirect URI registered for this installation. Empty when set up.
 * (No zod here: the list's first screen asks this of every row.)
 */
export function missingSetup(environment: Pick<Environment, 'clientId' | 'redirectUri'>): string[] {
  const missing: string[] = [];
  if (!environment.clientId) missing.push('client id');
  if (!environment.redirectUri) missing.push('redirect URI');
  return missing;
}

export const isSetUp = (environment: Pick<Environment, 'clientId' | 'redirectUri'>): boolean => missingSetup(environment).length === 0;

/** "Visma.net production is not set up yet: it has no client id and redirect URI." */
export function notSetUpMessage(environment: Pick<Environment, 'name' | 'clientId' | 'redirectUri'>): string {
  return `${environment.name} is not set up yet: it has no ${missingSetup(environment).join(' and ')}. Set it up in Environments (or import the file your admin or the sandbox gave you) before reconnecting.`;
}
