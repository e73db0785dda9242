import type { IncomingMessage, ServerResponse } from 'node:http';
import { readForm } from '../http/respond';
import type { PortalCookies } from './portal-cookies';
import { found, localPath, sendPage } from './portal-http';
import { accountLoginPage, emailLoginPage, signInPage } from './portal-pages';
import type { PortalState } from './portal-state';
import { randomSecret } from './portal-state';
import type { PortalStyleInForce } from './portal-style';
import type { PortalWords } from './portal-words';
import type { SuperOfficeLookalike } from './superoffice/superoffice-lookalike';

/**
 * The portal's sign-in, in the shape its style names:
 * - signin-page: /signin?next=…, one form;
 * - account-login: /Account/Login?ReturnUrl=… offers "Log in with SuperOffice" and "Log in with
 *   email", the second leading to /Account/Login/Email (DataBridge's documented page);
 * - same-url: / is the form while signed out (protected pages send people to /?returnUrl=…);
 * - federated: account-login whose SuperOffice button signs in at the SuperOffice look-alike, which
 *   comes back to /Account/ExternalLogin/Callback?ticket=…&state=….
 */
export interface SignInRoutes {
  /** The page a sign-in starts at (the portal file's signInUrl). */
  path: string;
  /** Where a signed-out visitor to `returnTo` is sent. */
  locationFor(returnTo: string): string;
  /** Answers the sign-in's own requests; false when the request is none of them. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL, user: string | undefined): Promise<boolean>;
}

export const EXTERNAL_LOGIN_CALLBACK_PATH = '/Account/ExternalLogin/Callback';

interface SignInDeps {
  style: PortalStyleInForce;
  state: PortalState;
  words: PortalWords;
  cookies: PortalCookies;
  superOffice?: SuperOfficeLookalike;
}

export function createSignIn(deps: SignInDeps): SignInRoutes {
  switch (deps.style.signIn) {
    case 'same-url':
      return sameUrlSignIn(deps);
    case 'account-login':
    case 'federated':
      return accountSignIn(deps);
    default:
      return signInPageSignIn(deps);
  }
}

/** Checks email and password; on success sets the portal's cookies and sends the person on. */
function passwordSignIn({ state, cookies }: SignInDeps) {
  return (res: ServerResponse, email: string, password: string | null, returnTo: string): boolean => {
    const user = state.user(email);
    if (!user || user.password !== password) return false;
    found(res, returnTo, { 'Set-Cookie': cookies.signedIn(state.startSession(user.email)) });
    return true;
  };
}

function signInPageSignIn(deps: SignInDeps): SignInRoutes {
  const { words } = deps;
  const check = passwordSignIn(deps);
  const page = (returnTo: string, email?: string, error?: string) =>
    signInPage(words, { action: '/signin', returnField: 'next', returnTo, ...(email !== undefined ? { email } : {}), ...(error ? { error } : {}) });
  return {
    path: '/signin',
    locationFor: (returnTo) => `/signin?next=${encodeURIComponent(returnTo)}`,
    async handle(req, res, url) {
      if (url.pathname !== '/signin') return false;
      if (req.method === 'GET') {
        sendPage(res, 200, page(localPath(url.searchParams.get('next'))));
        return true;
      }
      if (req.method !== 'POST') return false;
      const form = await readForm(req);
      const email = form.get('email') ?? '';
      const next = localPath(form.get('next'));
      if (!check(res, email, form.get('password'), next)) sendPage(res, 200, page(next, email, words.wrongPassword));
      return true;
    },
  };
}

function sameUrlSignIn(deps: SignInDeps): SignInRoutes {
  const { words } = deps;
  const check = passwordSignIn(deps);
  const page = (returnTo: string, email?: string, error?: string) =>
    signInPage(words, { action: '/', returnField: 'returnUrl', returnTo, ...(email !== undefined ? { email } : {}), ...(error ? { error } : {}) });
  return {
    path: '/',
    locationFor: (returnTo) => `/?returnUrl=${encodeURIComponent(returnTo)}`,
    async handle(req, res, url, user) {
      if (url.pathname !== '/') return false;
      // Signed in, / is the dashboard: not the sign-in's to answer.
      if (req.method === 'GET' && user) return false;
      if (req.method === 'GET') {
        sendPage(res, 200, page(localPath(url.searchParams.get('returnUrl'), '/')));
        return true;
      }
      if (req.method !== 'POST') return false;
      const form = await readForm(req);
      const email = form.get('email') ?? '';
      const returnTo = localPath(form.get('returnUrl'), '/');
      if (!check(res, email, form.get('password'), returnTo)) sendPage(res, 200, page(returnTo, email, words.wrongPassword));
      return true;
    },
  };
}

function accountSignIn(deps: SignInDeps): SignInRoutes {
  const { words, state, cookies, superOffice } = deps;
  const check = passwordSignIn(deps);
  const returnUrlOf = (params: URLSearchParams) => localPath(params.get('ReturnUrl'));
  const loginPage = (res: ServerResponse, returnUrl: string, error?: string) => sendPage(res, 200, accountLoginPage(words, { returnUrl, ...(error ? { error } : {}) }));

  return {
    path: '/Account/Login',
    locationFor: (returnTo) => `/Account/Login?ReturnUrl=${encodeURIComponent(returnTo)}`,
    async handle(req, res, url) {
      const { pathname } = url;
      if (pathname === '/Account/Login' && req.method === 'GET') {
        loginPage(res, returnUrlOf(url.searchParams));
        return true;
      }
      if (pathname === '/Account/Login/Email' && req.method === 'GET') {
        sendPage(res, 200, emailLoginPage(words, { returnUrl: returnUrlOf(url.searchParams) }));
        return true;
      }
      if (pathname === '/Account/Login/Email' && req.method === 'POST') {
        const form = await readForm(req);
        const email = form.get('Email') ?? '';
        const returnUrl = returnUrlOf(form);
        if (!check(res, email, form.get('Password'), returnUrl)) sendPage(res, 200, emailLoginPage(words, { returnUrl, email, error: words.wrongPassword }));
        return true;
      }
      if (pathname === '/Account/ExternalLogin' && req.method === 'POST') {
        const form = await readForm(req);
        const returnUrl = returnUrlOf(form);
        if (!superOffice || form.get('provider') !== 'SuperOffice') {
          loginPage(res, returnUrl, words.superOfficeOff);
          return true;
        }
        const key = randomSecret();
        state.addPendingSignIn(key, returnUrl);
        found(res, superOffice.signInUrl(key));
        return true;
      }
      if (pathname === EXTERNAL_LOGIN_CALLBACK_PATH && req.method === 'GET' && superOffice) {
        const pending = state.takePendingSignIn(url.searchParams.get('state') ?? '');
        if (!pending) {
          loginPage(res, '/integrations', words.notInProgress);
          return true;
        }
        const email = superOffice.redeem(url.searchParams.get('ticket') ?? '');
        const user = email ? state.user(email) : undefined;
        if (!user) {
          loginPage(res, pending.returnUrl, words.noPortalUser(email ?? words.unknownUser));
          return true;
        }
        found(res, pending.returnUrl, { 'Set-Cookie': cookies.signedIn(state.startSession(user.email)) });
        return true;
      }
      return false;
    },
  };
}
