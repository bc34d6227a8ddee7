import { expect, test } from '@playwright/test';
import { waitForStatus } from './helpers';

test('embed mode shows only the canvas, a compact status and the named controls', async ({ page }) => {
  await page.goto('/?embed=1&controls=m,s&dim=2');
  await expect(page.locator('.view canvas')).toBeVisible();
  await expect(page.locator('header')).toHaveCount(0);
  await expect(page.locator('input[name="m"]')).toBeVisible();
  await expect(page.locator('input[name="s"]')).toBeVisible();
  await expect(page.locator('input[name="lr"]')).toHaveCount(0);
  await expect(page.locator('select[name="loss"]')).toHaveCount(0);
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 0); // autoplays
  const box = await page.locator('.app').boundingBox();
  const vp = page.viewportSize()!;
  expect(box!.height).toBeLessThanOrEqual(vp.height); // fits, no scroll
});

test('embed mode with play=0 waits', async ({ page }) => {
  await page.goto('/?embed=1&play=0');
  await waitForStatus(page, (s) => s.state === 'paused');
  await page.waitForTimeout(500);
  await waitForStatus(page, (s) => s.step === 0);
});

test('an embedding page drives the frame with postMessage and hears its state', async ({ page }) => {
  // The example reveal.js deck (src/deck/, built as /slides.html) embeds two frames and drives the right one.
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' && m.text().includes('hypersphere')) warnings.push(m.text());
  });
  await page.goto('/slides.html');
  const log = page.locator('#log');
  await expect(log).toContainText(/ArcFace frame: running, step \d+/, { timeout: 30_000 });
  const frame = page.frameLocator('#right');
  await expect(frame.locator('input[name="m"]')).toHaveValue('0.3');
  await page.keyboard.press('m');
  await expect(frame.locator('input[name="m"]')).toHaveValue('0.4');
  await expect(log).toContainText('m = 0.4');
  await page.keyboard.press('k');
  await expect(log).toContainText('ArcFace frame: paused');
  await page.getByRole('button', { name: /Pause \/ play/ }).click();
  await expect(log).toContainText('ArcFace frame: running');
  await page.keyboard.press('k');
  await expect(log).toContainText('ArcFace frame: paused');
  // Malformed messages are ignored with a warning and change nothing.
  await page.evaluate(() => {
    const w = (document.getElementById('right') as HTMLIFrameElement).contentWindow!;
    w.postMessage({ type: 'hypersphere:set', params: { m: 'lots', bogus: 1 } }, '*');
    w.postMessage({ type: 'hypersphere:step', n: -4 }, '*');
    w.postMessage({ type: 'hypersphere:explode' }, '*');
    w.postMessage('hello', '*');
  });
  await expect.poll(() => warnings.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(4);
  await expect(frame.locator('input[name="m"]')).toHaveValue('0.4');
  // step(n) while paused advances exactly n steps.
  const stepOf = async () => Number(await frame.locator('[role="status"][data-state]').getAttribute('data-step'));
  const s0 = await stepOf();
  await page.evaluate(() =>
    (document.getElementById('right') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'hypersphere:step', n: 5 }, '*'),
  );
  await expect.poll(stepOf, { timeout: 10_000 }).toBe(s0 + 5);
  await page.keyboard.press('r');
  await expect.poll(stepOf, { timeout: 10_000 }).toBeLessThan(s0);
});
