import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { framesDrawn, readStatus, waitForSettled, waitForStatus } from './helpers';

test('the timeline scrubs a paused run back: the view, the numbers and the panels follow', async ({ page }) => {
  await page.goto('/?speed=0&dim=2');
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 300, 60_000);
  await page.getByRole('button', { name: /pause/i }).click();
  const paused = await waitForStatus(page, (s) => s.state === 'paused');
  const canvas = page.locator('.view canvas');
  await waitForSettled(canvas);
  const before = await canvas.screenshot();
  const drawn = await framesDrawn(canvas);
  const spreadBefore = await page.getByTestId('metric-spread').textContent();
  const scrub = page.locator('input[name="scrub"]');
  await expect(scrub).toBeVisible();
  await scrub.fill('0');
  const back = await waitForStatus(page, (s) => s.step < paused.step - 50);
  await expect(page.locator('.timeline')).toContainText(`step ${back.step.toLocaleString('en-US')}`);
  await expect(page.getByTestId('metric-spread')).not.toHaveText(spreadBefore ?? '');
  await waitForSettled(canvas, drawn);
  const after = await canvas.screenshot();
  await test.info().attach('timeline: paused', { body: before, contentType: 'image/png' });
  await test.info().attach('timeline: scrubbed back', { body: after, contentType: 'image/png' });
  expect(after.equals(before)).toBe(false);
  // Playing again continues from the run's real step, not the scrubbed one.
  await page.getByRole('button', { name: /play/i }).click();
  await waitForStatus(page, (s) => s.state === 'running' && s.step > paused.step);
  await expect(scrub).toBeHidden();
});

test('a timeline frame is drawn with the margin it was trained with, not the one set now', async ({ page }) => {
  // The lecturer's story: ArcFace at m = 0.1, then m = 0.5, then scrub back to before the change.
  await page.goto('/?loss=arcface&m=0.1&dim=2&speed=0&timeline=1000');
  const canvas = page.locator('.view canvas');
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 100, 60_000);
  await expect(canvas).toHaveAttribute('data-margin', '0.1000');
  await page.locator('input[name="m"]').fill('0.5');
  // Frames of the new margin arrive: the view draws m = 0.5.
  await expect(canvas).toHaveAttribute('data-margin', '0.5000');
  const changedAt = (await readStatus(page)).step;
  await waitForStatus(page, (s) => s.step > changedAt + 100);
  await page.getByRole('button', { name: /pause/i }).click();
  const paused = await waitForStatus(page, (s) => s.state === 'paused');
  await waitForSettled(canvas);
  const formula = page.getByTestId('formula');
  await expect(formula.locator('.formula-caption')).toContainText('m = 0.5 rad');
  const now = await canvas.screenshot();
  // The oldest frame kept was trained at m = 0.1: its view, formula and numbers say so.
  await page.locator('input[name="scrub"]').fill('0');
  const back = await waitForStatus(page, (s) => s.step < changedAt);
  expect(back.step).toBeLessThan(paused.step);
  await expect(canvas).toHaveAttribute('data-margin', '0.1000');
  await expect(formula.locator('.formula-caption')).toContainText('m = 0.1 rad');
  await expect(page.locator('input[name="m"]')).toHaveValue('0.5'); // the setting itself is untouched
  await waitForSettled(canvas);
  const then = await canvas.screenshot();
  await test.info().attach('timeline: m = 0.5, the newest frame', { body: now, contentType: 'image/png' });
  await test.info().attach('timeline: scrubbed back to a frame trained at m = 0.1', { body: then, contentType: 'image/png' });
  // Forward again to the newest frame: m = 0.5 once more.
  await page.locator('input[name="scrub"]').fill(String(Number(await page.locator('input[name="scrub"]').getAttribute('max'))));
  await expect(canvas).toHaveAttribute('data-margin', '0.5000');
  await expect(formula.locator('.formula-caption')).toContainText('m = 0.5 rad');
});

test('export then import round-trips the parameters and the history; a bad file changes nothing', async ({ page }) => {
  await page.goto('/?loss=cosface&m=0.15&s=12&seed=9&dim=2&speed=0');
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 200, 60_000);
  // The history grows with the status ticks, not with the steps (at full speed step 200 can come
  // within three ticks): its data table shows when it has more than three rows.
  const historyTable = page.locator('#sec-history ~ * details.chart-table, [aria-labelledby="sec-history"] details.chart-table').first();
  await historyTable.locator('summary').click();
  await expect.poll(() => historyTable.locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(3);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export run' }).click()]);
  const path = (await dl.path())!;
  const file = JSON.parse(readFileSync(path, 'utf8'));
  expect(dl.suggestedFilename()).toMatch(/^hypersphere-run_cosface-m-0\.15-s-12\.json$/);
  expect(file.format).toBe('hypersphere-run');
  expect(file.seed).toBe(9);
  expect(file.query).toContain('loss=cosface');
  expect(file.history[0].length).toBeGreaterThan(3);
  expect(file.weights[0].tensors.map((t: { name: string }) => t.name)).toEqual([
    'layer1.w',
    'layer1.b',
    'layer2.w',
    'layer2.b',
    'layer3.w',
    'layer3.b',
    'W',
    'bias',
    'centers',
    'subcenters',
    'b',
  ]);

  // Somewhere else: other settings; the import brings the file's back and draws its curves.
  await page.goto('/?loss=arcface&seed=2&speed=0');
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 0);
  await page.locator('input[name="runfile"]').setInputFiles(path);
  await expect(page.getByTestId('runfile-message')).toContainText('Loaded');
  await expect(page.locator('select[name="loss"]')).toHaveValue('cosface');
  await expect(page.locator('input[name="m"]')).toHaveValue('0.15');
  await expect(page.locator('input[name="seed"]')).toHaveValue('9');
  await expect(page).toHaveURL(/seed=9/);
  await expect(page.locator('#sec-history ~ * .u-legend, [aria-labelledby="sec-history"] .u-legend').first()).toContainText('stored');
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 0);

  // A malformed file and a foreign one: a message naming the problem; the run goes on unchanged.
  const url = page.url();
  for (const [name, body, why] of [
    ['broken.json', '{"format": "hypersphere-run", ', /not JSON/],
    ['other.json', JSON.stringify({ format: 'tensorboard' }), /not a Hypersphere run file/],
    ['future.json', JSON.stringify({ ...file, version: 99 }), /newer Hypersphere/],
  ] as const) {
    const s0 = (await readStatus(page)).step;
    await page.locator('input[name="runfile"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
    await expect(page.getByRole('alert').filter({ hasText: name })).toContainText(why);
    await expect(page.getByRole('alert').filter({ hasText: name })).toContainText('Nothing changed');
    expect(page.url()).toBe(url);
    await waitForStatus(page, (s) => s.state === 'running' && s.step > s0);
  }
});
