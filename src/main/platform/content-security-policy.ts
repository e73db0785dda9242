/**
 * The main window runs only our own bundled code: no inline script, no eval, no remote
 * content, no network at all (everything goes through the preload's API).
 * The same policy is in src/renderer/index.html as a meta tag; a unit test keeps them equal.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');
