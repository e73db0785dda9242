import type { Sandbox } from '../../../sandbox';

/** A raw token or revocation request, for answers openid-client would turn into exceptions. */
export async function postForm(sandbox: Sandbox, path: '/connect/token' | '/connect/revocation', form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${sandbox.issuer}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

export const refreshWith = (sandbox: Sandbox, refreshToken: string, clientId = sandbox.environment.clientId) =>
  postForm(sandbox, '/connect/token', { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId });
