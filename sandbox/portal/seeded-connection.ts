import { totp } from '../identity/totp';
import type { UserSeed } from '../seed/seed-schema';
import type { PortalTokens, PortalVismaClient } from './portal-visma-client';

/**
 * An integration the seed marks "connected" gets its connection the only way the portal gets one:
 * its own client's login at Visma Connect, here walked by the sandbox itself through the same pages
 * a person sees (sign in, two-step, company, consent), so the tokens are real ones.
 */
export async function connectAtStart(visma: PortalVismaClient, user: UserSeed, companyId: string): Promise<PortalTokens> {
  const login = await visma.begin({ responseMode: 'query' });
  const cookies = new Map<string, string>();
  let url = login.url;
  let form: URLSearchParams | undefined;
  for (let step = 0; step < 20; step += 1) {
    if (url.href.startsWith(visma.redirectUri)) {
      const error = url.searchParams.get('error');
      if (error) throw new Error(`${user.email} cannot connect company ${companyId}: ${error} (${url.searchParams.get('error_description') ?? ''})`);
      return visma.redeem(url.searchParams, login);
    }
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: form.toString() } : {}),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url);
      form = undefined;
      continue;
    }
    const html = await response.text();
    const problem = /role="alert"[^>]*>(.*?)<\/p>/s.exec(html)?.[1]?.replace(/<[^>]+>/g, '');
    if (problem) throw new Error(`${user.email} cannot connect company ${companyId}: ${problem}`);
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    const page = action?.split('/').pop();
    const answers: Record<string, Record<string, string>> = {
      login: { email: user.email, password: user.password },
      'two-step': { code: user.totpSecret ? totp(user.totpSecret) : '' },
      company: { tenant: companyId, action: 'continue' },
      consent: { decision: 'accept' },
    };
    if (!action || !page || !Object.hasOwn(answers, page)) {
      throw new Error(`${user.email} cannot connect company ${companyId}: Visma Connect showed ${/<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? `an HTTP ${response.status} page`}`);
    }
    url = new URL(action, url);
    form = new URLSearchParams(answers[page]);
  }
  throw new Error(`${user.email} cannot connect company ${companyId}: too many steps`);
}
