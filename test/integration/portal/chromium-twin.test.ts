import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../../../playwright.config';
import type { PortalSessionEvents, PortalSite } from '../../../src/main/portal/portal-surface';
import { chromiumPortalSurface } from '../../helpers/chromium-portal-surface';

/**
 * The Chromium stand-in for Electron's portal window is no kinder than Electron: what the session may
 * not reach is stopped where the navigation starts (the page stays, nobody "answered"), a popup to
 * such a place never opens, and cookies come back on every path.
 */

let browser: Browser;
let server: http.Server;
let origin: string;
beforeAll(async () => {
  browser = await chromium.launch(CHROMIUM);
  server = http.createServer((req, res) => {
    const page = (body: string) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><title>t</title>${body}`);
    if (req.url === '/start') return page(`<a id="away" href="http://127.0.0.1:9/elsewhere">away</a><button id="pop" onclick="window.open('http://127.0.0.1:9/popup')">pop</button><button id="ok" onclick="window.open('/ok')">ok</button>`);
    if (req.url === '/cookies') {
      res.setHeader('Set-Cookie', ['root=1; Path=/', 'deep=2; Path=/integrations']);
      return page('cookies');
    }
    return page(req.url ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser.close();
  await new Promise((resolve) => server.close(resolve));
});

async function open() {
  const twin = chromiumPortalSurface(browser);
  const seen: string[] = [];
  const events: PortalSessionEvents = {
    request: () => undefined,
    response: () => undefined,
    failed: (r) => seen.push(`failed ${r.url}`),
    navigating: () => undefined,
    loaded: (_w, url) => seen.push(`loaded ${url}`),
    blocked: (_w, url, top) => seen.push(`blocked ${url} ${top ? 'top' : 'frame'}`),
    opened: (w) => seen.push(`opened ${w}`),
    closed: (w) => seen.push(`closed ${w}`),
  };
  const site: PortalSite = { origin, signInUrl: `${origin}/signin`, identityOrigins: [], signInOrigins: [], connectButtonLabel: '', connectSection: '', connectedMarker: '' };
  const session = await twin.surface.open({ site, cookies: [], title: 't', allowed: (url) => url === 'about:blank' || url.startsWith(`${origin}/`), events });
  session.load(`${origin}/start`);
  session.reveal();
  const page = await twin.nextWindow();
  await page.waitForLoadState('load');
  return { twin, session, page, seen };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('the Chromium twin of the portal window', () => {
  it('stops a navigation the session may not make where it starts: the page stays, and no request "failed"', async () => {
    const { session, page, seen } = await open();
    await page.click('#away');
    await until(() => seen.some((s) => s.startsWith('blocked')));
    await page.waitForTimeout(100);
    expect(page.url()).toBe(`${origin}/start`);
    expect(seen.filter((s) => s.startsWith('blocked') || s.startsWith('failed'))).toEqual(['blocked http://127.0.0.1:9/elsewhere top']);
    await session.close();
  });

  it('never opens a popup to where the session may not go; one it may go to opens', async () => {
    const { session, page, seen, twin } = await open();
    await page.click('#pop');
    await until(() => seen.some((s) => s.startsWith('closed')));
    expect(seen.filter((s) => s.startsWith('blocked'))).toEqual(['blocked http://127.0.0.1:9/popup top']);
    await page.click('#ok');
    await until(() => seen.includes(`loaded ${origin}/ok`));
    expect(seen).toContain(`loaded ${origin}/ok`);
    expect(twin.sessions[0]!.blocked).toEqual(['http://127.0.0.1:9/popup']);
    await session.close();
  });

  it('gives back the cookies of every path', async () => {
    const { session, page } = await open();
    await page.goto(`${origin}/cookies`);
    expect((await session.cookies()).map((c) => [c.name, c.path, c.hostOnly]).sort()).toEqual([
      ['deep', '/integrations', true],
      ['root', '/', true],
    ]);
    await session.close();
  });
});
