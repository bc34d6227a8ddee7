// The forces on the points: −∂ℓ/∂x drawn from each training feature, one scale for every panel.
import { expect, test } from '@playwright/test';
import { readPanels, waitForStatus } from './helpers';

test('forces=1 draws a line from every training point, with its scale in a legend; unticked, they go', async ({ page }) => {
  await page.goto('/?forces=1&dim=2&speed=0');
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 100, 60_000);
  const canvas = page.locator('.view canvas');
  await expect(canvas).toHaveAttribute('data-forces', '1680'); // 8 classes × 300, 70 % in training
  await expect(canvas).toHaveAttribute('data-force-scale', '3');
  expect(Number(await canvas.getAttribute('data-force-mean'))).toBeGreaterThan(0);
  const legend = page.getByTestId('force-legend');
  await expect(legend).toContainText('= 0.1');
  // The bar is a tenth of a force unit: 0.1 × 3 radii per unit × the radius (40 % of the panel's shorter side).
  const box = (await canvas.boundingBox())!;
  expect(Number(await legend.getAttribute('data-bar-px'))).toBeCloseTo(0.1 * 3 * 0.4 * Math.min(box.width, box.height), 0);
  await test.info().attach('forces on the circle', { body: await page.locator('.stage').screenshot(), contentType: 'image/png' });
  await page.getByRole('checkbox', { name: /Forces on the points/ }).uncheck();
  await expect(page).not.toHaveURL(/forces=1/);
  await expect(legend).toBeHidden();
  await expect(canvas).not.toHaveAttribute('data-forces', /.*/);
});

test('compare panels share one scale: softmax’s forces fade, ArcFace’s keep pulling', async ({ page }) => {
  await page.goto('/?compare=softmax,arcface&forces=1&speed=0&rotate=0');
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 1500, 180_000);
  const panels = page.locator('[data-forces]');
  await expect(panels).toHaveCount(2);
  const scales = await panels.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.forceScale));
  expect(scales).toEqual(['3', '3']);
  const means = await panels.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.forceMean)));
  const [softmax, arcface] = means as [number, number];
  expect((await readPanels(page)).map((p) => p.lossKind)).toEqual(['softmax', 'arcface']);
  // Both separate their classes; softmax has stopped turning its features, ArcFace has not.
  expect(softmax).toBeLessThan(0.5 * arcface);
  // The chart beside: one line per panel (its legend names them).
  const chart = page.locator('[aria-labelledby="sec-forces"]');
  await expect(chart.locator('canvas')).toHaveCount(1);
  await expect(chart).toContainText('Softmax');
  await expect(chart).toContainText('ArcFace m = 0.3, s = 10');
  // What is drawn is the force on the direction the chart measures: paused, ArcFace's drawn mean
  // (every training point, ~all of them correct by now) meets the chart's last value (the correct ones).
  await page.getByRole('button', { name: /pause/i }).click();
  await waitForStatus(page, (s) => s.state === 'paused');
  await chart.locator('details.chart-table summary').click();
  const lastArcFace = async () => Number(await chart.locator('tbody tr').last().locator('td').nth(1).textContent());
  await expect
    .poll(async () => {
      const drawn = Number(await panels.nth(1).getAttribute('data-force-mean'));
      return Math.abs(drawn - (await lastArcFace())) / (await lastArcFace());
    })
    .toBeLessThan(0.15);
  await test.info().attach(`forces at step 1,500: softmax ${softmax}, ArcFace ${arcface}`, {
    body: await page.locator('.stage').screenshot(),
    contentType: 'image/png',
  });
});
