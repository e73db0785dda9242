import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { privateTempFolder } from './private-temp';
import { startPrivateSecretService } from './secret-service';

/**
 * Once per vitest run: a private temp folder and Secret Service for the tests, and the built app for
 * the packaging test (`npm test` builds first; a bare `npx vitest` may not have).
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (!existsSync('out/main/index.js') || !existsSync('out/renderer/index.html')) {
    execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
  }
  // Every temp folder of the run goes into one, removed at the end (after the keyring inside it stops).
  const removeTemp = privateTempFolder();
  const keyring = await startPrivateSecretService();
  return async () => {
    await keyring.stop();
    removeTemp();
  };
}
