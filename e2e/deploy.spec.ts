import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { waitForStatus } from './helpers';
import { serveStatic } from './staticServer';

// The production build served as a course site would serve it: from a sub-path, under a strict
// Content-Security-Policy (docs/architecture.md, "Deploying").
const DIST = resolve(import.meta.dirname, '..', 'dist');
const SUB = '/some/sub/path/';
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:";

let server: Awaited<ReturnType<typeof serveStatic>>;
let base = '';

test.beforeAll(async () => {
  server = await serveStatic(DIST, SUB, { 'Content-Security-Policy': CSP });
  base = server.base;
});

test.afterAll(async () => {
  await server.close();
});

test('the build served from a sub-path under a strict CSP loads and trains, with no violation', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}?speed=0`);
  const s = await waitForStatus(page, (st) => st.state === 'running' && st.step > 50, 60_000);
  expect(['wasm', 'webgl', 'cpu']).toContain(s.backend);
  await expect(page.locator('.katex').first()).toBeVisible();
  // The MNIST asset comes from the sub-path too.
  await page.goto(`${base}?v=2&dataset=mnist&testFraction=0.2&speed=0`);
  await waitForStatus(page, (st) => st.state === 'running' && st.step > 20, 90_000);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  // The example reveal.js deck: bundled (no CDN, no inline script), its frames from the sub-path.
  await page.goto(`${base}slides.html`);
  await expect(page.locator('html')).toHaveAttribute('data-deck-ready', '1', { timeout: 30_000 });
  await expect(page.frameLocator('#right').locator('[role="status"][data-state]')).toHaveAttribute('data-state', 'running', {
    timeout: 60_000,
  });
  for (const f of page.frames()) expect(await f.evaluate(() => (window as unknown as { __csp: string[] }).__csp), f.url()).toEqual([]);
  expect(errors).toEqual([]);
});
