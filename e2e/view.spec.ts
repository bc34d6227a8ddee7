import { expect, test } from '@playwright/test';
import { canvasStats, collectErrors, framesDrawn, loseContext, nextFrame, waitForSettled, waitForStatus } from './helpers';

for (const dim of [2, 3] as const) {
  test(`after training the default preset in ${dim}-D the canvas shows the ${dim === 2 ? 'circle' : 'sphere'} and the class colours`, async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.goto(`/?dim=${dim}&rotate=0`);
    await waitForStatus(page, (s) => s.accuracy >= 0.95, 30_000);
    // Paused, the picture comes to rest (while training, every frame eases toward the next).
    await page.getByRole('button', { name: /pause/i }).click();
    await waitForStatus(page, (s) => s.state === 'paused');
    await waitForSettled(page.locator('.view canvas'));
    const stats = await canvasStats(page, `default-${dim}d.png`);
    expect(stats.nonBgFraction).toBeGreaterThan(dim === 3 ? 0.15 : 0.05); // not blank; the sphere fills a good part
    expect(stats.hueBuckets).toBeGreaterThanOrEqual(6); // at least C = 6 distinct class hues
    await expect(page.locator('.view')).toHaveAttribute('data-dim', String(dim));
    expect(errors).toEqual([]);
  });
}

test('the projection toggle changes what is drawn', async ({ page }) => {
  await page.goto('/?loss=softmax&dim=2&rotate=0');
  await waitForStatus(page, (s) => s.accuracy >= 0.95, 30_000);
  await page.getByRole('button', { name: /pause/i }).click();
  await waitForStatus(page, (s) => s.state === 'paused');
  const canvas = page.locator('.view canvas');
  await waitForSettled(canvas);
  const sphere = await canvas.screenshot();
  const drawn = await framesDrawn(canvas);
  await page.locator('select[name="projection"]').selectOption('raw');
  await expect(page).toHaveURL(/projection=raw/);
  await waitForSettled(canvas, drawn);
  const raw = await page.locator('.view canvas').screenshot();
  await test.info().attach('projection-sphere.png', { body: sphere, contentType: 'image/png' });
  await test.info().attach('projection-raw.png', { body: raw, contentType: 'image/png' });
  expect(raw.equals(sphere)).toBe(false);
});

test('hovering a feature shows its class, angle and target logit', async ({ page }) => {
  await page.goto('/?dim=2&rotate=0&classes=2&perClass=400');
  await waitForStatus(page, (s) => s.accuracy >= 0.95, 30_000);
  await page.getByRole('button', { name: /pause/i }).click();
  await waitForStatus(page, (s) => s.state === 'paused');
  const box = (await page.locator('.view canvas').boundingBox())!;
  const tip = page.getByTestId('hover-tip');
  // Sweep the circle (radius 0.4 · min(w, h) px: it fills 80 % of the shorter side) until a point is under the pointer.
  const r = 0.4 * Math.min(box.width, box.height);
  let pointer = { x: 0, y: 0 };
  for (let a = 0; a < 360 && !(await tip.isVisible()); a += 3) {
    const t = (a * Math.PI) / 180;
    pointer = { x: box.x + box.width / 2 + r * Math.cos(t), y: box.y + box.height / 2 - r * Math.sin(t) };
    await page.mouse.move(pointer.x, pointer.y);
    await nextFrame(page);
  }
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(/class \d+ · θ to W\d+: [\d.]+° · target logit -?[\d.]+ · ℓ [\d.]/);
  // It names the point under the pointer: the tip stands 14 px right of and 20 px above that point.
  const at = await tip.evaluate((el) => /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(el.style.transform)!.slice(1).map(Number));
  expect(Math.hypot(box.x + at[0]! - 14 - pointer.x, box.y + at[1]! + 20 - pointer.y)).toBeLessThan(12);
});

test('a browser without WebGL gets a message, and training still runs', async ({ page }) => {
  await page.addInitScript(() => {
    const orig = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      if (type.startsWith('webgl')) return null;
      return (orig as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
    } as typeof orig;
  });
  await page.goto('/');
  await expect(page.getByRole('alert').filter({ hasText: /no WebGL/ })).toBeVisible();
  await waitForStatus(page, (s) => s.step > 10, 30_000);
});

test('a lost WebGL context is restored and the view draws again', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?dim=2&rotate=0');
  await waitForStatus(page, (s) => s.step > 20, 20_000);
  const restore = await loseContext(page, '.view canvas');
  await expect(page.locator('.view-overlay')).toContainText(/lost/);
  await restore();
  await expect(page.locator('.view-overlay')).toHaveCount(0);
  // The remounted canvas (a new element, its count from 0) draws again; training goes on, so it never rests.
  await expect.poll(() => framesDrawn(page.locator('.view canvas')), { timeout: 15_000 }).toBeGreaterThan(2);
  const stats = await canvasStats(page, 'after-restore.png');
  expect(stats.nonBgFraction).toBeGreaterThan(0.03);
  expect(stats.hueBuckets).toBeGreaterThanOrEqual(4);
  expect(errors.filter((e) => !/context/i.test(e))).toEqual([]);
});
