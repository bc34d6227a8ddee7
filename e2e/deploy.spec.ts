import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { waitForStatus } from './helpers';

// The production build served as a course site would serve it: from a sub-path, under a strict
// Content-Security-Policy (README, "Deploying").
const DIST = resolve(import.meta.dirname, '..', 'dist');
const SUB = '/some/sub/path/';
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:";
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.bin': 'application/octet-stream',
};

let server: Server;
let base = '';

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(SUB)) {
      res.writeHead(404).end('outside the sub-path');
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname.slice(SUB.length)) || 'index.html');
    const file = join(DIST, rel);
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CSP });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}${SUB}`;
});

test.afterAll(async () => {
  await new Promise((r) => server.close(r));
});

test('the build served from a sub-path under a strict CSP loads and trains, with no violation', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
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
  expect(errors).toEqual([]);
});
