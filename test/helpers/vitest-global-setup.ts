import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The packaging test packs the built app; `npm test` builds first, a bare `npx vitest` may not have. */
export default function setup(): void {
  if (!existsSync('out/main/index.js') || !existsSync('out/renderer/index.html')) {
    execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
  }
}
