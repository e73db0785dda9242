import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LogGenerator } from '../helpers/log-generator';
import { FJELLVIND } from '../helpers/sandbox/relying-party';
import { addProfile, expect, test } from '../helpers/sandbox-harness';

/** Lines as SuperUsers paste them: CRLF, Norwegian around the error, the error inside JSON, a wrapped line. */
const PASTED = [
  '2024-05-03 10:11:12,123 [7] ERROR DataBridge.Visma - Profil «Orders into Visma» feilet: Error calling Visma.net endpoint (https://integration.visma.net/API/controller/api/v1/customer/customerClass) Invalid parameter exception: ipp-company-id (12002_12002_3f2c9a1e-8b7d-4c6e-9a1b-2d3e4f5a6b7c)',
  '2024-05-03 10:15:00,001 [7] ERROR DataBridge.Visma - Fjellvind orders: {"ExceptionType":"IPPException","ExceptionMessage":"No license for this company.","ExceptionFaultCode":"12027"}',
  '2024-05-03 10:20:30,500 [9] ERROR DataBridge.Sync - Token refresh failed for Orders into Visma: invalid_',
  '  grant (The refresh token is expired)',
  '2024-05-03 10:25:00,000 [9] ERROR DataBridge.Sync - The operation has timed out.',
  '2024-05-03 10:30:00,000 [9] ERROR DataBridge.Sync - Kunne ikke lagre kontakt: Feltet «Postnummer» er for langt',
].join('\r\n');

test('pasted log lines: every known error explained, the unknown one listed as unknown, the profiles offered for bulk reconnect', async ({ bk, sandbox }, testInfo) => {
  const { page } = bk;
  await addProfile(bk, sandbox);
  await addProfile(bk, sandbox, { id: 'f1', name: 'Fjellvind orders', companyId: FJELLVIND.id, companyName: FJELLVIND.name });
  await page.getByRole('button', { name: 'Explain a log…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Explain a DataBridge log' });
  await dialog.getByLabel('Log lines').fill(PASTED);
  await dialog.getByRole('button', { name: 'Explain', exact: true }).click();

  await expect(dialog.getByRole('status').first()).toContainText('Pasted text: 6 lines, 5 with an error — 4 known kinds, 1 unknown.');
  const known = dialog.getByRole('region', { name: 'Known Visma errors' });
  await expect(known.getByRole('article')).toHaveCount(4);
  const ipp = known.locator('[data-code="12002"]');
  await expect(ipp).toContainText('Seen 1 time');
  await expect(ipp).toContainText('https://integration.visma.net/API/controller/api/v1/customer/customerClass');
  const noLicense = known.locator('[data-code="12027"]');
  await expect(noLicense).toContainText("the role 'API User'");
  await expect(known.locator('[data-code="invalid_grant"]')).toContainText('Seen 1 time'); // the wrapped line
  await expect(known.locator('[data-code="timeout"]')).toContainText('Seen 1 time');
  const unknown = dialog.getByRole('region', { name: 'Unknown errors' });
  await expect(unknown.getByRole('article')).toHaveCount(1);

  const profiles = dialog.getByRole('region', { name: 'Profiles named near the errors' });
  await expect(profiles).toContainText('Orders into Visma');
  await expect(profiles).toContainText('Fjellvind orders');
  await dialog.screenshot({ path: testInfo.outputPath('explained.png') });
  await profiles.getByRole('button', { name: 'Reconnect these 2 profiles…' }).click();

  const bulk = page.getByRole('dialog', { name: 'Bulk reconnect' });
  await expect(bulk.getByRole('radio', { name: 'The profiles the log names (2)' })).toBeChecked();
  await expect(bulk.getByRole('button', { name: 'Start bulk reconnect (2)' })).toBeVisible();
});

test('a log file is read from disk, whatever its size', async ({ bk }) => {
  const { page } = bk;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bk-log-'));
  try {
    const generator = new LogGenerator({ seed: 7 });
    const file = path.join(dir, 'databridge.log');
    await writeFile(file, generator.block(8 * 1024 * 1024));
    const CODES: Record<string, string> = { 'ipp-company-id': '12002', 'no-license': '12027', unauthorized: '401', 'invalid-grant': 'invalid_grant', 'invalid-tenant': 'invalid_tenant', 'access-denied': 'access_denied', timeout: 'timeout' };
    const written = Object.fromEntries(Object.entries(generator.counts.entries).filter(([, n]) => n > 0).map(([kind, n]) => [CODES[kind]!, n]));

    await page.getByRole('button', { name: 'Explain a log…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Explain a DataBridge log' });
    await dialog.getByRole('button', { name: 'Open a log file…' }).click(); // the person cancels the system dialog
    await expect(dialog.getByLabel('Log lines')).toBeVisible();
    bk.filePicks.push(file);
    await dialog.getByRole('button', { name: 'Open a log file…' }).click();
    await expect(dialog.getByRole('status').first()).toContainText(`databridge.log: ${generator.counts.lines.toLocaleString('en')} lines`);
    // Every kind the generator wrote, counted as often as it was written.
    const counted = await dialog
      .getByRole('region', { name: 'Known Visma errors' })
      .getByRole('article')
      .evaluateAll((articles) =>
        Object.fromEntries(
          articles.map((a) => {
            const text = a.textContent ?? '';
            return [a.getAttribute('data-code')!, Number(/Seen ([\d,]+) time/.exec(text)![1]!.replace(/,/g, ''))];
          }),
        ),
      );
    expect(counted).toEqual(written);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
