import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { waitForStatus } from './helpers';
import { serveStatic } from './staticServer';

// A copy of the build, served from its own origin: the update test "deploys" a new version by
// changing the copy's service worker.
const DIST = resolve(import.meta.dirname, '..', 'dist');
let dir = '';
let server: Awaited<ReturnType<typeof serveStatic>>;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hypersphere-offline-'));
  cpSync(DIST, dir, { recursive: true });
  server = await serveStatic(dir, '/course/');
});

test.afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('after one online visit the app loads and trains with the network cut', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto(`${server.base}?speed=0`);
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 10, 60_000);
  // The service worker is active once it has precached the build.
  expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(true);
  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  // A link never visited: the precached page, the worker, the WASM binaries.
  await page.goto(`${server.base}?speed=0&loss=cosface&seed=4`);
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 20, 60_000);
  await expect(page.locator('select[name="loss"]')).toHaveValue('cosface');
  // The MNIST asset, too.
  await page.goto(`${server.base}?dataset=mnist&testFraction=0.2&speed=0`);
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 10, 90_000);
  // And the example reveal.js deck, with its frames.
  await page.goto(`${server.base}slides.html`);
  await expect(page.locator('html')).toHaveAttribute('data-deck-ready', '1', { timeout: 30_000 });
  await expect(page.frameLocator('#right').locator('[role="status"][data-state]')).toHaveAttribute('data-state', 'running', {
    timeout: 60_000,
  });
  await context.setOffline(false);
});

test('a new deployment shows an update notice; Reload brings the new version in', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${server.base}?play=0`);
  await waitForStatus(page, (s) => s.state === 'paused', 60_000);
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  // The page is served by the service worker from its first visit on (clientsClaim).
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(page.getByTestId('update-notice')).toHaveCount(0);
  appendFileSync(join(dir, 'sw.js'), '\n// a new deployment\n');
  // A deployed update is found when the browser next checks; the test asks for the check at once.
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const notice = page.getByTestId('update-notice');
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText('new version');
  await Promise.all([page.waitForEvent('framenavigated'), notice.getByRole('button', { name: 'Reload' }).click()]);
  await waitForStatus(page, (s) => s.state === 'paused', 60_000);
  await page.getByRole('button', { name: /play/i }).click();
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 0, 60_000);
  await expect(page.getByTestId('update-notice')).toHaveCount(0);
});
