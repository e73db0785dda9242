import type { Harness } from '../helpers/harness';
import { addProfile, completeLogin, expect, storedTokens, test } from '../helpers/sandbox-harness';
import { signIn } from '../helpers/sandbox/chromium-person';
import { rowAction } from '../helpers/profile-rows';
import { ANNA, FJELLVIND, PER } from '../helpers/sandbox/relying-party';

/**
 * Issue 23, points 1 and 3, as the person sees them: a login as another Visma user is never
 * "Connected" without a word — the dialog names who logged in and asks — and a Cancel in Visma's
 * company picker reads as a cancel, not as a consent Deny.
 */

const FJELLVIND_PROFILE = { companyId: FJELLVIND.id, companyName: FJELLVIND.name } as const;

async function openLogin(bk: Harness, dialogName: RegExp | string, open: string) {
  const dialog = bk.page.getByRole('dialog', { name: dialogName });
  await dialog.getByRole('button', { name: open }).click();
  return { dialog, login: await bk.logins.nextLogin() };
}

test.describe('in Finnish', () => {
  test.use({ viewport: { width: 1024, height: 640 } });

  test('another Visma user logged in: the dialog says who and asks; Discard stores nothing', async ({ bk, sandbox }, testInfo) => {
    await addProfile(bk, sandbox, FJELLVIND_PROFILE); // Anna's profile; Per has the API User role for Fjellvind too
    await bk.app.api.setLanguage('fi');
    await bk.page.reload();
    await bk.page.getByRole('button', { name: 'Toiminnot: Orders into Visma', exact: true }).click();
    await bk.page.locator('#profile-row-menu').getByRole('button', { name: 'Yhdistä uudelleen…', exact: true }).click();
    const { dialog, login } = await openLogin(bk, 'Yhdistä uudelleen: Orders into Visma', 'Avaa Visma-kirjautuminen');
    await completeLogin(login, PER, FJELLVIND.name);

    const question = dialog.getByRole('alertdialog');
    await expect(question).toContainText(`Kirjautuja oli ${PER.email} — ei ${ANNA.email}, tämän profiilin API-käyttäjä.`);
    await expect(question).toContainText('Mitään ei tallenneta ennen kuin valitset.');
    // The safe answer has the focus: Enter never keeps another user's login.
    await expect(question.getByRole('button', { name: 'Hylkää tämä kirjautuminen' })).toBeFocused();
    await expect(question.getByRole('button', { name: `Säilytä: ${PER.email} API-käyttäjäksi` })).toBeVisible();
    await dialog.screenshot({ path: testInfo.outputPath('other-user-question-fi.png') });
    await bk.page.keyboard.press('Enter');

    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText(`Kirjautuja oli ${PER.email} eikä ${ANNA.email}`);
    await expect(alert).toContainText('Bridgekeeper ei tallentanut mitään ja mitätöi Visman antamat tunnisteet');
    await expect(dialog.getByRole('status')).toHaveCount(0); // never a "Yhdistetty"
    expect(await storedTokens(bk, 'orders')).toBeNull();
    expect(bk.app.profiles.get('orders')).toMatchObject({ status: 'never-connected', apiUser: ANNA.email });
    await dialog.screenshot({ path: testInfo.outputPath('other-user-refused-fi.png') });
  });
});

test('another Visma user logged in: Keep makes them the API user, named in the result, the list and the audit trail', async ({ bk, sandbox }) => {
  await addProfile(bk, sandbox, FJELLVIND_PROFILE);
  await rowAction(bk.page, 'Orders into Visma', 'Reconnect…');
  const { dialog, login } = await openLogin(bk, 'Reconnect Orders into Visma', 'Open Visma login');
  await completeLogin(login, PER, FJELLVIND.name);
  const question = dialog.getByRole('alertdialog');
  await expect(question).toContainText(`${PER.email} logged in — not ${ANNA.email}, this profile's API user.`);
  await question.getByRole('button', { name: `Keep it: make ${PER.email} the API user` }).click();

  const status = dialog.getByRole('status');
  await expect(status).toContainText('Connected');
  await expect(status).toContainText(`${PER.email} is now this profile's API user (it was ${ANNA.email}); the audit trail records the change.`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  const row = bk.page.getByRole('row').filter({ hasText: 'Orders into Visma' });
  await expect(row).toContainText(PER.email);
  await expect(row).toContainText('Connected');
  expect(await storedTokens(bk, 'orders')).toMatchObject({ tenantId: FJELLVIND.id });

  await rowAction(bk.page, 'Orders into Visma', 'Details');
  const events = bk.page.getByRole('dialog', { name: 'Orders into Visma' }).getByRole('table', { name: 'Last events' });
  await expect(events).toContainText('API user changed');
  await expect(events).toContainText(`API user changed from ${ANNA.email} to ${PER.email}: ${PER.email} logged in, and the person chose to keep that login.`);
});

test('Cancel in Visma’s company picker reads as a cancel, not a consent Deny, with one full stop', async ({ bk, sandbox }) => {
  await addProfile(bk, sandbox);
  await rowAction(bk.page, 'Orders into Visma', 'Reconnect…');
  const { dialog, login } = await openLogin(bk, 'Reconnect Orders into Visma', 'Open Visma login');
  await signIn(login, ANNA);
  await expect(login.getByRole('heading', { name: 'Choose a company' })).toBeVisible();
  await login.getByRole('button', { name: 'Cancel' }).click();

  const outcome = dialog.locator('.outcome');
  await expect(outcome).toContainText("The login was cancelled in Visma's window");
  await expect(outcome).toContainText('Visma said: "The user cancelled the login." No access was refused, and nothing was changed.');
  await expect(outcome).not.toContainText('Deny');
  await expect(outcome).not.toContainText('DataBridge');
  await expect(outcome).not.toContainText('.".');
  await expect(bk.page.getByRole('row').filter({ hasText: 'Orders into Visma' })).toContainText('Never connected');
});

test('in a bulk run the same question shows in the bulk dialog; Discard fails the profile with who logged in', async ({ bk, sandbox }) => {
  await addProfile(bk, sandbox, FJELLVIND_PROFILE);
  await bk.page.getByRole('button', { name: /^Bulk reconnect/ }).click();
  const dialog = bk.page.getByRole('dialog', { name: 'Bulk reconnect' });
  await dialog.getByRole('radio', { name: 'All profiles (1)' }).check();
  await dialog.getByRole('button', { name: 'Start bulk reconnect (1)' }).click();
  await dialog.getByRole('button', { name: 'Open login' }).click();
  await completeLogin(await bk.logins.nextLogin(), PER, FJELLVIND.name);

  const question = dialog.getByRole('alertdialog');
  await expect(question).toContainText(`${PER.email} logged in — not ${ANNA.email}, this profile's API user.`);
  await expect(question.getByRole('button', { name: 'Discard this login' })).toBeFocused();
  await question.getByRole('button', { name: 'Discard this login' }).click();
  const row = dialog.getByRole('table', { name: 'Profiles in this bulk reconnect' }).getByRole('row').filter({ hasText: 'Orders into Visma' });
  await expect(row).toContainText(`${PER.email} logged in, not ${ANNA.email}`);
  await expect(row).not.toContainText('Connected');
  expect(await storedTokens(bk, 'orders')).toBeNull();
});
