import { CONTENT_SECURITY_POLICY } from '../../src/main/platform/content-security-policy';
import { expect, test } from '../helpers/harness';

/**
 * The harness is no kinder than Electron (issue 24, point 6): the page is served by the app's own app:// handler,
 * and what crosses between page and main is a structured clone, as Electron's IPC makes it.
 */
test('the page comes through the app’s own app:// handler: its CSP and nosniff headers, and a 404 for a file the build lacks', async ({ bk }) => {
  const page = await bk.page.request.get(bk.page.url());
  expect(page.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(page.headers()['x-content-type-options']).toBe('nosniff');
  expect(page.headers()['content-type']).toMatch(/^text\/html/);
  expect((await bk.page.request.get(new URL('assets/no-such-file.js', bk.page.url()).href)).status()).toBe(404);
  expect((await bk.page.request.get(new URL('../package.json', bk.page.url()).href)).status()).toBe(404);
});

test('an answer main cannot clone fails the call, as Electron’s IPC does; a Date in an answer reaches the page as a Date', async ({ bk }) => {
  const api = bk.app.api as unknown as Record<string, () => Promise<unknown>>;
  const call = () =>
    bk.page.evaluate(async () => {
      const answer = (await (window as unknown as { bridgekeeper: { listNotices(): Promise<{ ok: boolean; value?: { at?: unknown }[]; error?: { message: string } }> } }).bridgekeeper.listNotices()) as {
        ok: boolean;
        value?: { at?: unknown }[];
        error?: { message: string };
      };
      return { ok: answer.ok, isDate: answer.value?.[0]?.at instanceof Date, error: answer.error?.message ?? null };
    });
  api.listNotices = async () => [{ id: 'x', at: new Date('2026-12-07T10:00:00Z') }];
  expect(await call()).toEqual({ ok: true, isDate: true, error: null });
  api.listNotices = async () => [{ id: 'x', retry: () => undefined }];
  expect(await call()).toEqual({ ok: false, isDate: false, error: expect.stringMatching(/could not be cloned/) });
});
