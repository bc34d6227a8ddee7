import { chromium } from 'playwright-core';
import { findBrowser, CHROMIUM_ARGS } from './e2e/browser.mjs';
import { startPreview } from './e2e/benchPage.mjs';
const server = await startPreview(4177);
const b = findBrowser();
const browser = await chromium.launch({ executablePath: b.executablePath, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
const steps = () => page.locator('[data-compare-panel] [role="status"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-step')}:${e.getAttribute('data-state')}`).join(' '));
for (let trial = 0; trial < 4; trial++) {
  await page.goto(`${server.base}?compare=softmax,normface&speed=0`);
  await page.waitForTimeout(2500 + trial * 700);
  const before = await steps();
  await page.locator('input[name="seed"]').fill(String(5 + trial));
  const seen = [];
  for (let k = 0; k < 8; k++) { await page.waitForTimeout(250); seen.push(await steps()); }
  console.log(trial, before, '→', seen.join(' | '));
}
await browser.close(); server.stop();
