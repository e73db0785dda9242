import { z } from 'zod';
import { PORTAL_LANGUAGES } from './portal-words';

/**
 * How the portal look-alike looks and behaves (`portal.style` in the seed): the ways real portals
 * differ that a portal reconnect must survive. Every field may be left out; left out, the portal is
 * the one it always was. docs/sandbox.md ("The portal look-alike family") says what a person sees
 * for each value; sandbox/portal/variants.ts names useful combinations.
 */

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be ${values.map((v) => `"${v}"`).join(', ').replace(/, ([^,]*)$/, ' or $1')}` });

export const SIGN_IN_SHAPES = ['signin-page', 'account-login', 'same-url', 'federated'] as const;
export const CONNECT_KINDS = ['button', 'link', 'input', 'role-button'] as const;
export const LOGIN_IN = ['navigate', 'popup', 'popup-via-portal'] as const;
export const RESPONSE_MODES = ['form_post', 'query'] as const;
export const FAILURE_REPORTS = ['classic', 'banner-redirect', 'error-page', 'status-500', 'plain'] as const;
export const SUCCESS_REPORTS = ['classic', 'flash', 'status-line', 'same-page', 'nothing'] as const;
export const LIST_LAYOUTS = ['list', 'table', 'cards'] as const;
export const LIST_PAGING = ['none', 'next-link', 'numbered', 'next-button', 'show-more'] as const;

/** Where the pages that need the session live: the session cookie's Path must cover them. */
export const PROTECTED_PAGE = '/integrations/';
const coversProtectedPages = (path: string) => path === '/' || PROTECTED_PAGE.startsWith(path.endsWith('/') ? path : `${path}/`);

export const PortalStyleSchema = z
  .object({
    /** One line saying what this style is like (the CLI prints it); no effect on the portal. */
    description: z.string().default(''),
    /**
     * signin-page: /signin?next=…; account-login: /Account/Login?ReturnUrl=… with "Log in with
     * SuperOffice" and "Log in with email"; same-url: / is the sign-in form signed out and the
     * dashboard signed in; federated: account-login whose SuperOffice button signs in at a SuperOffice
     * look-alike on another origin.
     */
    signIn: oneOf(SIGN_IN_SHAPES).default('signin-page'),
    cookie: z
      .object({
        /** The session cookie's SameSite (None comes with Secure, as browsers demand). */
        sameSite: oneOf(['None', 'Lax', 'Strict']).default('None'),
        /** The session cookie's Path; it must cover /integrations/…, where the session is needed. */
        path: z.string().startsWith('/', 'must start with /').refine(coversProtectedPages, 'must be / or a path above /integrations/, where the session is needed').default('/'),
        /** A second cookie (antiforgery, Path=/integrations) set at sign-in that the Connect request needs: without it, 400. */
        extraPathCookie: z.boolean().default(false),
        /** The session cookie as a Domain cookie on databridge.localhost, shared with the federated sign-in's host. */
        parentDomain: z.boolean().default(false),
      })
      .prefault({}),
    connect: z
      .object({
        /** button: a form's <button>; link: <a href> whose GET starts the login; input: <input type=submit>; role-button: a <span role="button"> with a script. */
        kind: oneOf(CONNECT_KINDS).default('button'),
        /** The control's text; default: the language's word for "Connected". */
        label: z.string().trim().min(1, 'must not be empty').max(100).optional(),
        /** The heading of the section that holds it. */
        section: z.string().trim().min(1, 'must not be empty').max(100).default('Visma.net Financials'),
        /** 0: in the HTML; N: a script puts the control on the page N ms after load. */
        lateMs: z.number().int('must be a whole number of milliseconds').min(0, 'must be 0 or more').max(60_000).default(0),
        /** A "SuperOffice" section before it with a control of the same label that leads somewhere harmless. */
        decoy: z.boolean().default(false),
      })
      .prefault({}),
    /** The integrations list (/integrations; / too with signIn "same-url"): how it is laid out and paged. */
    list: z
      .object({
        /** list: <ul> of name links; table: Name, Direction, Status, Actions (Edit, Job log); cards: an <h3> name and an "Open" link each. */
        layout: oneOf(LIST_LAYOUTS).default('list'),
        /**
         * none: one page; next-link: ?page=N with Previous/Next links; numbered: ?page=N with 1 2 3 … and
         * "›"; show-more: a button whose script fetches ?page=N&part=items and appends it.
         */
        paging: oneOf(LIST_PAGING).default('next-link'),
        /** Integrations per page (or per press of "Show more"). */
        pageSize: z.number().int('must be a whole number').min(1, 'must be 1 or more').max(500, 'must be 500 or less').default(25),
      })
      .prefault({}),
    /** Left out: the seed's portal.loginIn. popup-via-portal: the popup opens a page of the portal itself, which redirects to Visma. */
    loginIn: oneOf(LOGIN_IN).optional(),
    /** Left out: the seed's portal.responseMode. */
    responseMode: oneOf(RESPONSE_MODES).optional(),
    /** Pushed authorization requests: the browser's authorize URL carries only client_id and request_uri. */
    par: z.boolean().default(false),
    /** same-origin: Visma answers to the portal's origin; other-origin: to another port of the portal's host, which sends the person on to the portal. */
    callback: oneOf(['same-origin', 'other-origin']).default('same-origin'),
    /** How a failed connect (Visma's error, wrong company, wrong user) is reported. */
    failure: oneOf(FAILURE_REPORTS).default('classic'),
    /** How a saved connection is reported. */
    success: oneOf(SUCCESS_REPORTS).default('classic'),
    /** accept: store whoever logged in at Visma; refuse: only the integration's API user. */
    wrongUser: oneOf(['accept', 'refuse']).default('accept'),
    /** The portal's own words (Visma's pages stay as they are). */
    language: oneOf(PORTAL_LANGUAGES).default('en'),
    /** The callback waits this long before it answers. */
    slowMs: z.number().int('must be a whole number of milliseconds').min(0, 'must be 0 or more').max(60_000).default(0),
  })
  .superRefine((style, ctx) => {
    if (style.signIn === 'same-url' && style.cookie.path !== '/') {
      ctx.addIssue({ code: 'custom', path: ['cookie', 'path'], message: 'must be / when signIn is "same-url" (the sign-in and the dashboard are both at /)' });
    }
  })
  .prefault({});

/** What a seed or a variant says: every field optional. */
export type PortalStyle = z.input<typeof PortalStyleSchema>;
/** The style in force, defaults filled in. */
export type PortalStyleInForce = z.output<typeof PortalStyleSchema>;
