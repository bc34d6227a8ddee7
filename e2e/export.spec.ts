import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { waitForStatus } from './helpers';

/** Width and height from a PNG's IHDR chunk, after checking its signature. */
function pngSize(bytes: Buffer): { w: number; h: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { w: bytes.readUInt32BE(16), h: bytes.readUInt32BE(20) };
}

async function saved(page: Page, button: string) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const bytes = readFileSync((await dl.path())!);
  return { name: dl.suggestedFilename(), bytes };
}

test('Save PNG saves the view at twice its size, captioned and named after the loss', async ({ page }) => {
  await page.goto('/?loss=cosface&m=0.2&dim=2&speed=0');
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 100);
  const box = (await page.locator('.view canvas').boundingBox())!;
  const png = await saved(page, 'Save PNG');
  expect(png.name).toMatch(/^hypersphere_cosface-m-0\.2-s-10_step-\d+\.png$/);
  const { w, h } = pngSize(png.bytes);
  await test.info().attach('saved.png', { body: png.bytes, contentType: 'image/png' });
  expect(Math.abs(w - 2 * box.width)).toBeLessThanOrEqual(2);
  expect(Math.abs(h - (2 * box.height + 52))).toBeLessThanOrEqual(2); // the caption band, 26 px at 2×
  await page.locator('input[name="caption"]').uncheck();
  await expect(page).toHaveURL(/caption=0/);
  const bare = pngSize((await saved(page, 'Save PNG')).bytes);
  expect(Math.abs(bare.h - 2 * box.height)).toBeLessThanOrEqual(2);
});

test('Save PNG in compare mode saves the grid of panels', async ({ page }) => {
  await page.goto('/?compare=softmax,arcface&dim=2&play=0');
  await expect(page.locator('[data-compare-panel] [role="img"]')).toHaveCount(2);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  // The step's frame has reached both panels: their numbers, and so their status lines' wrapping
  // (which sets how tall the pictures are), are the ones the picture is saved with.
  for (const i of [0, 1]) await expect(page.locator(`[data-compare-panel="${i}"] [role="status"]`)).toHaveAttribute('data-step', '1');
  const box = (await page.locator('[data-compare-panel="0"] [role="img"]').boundingBox())!;
  const png = await saved(page, 'Save PNG');
  expect(png.name).toMatch(/^hypersphere_compare-softmax-arcface_step-\d+\.png$/);
  await test.info().attach('compare.png', { body: png.bytes, contentType: 'image/png' });
  const { w, h } = pngSize(png.bytes);
  expect(Math.abs(w - (4 * box.width + 8))).toBeLessThanOrEqual(4); // two tiles at 2× and the gap
  expect(Math.abs(h - (2 * box.height + 52))).toBeLessThanOrEqual(2);
});

test('a 2 s recording is a non-empty WebM, and stopping it ends the capture stream', async ({ page }) => {
  // Count the media tracks stopped: a recorder that leaves its canvas stream running keeps capturing.
  await page.addInitScript(() => {
    const w = window as unknown as { trackStops: number };
    w.trackStops = 0;
    const stop = MediaStreamTrack.prototype.stop;
    MediaStreamTrack.prototype.stop = function (this: MediaStreamTrack) {
      w.trackStops++;
      stop.call(this);
    };
  });
  await page.goto('/?speed=0');
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 20);
  await page.getByRole('button', { name: '● Record' }).click();
  await expect(page.getByRole('button', { name: /Stop \(2 s\)/ })).toBeVisible({ timeout: 10_000 });
  const webm = await saved(page, /Stop/ as unknown as string);
  expect(webm.name).toMatch(/^hypersphere_arcface-m-0\.3-s-10_step-\d+\.webm$/);
  expect(webm.bytes.length).toBeGreaterThan(1000);
  expect([...webm.bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]); // EBML: a Matroska/WebM file
  await expect.poll(() => page.evaluate(() => (window as unknown as { trackStops: number }).trackStops)).toBeGreaterThan(0);
});
