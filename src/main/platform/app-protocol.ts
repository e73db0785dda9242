import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
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

/** Before app 'ready': the scheme behaves like https (origin, storage, fetch) but nothing else may use it. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves files from the built renderer folder only; a path that climbs out of it is a 404. */
export function serveRenderer(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (!isAppUrl(url.href)) return new Response('Not found', { status: 404 });
    const relative = decodeURIComponent(url.pathname) === '/' ? 'index.html' : decodeURIComponent(url.pathname).slice(1);
    const file = path.resolve(root, relative);
    if (file !== root && !file.startsWith(root + path.sep)) return new Response('Not found', { status: 404 });
    // Electron's net.fetch rejects for a file that is not there (net::ERR_FILE_NOT_FOUND), where a server would say 404:
    // uncaught, the handler's rejection reaches the page as net::ERR_UNEXPECTED.
    const response = await net.fetch(pathToFileURL(file).toString()).catch(() => null);
    if (!response) return new Response('Not found', { status: 404 });
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
