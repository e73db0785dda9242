import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

/**
 * The main window loads app://bridgekeeper/ rather than file://: a file:// page shares its
 * origin with every other local file, an app:// page has an origin of its own.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://bridgekeeper`;

/**
 * Same scheme and host as app://bridgekeeper. Not URL.origin: Node's URL gives every
 * non-special scheme (app:, file:, …) the origin "null", so they would all compare equal.
 */
export function isSameOrigin(url: string, base: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(base);
    return a.protocol === b.protocol && a.host === b.host && a.host !== '';
  } catch {
    return false;
  }
}

export const isAppUrl = (url: string): boolean => isSameOrigin(url, APP_ORIGIN);

/**
 * What app:// answers: files from the built renderer folder only (a path that climbs out of it is a 404), with
 * the CSP header. `fetchFile` is Electron's net.fetch for file: URLs, which rejects (net::ERR_FILE_NOT_FOUND) for a
 * file that is not there. No Electron here: the E2E harness serves the renderer through this same handler.
 */
export function rendererHandler(rendererDir: string, fetchFile: (url: string) => Promise<Response>): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);
  return async (request) => {
    const url = new URL(request.url);
    if (!isAppUrl(url.href)) return new Response('Not found', { status: 404 });
    const relative = decodeURIComponent(url.pathname) === '/' ? 'index.html' : decodeURIComponent(url.pathname).slice(1);
    const file = path.resolve(root, relative);
    if (file !== root && !file.startsWith(root + path.sep)) return new Response('Not found', { status: 404 });
    // Uncaught, a rejection for a missing file would reach the page as net::ERR_UNEXPECTED: a 404 says what it is.
    const response = await fetchFile(pathToFileURL(file).toString()).catch(() => null);
    if (!response) return new Response('Not found', { status: 404 });
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  };
}
