import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The portal's sign-in cookie. */
export const SESSION_COOKIE = 'databridge_session';

/**
 * SameSite=None (and so Secure, which Chromium accepts on http://localhost): Visma's form_post back
 * to the portal is a cross-site POST, which would not carry a Lax cookie.
 */
export const sessionCookie = (id: string) => `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; Secure; SameSite=None`;

export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

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
export function found(res: ServerResponse, location: string, headers: Record<string, string> = {}): void {
  res.writeHead(302, { Location: location, 'Content-Length': 0, 'Cache-Control': 'no-store', ...headers });
  res.end();
}

/** Only a path on this portal: `next` must not send anyone elsewhere. */
export const localPath = (value: string | null | undefined): string => (value && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : '/integrations');
