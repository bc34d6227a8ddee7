import { expect, test, type Page } from '@playwright/test';
import { OPEN_SET_QUERY } from '../src/params/openSet';
import { PAGE_STATUS, collectErrors, differingPixels, framesDrawn, waitForSettled, waitForStatus } from './helpers';

const OPEN = `v=2&${OPEN_SET_QUERY}&speed=0&backend=wasm`;

/** The verification read-out's TAR and FAR at the current threshold. */
async function readout(page: Page) {
  const out = page.getByTestId('threshold-readout');
  return {
    tar: Number(await out.getAttribute('data-tar')),
    far: Number(await out.getAttribute('data-far')),
    text: await out.textContent(),
  };
}

test('holdout=4 draws the held-out classes as hollow rings and a verification panel whose threshold moves TAR and FAR', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto(`/?${OPEN}&rotate=0`);
  await waitForStatus(page, (s) => s.step >= 150, 90_000);
  const status = page.locator(PAGE_STATUS);
  for (const k of ['tar-far-1e-1', 'tar-far-1e-2', 'tar-far-1e-3', 'eer', 'auc', 'rank1']) {
    const v = Number(await status.getAttribute(`data-${k}`));
    expect(v, k).toBeGreaterThanOrEqual(0);
    expect(v, k).toBeLessThanOrEqual(1);
  }
  // Trained this long, unseen identities are told apart well above chance.
  expect(Number(await status.getAttribute('data-auc'))).toBeGreaterThan(0.7);
  await page.getByRole('button', { name: /pause/i }).first().click();
  await waitForStatus(page, (s) => s.state === 'paused');

  const panel = page.locator('section.verification');
  await expect(panel.getByRole('heading', { name: /never trained on/ })).toBeVisible();
  await expect(panel.getByTestId('tar-far-1e-2')).toHaveText(/^\d+\.\d$/);
  await expect(panel.getByTestId('auc')).toHaveText(/^0\.\d{3}$|^1\.000$/);
  await test.info().attach('verification panel', { body: await panel.screenshot(), contentType: 'image/png' });

  // The threshold starts at the EER; dragging the slider right accepts more pairs: TAR and FAR rise.
  const start = await readout(page);
  expect(start.text).toContain('(EER)');
  const slider = panel.getByRole('slider', { name: 'Threshold angle' });
  const box = (await slider.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await readout(page)).far).toBeGreaterThan(start.far);
  const wide = await readout(page);
  expect(wide.tar).toBeGreaterThanOrEqual(start.tar);
  await expect(page).toHaveURL(/[?&]threshold=\d/);
  // Dragging on the histogram itself moves the threshold too: far left accepts almost nothing.
  const chart = panel.locator('.chart').first().locator('.u-over');
  const cb = (await chart.boundingBox())!;
  await page.mouse.move(cb.x + cb.width * 0.5, cb.y + cb.height / 2);
  await page.mouse.down();
  await page.mouse.move(cb.x + 3, cb.y + cb.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await readout(page)).far).toBeLessThan(wide.far);
  expect((await readout(page)).tar).toBeLessThan(wide.tar);

  // The held-out classes are on the picture: hiding them changes it, and the toggle is in the URL.
  const canvas = page.locator('.view canvas');
  await waitForSettled(canvas);
  const withHeldout = await canvas.screenshot();
  await test.info().attach('held-out rings shown', { body: withHeldout, contentType: 'image/png' });
  const before = await framesDrawn(canvas);
  await page.getByLabel('Show held-out classes (hollow points)').uncheck();
  await expect(page).toHaveURL(/[?&]showHeldout=0/);
  await waitForSettled(canvas, before);
  const without = await canvas.screenshot();
  expect(await differingPixels(page, withHeldout, without)).toBeGreaterThan(500);
  expect(errors).toEqual([]);
});

test('a three-loss compare link draws one ROC curve and one row of numbers per panel', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`/?${OPEN}&compare=softmax,normface,arcface:m=0.3`);
  const panels = page.locator('[data-compare-panel] [role="status"]');
  await expect(panels).toHaveCount(3);
  await expect
    .poll(
      async () => (await panels.evaluateAll((els) => els.map((e) => e.getAttribute('data-auc')))).every((v) => v !== null && v !== ''),
      { timeout: 90_000 },
    )
    .toBe(true);
  const panel = page.locator('section.verification');
  await expect(panel.locator('[data-verify-row]')).toHaveCount(3);
  for (const title of ['Softmax', 'NormFace', 'ArcFace'])
    await expect(panel.locator('.verify-table tbody th', { hasText: title })).toHaveCount(1);
  // uPlot's legend (not live: no x entry) lists one entry per curve, named by its panel.
  const roc = panel.locator('.chart[aria-label^="ROC"]');
  await expect(roc.locator('.u-legend .u-series')).toHaveCount(3);
  await expect(roc.locator('.u-legend')).toContainText('NormFace');
  await test.info().attach('three ROC curves', { body: await panel.screenshot(), contentType: 'image/png' });
  expect(errors).toEqual([]);
});

test('tour step 11 runs the open-set lesson: held-out identities, a cue on one, numbers per panel', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?tour=11');
  await expect(page.locator('section.tour h2')).toHaveText('Why margins: faces never seen');
  await expect(page.locator('[data-compare-panel]')).toHaveCount(2);
  await expect(page.locator('.tour-cue')).toContainText('held-out identity');
  await expect
    .poll(
      async () =>
        page
          .locator('[data-compare-panel] [role="status"]')
          .evaluateAll((els) => els.filter((e) => (e.getAttribute('data-tar-far-1e-2') ?? '') !== '').length),
      { timeout: 90_000 },
    )
    .toBe(2);
  expect(errors).toEqual([]);
});

test('bad holdout values get a notice and a safe value; data that cannot generalise says so', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?holdout=lots&speed=0');
  await expect(page.getByTestId('notice-info')).toContainText(/holdout.*"lots" is not a number/);
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 0, 60_000);
  expect(page.url()).not.toContain('holdout');
  await expect(page.locator('section.verification')).toHaveCount(0);

  // Eight identities leave room for four more in the 12 colours: 6 is clamped to 4, and the
  // default data's held-out identities come with a warning that they barely generalise.
  await page.goto('/?holdout=6&speed=0');
  await expect(page.getByTestId('notice-info')).toContainText(/holding out 4/);
  await expect(page).toHaveURL(/[?&]holdout=4(&|$)/);
  await expect(page.getByTestId('notice-warn')).toContainText(/barely generalise/);
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 0, 60_000);
  await expect(page.locator(PAGE_STATUS)).not.toHaveAttribute('data-auc', '');
  expect(errors).toEqual([]);
});
