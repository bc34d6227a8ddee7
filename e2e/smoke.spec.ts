import { expect, test } from '@playwright/test';

test('the app loads with its title and no console or page error', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
  });
  await page.goto('/');
  await expect(page).toHaveTitle(/Hypersphere/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hypersphere');
  expect(problems).toEqual([]);
});
