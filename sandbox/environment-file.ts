import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type EnvironmentDefinition, EnvironmentDefinitionSchema } from '../src/shared/environment';
import type { Seed } from './seed/seed-schema';

/** The environment the app imports (F3) to log in against this sandbox, checked by the app's own schema. */
export function environmentFor(seed: Seed, addresses: { issuer: string; apiBaseUrl: string }): EnvironmentDefinition {
  const clientId = seed.environment.clientId ?? seed.clients[0]!.clientId;
  const client = seed.clients.find((c) => c.clientId === clientId)!;
  return EnvironmentDefinitionSchema.parse({
    id: seed.environment.id,
    name: seed.environment.name,
    issuer: addresses.issuer,
    clientId,
    scopes: seed.environment.scopes,
    redirectUri: client.redirectUris[0],
    apiBaseUrl: addresses.apiBaseUrl,
    verifyPath: seed.environment.verifyPath,
    extraLoginOrigins: [],
  });
}

export async function writeEnvironmentFile(file: string, environment: EnvironmentDefinition): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, `${JSON.stringify(environment, null, 2)}\n`);
}
