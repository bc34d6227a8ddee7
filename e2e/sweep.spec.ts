import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

/** The page's sweep workers still alive (Playwright sees each worker until it ends). */
const sweepWorkers = (page: Page) => page.workers().filter((w) => w.url().includes('sweep')).length;

test('a small sweep from its link fills the panel, its table and its CSV; a value loads its settings', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?sweep=m:0,0.3,0.6&seeds=2&sweepSteps=200');
  const panel = page.getByTestId('sweep');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(/^Sweep/);
  // It fills in as runs finish, and ends with every run measured and no tensor left behind.
  await expect(panel).toHaveAttribute('data-phase', 'done', { timeout: 120_000 });
  await expect(panel).toHaveAttribute('data-finished', '6');
  await expect(panel).toHaveAttribute('data-leaked', '0');
  await expect.poll(() => sweepWorkers(page)).toBe(0);
  await panel.getByText('Data as a table').click();
  const rows = panel.getByTestId('sweep-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  const first = await rows.nth(0).locator('th, td').allTextContents();
  expect(first.slice(0, 2)).toEqual(['0', '2']);
  expect(first[2]).toMatch(/^\d+\.\d \(\d+\.\d–\d+\.\d\)$/);
  // The CSV: a row per run, then a row of means per value.
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('hypersphere_sweep-m.csv');
  const csv = readFileSync((await download.path())!, 'utf8')
    .trim()
    .split('\n');
  expect(csv[0]).toMatch(/^row,m,seed,testAccuracy,trainSpread,marginMedian/);
  expect(csv.filter((l) => l.startsWith('run,'))).toHaveLength(6);
  expect(csv.filter((l) => l.startsWith('mean,'))).toHaveLength(3);
  // Clicking a value loads that run's settings in the main view: m = 0.6, the sweep kept in the link.
  await rows.nth(2).getByRole('button', { name: '0.6' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('m')).toBe('0.6');
  await expect(page.locator('select[name="loss"]')).toHaveValue('arcface');
  expect(new URL(page.url()).searchParams.get('sweep')).toBe('m:0,0.3,0.6');
  expect(errors).toEqual([]);
});

test('a sweep can be cancelled: it stops, keeps the runs it finished and leaves no worker', async ({ page }) => {
  await page.goto('/?play=0');
  const panel = page.getByTestId('sweep');
  await panel.locator('select[name="sweepKey"]').selectOption('m');
  await panel.locator('input[name="sweepValues"]').fill('0,0.2,0.4,0.6');
  await panel.locator('input[name="sweepSteps"]').fill('2000');
  await panel.getByRole('button', { name: 'Run sweep' }).click();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Sweep: m over 4 values × 3 seeds × 2000 steps');
  await expect(panel.getByTestId('sweep-progress')).toBeVisible();
  expect(sweepWorkers(page)).toBe(1);
  // Cancelled once a run has finished (and before the last): what it measured must stay.
  await expect.poll(async () => Number(await panel.getAttribute('data-finished')), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel).toHaveAttribute('data-phase', 'cancelled');
  await expect.poll(() => sweepWorkers(page)).toBe(0);
  const kept = Number((await panel.textContent())?.match(/Cancelled after (\d+) of 12 runs/)?.[1]);
  expect(kept).toBeGreaterThanOrEqual(1);
  expect(kept).toBeLessThan(12);
  // The table holds them: m = 0 has its finished seeds, each metric a number.
  const first = panel.getByTestId('sweep-table').locator('tbody tr').first();
  expect(Number(await first.locator('td').first().textContent())).toBeGreaterThanOrEqual(1);
  await expect(first.locator('td').nth(1)).toHaveText(/^\d+\.\d/);
  // The link no longer holds the cancelled sweep: a reload (or the link shared) does not run it again.
  await expect.poll(() => new URL(page.url()).searchParams.get('sweep')).toBeNull();
  await page.reload();
  await expect(page.getByTestId('sweep')).toHaveAttribute('data-phase', 'idle');
  expect(sweepWorkers(page)).toBe(0);
});

test('a sweep goes on in compare mode, where its panel is not shown, and is there, finished, on leaving it', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?compare=softmax,arcface&play=0&sweep=m:0,0.3&seeds=1&sweepSteps=200');
  await expect(page.getByTestId('sweep')).toHaveCount(0);
  // Its worker runs while the panel is away, and ends when the sweep is done.
  await expect.poll(() => sweepWorkers(page), { timeout: 30_000 }).toBe(1);
  await expect.poll(() => sweepWorkers(page), { timeout: 60_000 }).toBe(0);
  await page.getByRole('button', { name: 'Leave compare mode' }).click();
  const panel = page.getByTestId('sweep');
  await expect(panel).toHaveAttribute('data-phase', 'done');
  await expect(panel).toContainText('Done: 2 runs.');
  expect(sweepWorkers(page)).toBe(0); // not started again
  expect(errors).toEqual([]);
});

test("Run again after a change of loss checks the values against the new loss's range", async ({ page }) => {
  await page.goto('/?play=0&loss=arcface&sweep=m:0.5,1.1&seeds=1&sweepSteps=50');
  const panel = page.getByTestId('sweep');
  await expect(panel).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Sweep: m over 2 values × 1 seeds × 50 steps');
  await page.locator('select[name="loss"]').selectOption('cosface'); // m from 0 to 1
  await panel.getByRole('button', { name: 'Run again' }).click();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Sweep: m over 1 values × 1 seeds × 50 steps');
  await expect(panel.locator('.sweep-notes')).toContainText('"1.1" is not a value of m');
  await expect(panel).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  expect(new URL(page.url()).searchParams.get('sweep')).toBe('m:0.5');
});

test('a bad sweep= gets a notice and no sweep', async ({ page }) => {
  await page.goto('/?sweep=colour:1,2&play=0');
  await expect(page.getByTestId('notice-info')).toContainText('"colour" is not a setting a sweep can vary');
  await expect(page.getByTestId('sweep').getByRole('heading', { level: 2 })).toHaveText('Sweep');
  await expect(page.getByTestId('sweep')).toHaveAttribute('data-phase', 'idle');
  expect(new URL(page.url()).searchParams.get('sweep')).toBeNull();
});
