import type { LoginRequest, LoginResult, LoginSurface } from '../../src/main/reauth/login-surface';
import { type Person, walkLogin } from './sandbox/relying-party';

/** What the scripted person does with one login: walk it as `person`, close the window, or leave it open. */
export type LoginScript = Person | 'close' | 'wait' | ((request: LoginRequest) => Promise<LoginResult>);

/**
 * A login surface for fast integration tests: the scripted person (plain HTTP, the real pages)
 * plays each login in turn, from a fresh cookie jar each time. Browser-level checks live in the
 * Chromium harness; this covers the flow's many endings quickly.
 */
export function httpLoginSurface(...scripts: LoginScript[]): LoginSurface & { opened: LoginRequest[] } {
  const opened: LoginRequest[] = [];
  return {
    opened,
    async open(request) {
      opened.push(request);
      const script = scripts.shift();
      if (!script) throw new Error('the test scripted no person for this login');
      if (script === 'close') return { kind: 'closed' };
      if (script === 'wait') {
        return new Promise((resolve) => {
          if (request.signal.aborted) resolve({ kind: 'closed' });
          request.signal.addEventListener('abort', () => resolve({ kind: 'closed' }), { once: true });
        });
      }
      if (typeof script === 'function') return script(request);
      const url = await walkLogin({ url: request.url, redirectUri: request.redirectUri, codeVerifier: '', state: '', nonce: '' }, script);
      return { kind: 'redirected', url };
    },
  };
}
