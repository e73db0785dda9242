import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readForm, sendHtml, sendText } from '../../http/respond';
import { cookieValue } from '../portal-cookies';
import { found } from '../portal-http';
import type { Listener } from '../portal-listeners';
import { superOfficeSignInPage } from './superoffice-pages';

/**
 * SuperOffice CRM Online's look-alike, the provider behind DataBridge's "Log in with SuperOffice"
 * (style signIn "federated"): its own origin, its own sign-in page and session cookie. It sends the
 * person back to the portal's callback with a one-time ticket and the portal's state; the portal
 * redeems the ticket (here in-process, as a back-channel call would) for the email that signed in.
 * The portal's users sign in here with their portal passwords.
 */
export const SUPEROFFICE_COOKIE = 'SuperOffice.Session';
/**
 * A "remember this device" cookie on the parent name it shares with the portal (when it shares one,
 * as sso.databridge.localhost and portal.databridge.localhost do): the portal's pages get it too, and
 * it is the provider's, never part of the portal's sign-in.
 */
export const SUPEROFFICE_DEVICE_COOKIE = 'SuperOffice.Device';
const TICKET_LIFETIME_MS = 2 * 60_000;
const SESSION_LIFETIME_MS = 8 * 3600_000;

export interface SuperOfficeLookalike {
  url: string;
  /** Where the portal sends the browser to sign in; the answer comes back to the portal's callback. */
  signInUrl(state: string): string;
  /** The email a ticket stands for, once. */
  redeem(ticket: string): string | undefined;
}

export function serveSuperOffice(input: { listener: Listener; users: { email: string; password: string }[]; returnTo: string }): SuperOfficeLookalike {
  const { listener, users, returnTo } = input;
  const sessions = new Map<string, { email: string; expiresAt: number }>();
  const tickets = new Map<string, { email: string; expiresAt: number }>();
  const secret = () => randomBytes(24).toString('base64url');

  const backToPortal = (res: ServerResponse, email: string, state: string, headers: Record<string, string> = {}) => {
    const ticket = secret();
    tickets.set(ticket, { email, expiresAt: Date.now() + TICKET_LIFETIME_MS });
    const target = new URL(returnTo);
    target.searchParams.set('ticket', ticket);
    target.searchParams.set('state', state);
    found(res, target.href, headers);
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', listener.url);
    if (url.pathname !== '/login') return sendText(res, 404, 'Not found');
    const form = req.method === 'POST' ? await readForm(req) : url.searchParams;
    const state = form.get('state') ?? '';
    // Only the portal's registered callback: SuperOffice sends no one elsewhere.
    if (form.get('return') !== returnTo || !state) return sendText(res, 400, 'Unknown application or return address');
    if (req.method === 'GET') {
      const session = sessions.get(cookieValue(req, SUPEROFFICE_COOKIE) ?? '');
      if (session && session.expiresAt > Date.now()) return backToPortal(res, session.email, state);
      return sendHtml(res, 200, superOfficeSignInPage({ state, returnTo }));
    }
    if (req.method !== 'POST') return sendText(res, 405, 'Method not allowed');
    const email = form.get('email') ?? '';
    const user = users.find((u) => u.email.toLowerCase() === email.trim().toLowerCase());
    if (!user || user.password !== form.get('password')) {
      return sendHtml(res, 200, superOfficeSignInPage({ state, returnTo, email, error: 'The username or password is incorrect.' }));
    }
    const session = secret();
    sessions.set(session, { email: user.email, expiresAt: Date.now() + SESSION_LIFETIME_MS });
    const labels = new URL(listener.url).hostname.split('.');
    const parent = labels.length > 2 ? labels.slice(1).join('.') : undefined;
    const device = parent ? [`${SUPEROFFICE_DEVICE_COOKIE}=${secret()}; Domain=${parent}; Path=/; HttpOnly; Secure; SameSite=Lax`] : [];
    res.setHeader('Set-Cookie', [`${SUPEROFFICE_COOKIE}=${session}; Path=/; HttpOnly; Secure; SameSite=Lax`, ...device]);
    backToPortal(res, user.email, state);
  }

  listener.server.on('request', (req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error(`sandbox SuperOffice: ${req.method} ${req.url?.split('?')[0]} failed:`, error);
      if (!res.headersSent) sendText(res, 500, 'sandbox_error');
      else res.destroy();
    });
  });

  return {
    url: listener.url,
    signInUrl(state) {
      const url = new URL('/login', listener.url);
      url.searchParams.set('state', state);
      url.searchParams.set('return', returnTo);
      return url.href;
    },
    redeem(ticket) {
      const entry = tickets.get(ticket);
      tickets.delete(ticket);
      return entry && entry.expiresAt > Date.now() ? entry.email : undefined;
    },
  };
}
