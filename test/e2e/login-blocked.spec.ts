import { rowAction } from '../helpers/profile-rows';
import { addProfile, expect, test } from '../helpers/sandbox-harness';
import { LOGIN_ORIGIN_BLOCKED } from '../../src/shared/notice';

test('a login sent to an origin the environment does not allow is named in the reconnect dialog, not only in the window', async ({ bk, sandbox }) => {
  await addProfile(bk, sandbox);
  await rowAction(bk.page, 'Orders into Visma', 'Reconnect…');
  const dialog = bk.page.getByRole('dialog', { name: 'Reconnect Orders into Visma' });
  await dialog.getByRole('button', { name: 'Open Visma login' }).click();
  const login = await bk.logins.nextLogin();
  // What platform/login-window.ts posts when it blocks the navigation (the Chromium twin has no such guard).
  const message = 'Visma sent you to login.microsoftonline.com, which this environment does not allow: add it to the environment\'s extra login origins in Environments, then reconnect.';
  bk.app.notices.post({ id: LOGIN_ORIGIN_BLOCKED, level: 'warning', message });
  await expect(dialog.getByRole('alert')).toHaveText(message);
  await login.close();
  await expect(dialog.getByRole('alert')).toContainText('Reconnect cancelled');
});
