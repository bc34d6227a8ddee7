import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-background-networking','--disable-component-update','--disable-sync','--disable-quic','--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
const fps = () => page.evaluate(() => new Promise((res) => { let n = 0; const t0 = performance.now(); const f = () => { n++; if (performance.now() - t0 < 2000) requestAnimationFrame(f); else res(n / 2); }; requestAnimationFrame(f); }));
for (const q of process.argv.slice(2)) {
  await page.goto('http://127.0.0.1:4173/' + q);
  await page.waitForTimeout(6000);
  const a = await fps();
  console.log(q, 'fps', a, await page.locator('.view').getAttribute('data-antialias').catch(() => '-'));
}
await browser.close();
