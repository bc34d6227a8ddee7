import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-background-networking','--disable-component-update','--disable-sync','--disable-quic','--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
page.on('console', (m) => { if (!/GPU stall|Clock/.test(m.text())) console.log('console.' + m.type(), m.text()); });
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(process.argv[2]);
await page.waitForTimeout(Number(process.argv[3] ?? 0));
for (let i = 0; i < 4; i++) {
  await page.waitForTimeout(1000);
  const info = await page.evaluate(() => { const c = document.querySelector('canvas'); const v = document.querySelector('.view'); return { w: c?.width, h: c?.height, cw: c?.clientWidth, aa: v?.getAttribute('data-antialias'), overlay: document.querySelector('.view-overlay')?.textContent ?? null, st: document.querySelector('[role=status]')?.getAttribute('data-state') }; });
  console.log(i, JSON.stringify(info));
  await page.screenshot({ path: `/tmp/exp/d${i}.png` });
}
await browser.close();
