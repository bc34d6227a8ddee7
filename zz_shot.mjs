import { chromium } from 'playwright-core';
const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const out = process.argv[3] ?? '/tmp/exp/shot.png';
const wait = Number(process.argv[4] ?? 8000);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-background-networking','--disable-component-update','--disable-sync','--disable-quic','--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
page.on('console', (m) => console.log('console.' + m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));

await page.goto(url);
await page.waitForTimeout(wait);
const st = await page.locator('[role=status]').first().evaluate((el) => ({ ...el.dataset }));
console.log(JSON.stringify(st), await page.locator(".view").first().getAttribute("data-antialias").catch(()=>"?"), await page.locator("canvas").count()); console.log(await page.locator(".status-backend").textContent().catch(()=>""), await page.evaluate(() => performance.now()));
await page.screenshot({ path: out }); await page.waitForTimeout(1500); console.log("lost?", await page.evaluate(() => { const c = document.querySelectorAll("canvas"); return Array.from(c).map((x) => { const g = x.getContext("webgl2"); return [x.isConnected, g ? g.isContextLost() : "noctx", x.width, x.height]; }); })); console.log("raf/s", await page.evaluate(() => new Promise((res) => { let n = 0; const t0 = performance.now(); const f = () => { n++; if (performance.now() - t0 < 1000) requestAnimationFrame(f); else res(n); }; requestAnimationFrame(f); }))); await page.screenshot({ path: out.replace(".png", "-b.png") });
await browser.close();
