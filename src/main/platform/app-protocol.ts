import { net, protocol } from 'electron';
import { APP_SCHEME, rendererHandler } from './renderer-files';

export { APP_ORIGIN, APP_SCHEME, isAppUrl, isSameOrigin } from './renderer-files';

/** Before app 'ready': the scheme behaves like https (origin, storage, fetch) but nothing else may use it. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves files from the built renderer folder only (platform/renderer-files.ts), through Electron's net.fetch. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, rendererHandler(rendererDir, (url) => net.fetch(url)));
}
