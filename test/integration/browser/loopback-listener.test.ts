import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { callbackPage } from '../../../src/main/browser/callback-page';
import { BrowserError } from '../../../src/main/browser/browser-error';
import { listenOnLoopback } from '../../../src/main/browser/loopback-listener';
import { createTranslator } from '../../../src/shared/i18n/translator';

const render = (page: Parameters<typeof callbackPage>[0]) => callbackPage(page, createTranslator('en-GB'));

/** A GET as a browser (or a hostile page) sends it, with the Host header it chooses. */
function get(url: string, host?: string): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: target.port, path: target.pathname + target.search, headers: { host: host ?? target.host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const NEVER = new AbortController().signal;

describe('the loopback redirect listener (RFC 8252 §7.3)', () => {
  it('listens on 127.0.0.1 at a port of its own, accepts the answer with the right state once, then is gone', async () => {
    const listener = await listenOnLoopback('http://127.0.0.1/bridgekeeper/callback', render);
    expect(listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d{4,5}\/bridgekeeper\/callback$/);
    const answer = listener.answer('s-1', NEVER);
    const page = await get(`${listener.redirectUri}?code=c-1&state=s-1`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('You can close this window and return to Bridgekeeper.');
    expect((await answer)?.searchParams.get('code')).toBe('c-1');
    await expect(get(`${listener.redirectUri}?code=c-2&state=s-1`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses an answer with another state, and keeps waiting for the right one', async () => {
    const listener = await listenOnLoopback('http://127.0.0.1/cb', render);
    let settled = false;
    const answer = listener.answer('right', NEVER).finally(() => (settled = true));
    const wrong = await get(`${listener.redirectUri}?code=stolen&state=wrong`);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain('not for the login Bridgekeeper is waiting for');
    expect(settled).toBe(false);
    expect((await get(`${listener.redirectUri}?code=mine`)).status).toBe(400); // no state at all
    await get(`${listener.redirectUri}?code=mine&state=right`);
    expect((await answer)?.searchParams.get('code')).toBe('mine');
  });

  it('refuses a request whose Host is not 127.0.0.1 and its port (a web page rebinding a name to this computer)', async () => {
    const listener = await listenOnLoopback('http://127.0.0.1/cb', render);
    const answer = listener.answer('s', NEVER);
    const port = new URL(listener.redirectUri).port;
    for (const host of [`evil.example:${port}`, `localhost:${port}`, '127.0.0.1']) {
      const refused = await get(`${listener.redirectUri}?code=c&state=s`, host);
      expect(refused.status, host).toBe(400);
      expect(refused.body).toContain('Refused');
    }
    expect((await get(`http://127.0.0.1:${port}/other?code=c&state=s`)).status).toBe(404);
    await get(`${listener.redirectUri}?code=c&state=s`);
    expect(await answer).toBeDefined();
  });

  it('closes when the login times out, and answers nothing afterwards', async () => {
    const listener = await listenOnLoopback('http://127.0.0.1/cb', render);
    expect(await listener.answer('s', AbortSignal.timeout(50))).toBeUndefined();
    await expect(get(`${listener.redirectUri}?code=c&state=s`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('shows Visma’s error in words on the page, and hands the answer back so the app can explain it', async () => {
    const listener = await listenOnLoopback('http://127.0.0.1/cb', render);
    const answer = listener.answer('s', NEVER);
    const page = await get(`${listener.redirectUri}?error=access_denied&error_description=${encodeURIComponent('The user <b>declined</b>')}&state=s`);
    expect(page.body).toContain('Visma did not finish the login: The user &#60;b&#62;declined&#60;/b&#62;.');
    expect((await answer)?.searchParams.get('error')).toBe('access_denied');
  });

  it('speaks the reader’s language', async () => {
    const listener = await listenOnLoopback('http://127.0.0.1/cb', (page) => callbackPage(page, createTranslator('sv-SE')));
    const answer = listener.answer('s', NEVER);
    expect((await get(`${listener.redirectUri}?code=c&state=s`)).body).toContain('Du kan stänga det här fönstret');
    await answer;
  });

  it('will not listen for a redirect URI that is not a loopback one', async () => {
    for (const uri of ['bridgekeeper://callback', 'https://127.0.0.1/cb', 'http://localhost/cb', 'http://app.local/cb', '']) {
      await expect(listenOnLoopback(uri, render), uri).rejects.toThrow(BrowserError);
    }
  });
});
