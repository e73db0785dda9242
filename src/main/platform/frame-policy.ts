/**
 * What a login or portal page may show in its frames (iframes). Electron fires `will-frame-navigate`
 * for every frame a page navigates (`isMainFrame` false for a frame) and `will-redirect` for every
 * frame's redirects: the windows' guards ask `frameAllowed` for frames, and their own rule for the page.
 *
 * A frame may show:
 * - anything the window's page may show (the identity provider's origins, the environment's extra
 *   login origins; the portal's own rule), a `blob:` of those included (its origin is its creator's);
 * - `about:blank` and `about:srcdoc`, which load nothing;
 * - the challenge of a known captcha provider, over https on its own host and path only — a captcha
 *   the identity provider shows must appear, or the login cannot go on. Consent banners are not
 *   frames of their own, and a federated sign-in widget (Google, Microsoft, Apple) is a way to sign
 *   in elsewhere: an environment that uses one lists its origin, as it must for the page too.
 * Anything else is refused; an http(s) frame refused is told to the person (its host, once a window).
 */
export const CAPTCHA_FRAMES: readonly { name: string; host: (host: string) => boolean; path: string }[] = [
  { name: 'Google reCAPTCHA', host: (h) => ['www.google.com', 'www.recaptcha.net', 'recaptcha.google.com'].includes(h), path: '/recaptcha/' },
  { name: 'hCaptcha', host: (h) => ['newassets.hcaptcha.com', 'assets.hcaptcha.com'].includes(h), path: '/captcha/' },
  { name: 'Cloudflare Turnstile', host: (h) => h === 'challenges.cloudflare.com', path: '/cdn-cgi/challenge-platform/' },
  // Arkose Labs (Microsoft's sign-in): client-api., iframe. and a host per customer.
  { name: 'Arkose Labs', host: (h) => /^[a-z0-9-]+\.arkoselabs\.com$/.test(h), path: '/' },
];

const EMPTY_FRAMES = new Set(['about:blank', 'about:srcdoc']);

/** A known captcha provider's challenge: https, no port or user info, its host and path. */
export function isCaptchaFrame(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return false;
  return CAPTCHA_FRAMES.some((provider) => provider.host(parsed.hostname) && parsed.pathname.startsWith(provider.path));
}

/** Whether a frame of a page may show `url`, given what the window's page may show. */
export function frameAllowed(url: string, pageAllowed: (url: string) => boolean): boolean {
  return EMPTY_FRAMES.has(url) || pageAllowed(url) || isCaptchaFrame(url);
}

/** The host to name when a frame was refused; none for a frame that is no address a person could add (data:, javascript:). */
export function refusedFrameHost(url: string): string | null {
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed.host : null;
  } catch {
    return null;
  }
}
