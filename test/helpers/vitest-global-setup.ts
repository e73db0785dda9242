import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startPrivateSecretService } from './secret-service';

/**
 * Once per vitest run: a private Secret Service for the keychain tests, and the built app for
 * the packaging test (`npm test` builds first; a bare `npx vitest` may not have).
 */
export default async function setup(): Promise<() => void> {
  if (!existsSync('out/main/index.js') || !existsSync('out/renderer/index.html')) {
    execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
  }
  return startPrivateSecretService();
}
