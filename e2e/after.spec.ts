import { expect, test } from '@playwright/test';
import { PRESETS } from '../src/params/presets';
import { canvasStats, collectErrors, readPanels, waitForSettled, waitForStatus } from './helpers';

// The losses after ArcFace, each from its preset link, drawing what its loss decides: sub-centre
// arrows, SphereFace2's caps with their gaps, CurricularFace's hard negatives, L-Softmax's sectors.
const query = (id: string) => PRESETS.find((p) => p.id === id)!.query;

test('each loss after ArcFace trains from its link and draws its own mechanism', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  const facts = page.locator('.panel');
  for (const id of ['after-subcenter', 'after-sphereface2', 'after-curricular', 'after-lsoftmax']) {
    await page.goto(`/?${query(id)}&speed=0&rotate=0&backend=wasm`);
    const s = await waitForStatus(page, (st) => st.state === 'running' && st.step >= 200, 90_000);
    await page.getByRole('button', { name: /pause/i }).click();
    await waitForStatus(page, (st) => st.state === 'paused');
    await waitForSettled(page.locator('.view canvas'));
    const stats = await canvasStats(page, `${id}.png`);
    test.info().annotations.push({ type: id, description: `step ${s.step}, test ${(s.testAccuracy * 100).toFixed(1)} %` });
    expect(stats.hueBuckets, id).toBeGreaterThanOrEqual(6);
    expect(s.testAccuracy, id).toBeGreaterThan(0.5);
    const status = page.locator('[role="status"][data-state]').first();
    if (id === 'after-subcenter') {
      await expect(status).toHaveAttribute('data-subcenters', '3');
      await expect(facts.getByTestId('fact-subcenters')).toContainText('3');
    }
    if (id === 'after-sphereface2') {
      expect(Number(await status.getAttribute('data-scalar-bias'))).not.toBeNaN();
      // The caps: a radius, and the shares of test features in their own cap and in none.
      await expect(facts.getByTestId('fact-cap')).toHaveText(/^\d+(\.\d)?°$/);
      await expect(facts.getByTestId('fact-own-cap')).toHaveText(/%$/);
      await expect(facts.getByTestId('fact-no-cap')).toHaveText(/%$/);
    }
    if (id === 'after-curricular') {
      await expect(facts.getByTestId('fact-hard')).toHaveText(/%$/);
      // t over the steps: the chart has points and t has risen from 0.
      await expect(facts.getByTestId('running-chart')).toHaveAttribute('data-points', /^[1-9]\d*$/);
      expect(Number(await facts.getByTestId('loss-state-0').textContent())).toBeGreaterThan(0);
    }
  }
  expect(errors).toEqual([]);
});

test('a compare link of all six newer losses trains every panel', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await page.goto(`/?${query('cmp-after-all')}&speed=0&rotate=0&backend=wasm`);
  await expect(page.locator('[data-compare-panel]')).toHaveCount(6);
  await expect.poll(async () => (await readPanels(page)).filter((p) => p.step >= 100).length, { timeout: 90_000 }).toBe(6);
  const panels = await readPanels(page);
  expect(panels.map((p) => p.lossKind)).toEqual(['lsoftmax', 'subcenter', 'magface', 'adaface', 'curricular', 'sphereface2']);
  for (const p of panels) expect(Number.isFinite(p.loss), p.lossKind).toBe(true);
  await page.getByRole('button', { name: /pause/i }).click();
  await test.info().attach('all six after ArcFace', { body: await page.locator('.stage').screenshot(), contentType: 'image/png' });
  expect(errors).toEqual([]);
});

test('bad values of the newer keys get a notice and a safe value', async ({ page }) => {
  await page.goto('/?loss=subcenter&K=9&sfAlpha=2&sfT=abc&lw=-5&sfGrad=sideways&r=0&speed=0&backend=wasm');
  const notice = page.getByTestId('notice-info');
  for (const key of ['K', 'sfAlpha', 'sfT', 'lw', 'sfGrad', 'r']) await expect(notice, key).toContainText(new RegExp(`\\b${key}\\b`));
  await waitForStatus(page, (st) => st.state === 'running' && st.step > 5, 60_000);
  await expect(page.locator('[role="status"][data-state]').first()).toHaveAttribute('data-subcenters', '4');
});
