import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export const newNonce = () => randomBytes(16).toString('base64');

/** A page with no script, or with the one inline script its nonce allows (and fetches to the portal itself). */
export function sendPage(res: ServerResponse, status: number, html: string, options: { nonce?: string; headers?: Record<string, string> } = {}): void {
  const script = options.nonce ? `; script-src 'nonce-${options.nonce}'; connect-src 'self'` : '';
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'${script}`,
    ...options.headers,
  });
  res.end(html);
}

/** 302, as the portal's redirects are. */
export function found(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(302, { Location: location, 'Content-Length': 0, 'Cache-Control': 'no-store', ...headers });
  res.end();
}

/** Only a path on this portal: `next` must not send anyone elsewhere. */
export const localPath = (value: string | null | undefined, fallback = '/integrations'): string =>
  value && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : fallback;
