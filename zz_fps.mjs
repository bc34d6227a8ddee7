import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-background-networking','--disable-component-update','--disable-sync','--disable-quic','--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
await page.goto(process.argv[2]);
const fps = () => page.evaluate(() => new Promise((res) => { let n = 0; const t0 = performance.now(); const f = () => { n++; if (performance.now() - t0 < 2000) requestAnimationFrame(f); else res(n / 2); }; requestAnimationFrame(f); }));
for (let i = 0; i < 6; i++) {
  const st = await page.locator('[role=status]').evaluate((el) => `${el.dataset.state} ${el.dataset.step}`);
  const aa = await page.locator('.view').getAttribute('data-antialias');
  console.log(i, st, 'aa', aa, 'fps', await fps());
}
await page.keyboard.press('Space').catch(() => {});
await page.locator('button.primary').click();
await page.waitForTimeout(500);
for (let i = 0; i < 3; i++) console.log('after toggle', await page.locator('[role=status]').evaluate((el) => `${el.dataset.state} ${el.dataset.step}`), 'fps', await fps());
await browser.close();
