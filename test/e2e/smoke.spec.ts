import { expect, test } from '../helpers/harness';

test('the app opens with its two areas', async ({ bk }) => {
  const { page } = bk;
  await expect(page.getByRole('tab', { name: 'Profiles' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Showing 0 of 0 profiles')).toBeVisible();
  await page.screenshot({ path: 'test-results/smoke.png' });
});
