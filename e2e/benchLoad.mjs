// @ts-check
// `npm run bench -- load`: the watchdog on a loaded laptop. The default link at full speed, and tour
// step 12 (a sweep beside the main run), each for 3 minutes with two busy-loop processes and a
// second page rendering the sphere on the same cores; it counts the workers restarted (goal: 0).
import { spawn } from 'node:child_process';
import { sleep, waitFor } from './benchPage.mjs';

const MINUTES = Number(process.env.LOAD_MINUTES ?? 3);

/** Restart notices the page has shown since it was loaded (distinct texts). */
const watchRestarts = (page) =>
  page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.restarts = new Set();
    const look = () => {
      for (const el of document.querySelectorAll('[data-testid^="notice"]'))
        if (/stopped answering|crashed/.test(el.textContent ?? '')) w.restarts.add(el.textContent);
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
    look();
  });

export async function load(page, base, results) {
  results.load = {};
  for (const [name, query] of [
    ['default', '?v=2&speed=0'],
    ['tour12', '?tour=12'],
  ]) {
    const busy = [0, 1].map(() => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
    const other = await page
      .context()
      .browser()
      .newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await other.goto(`${base}?v=2&dim=3&speed=0&compare=softmax,arcface`);
      await page.goto(`${base}${query}`);
      await waitFor(page, (s) => s.step > 0, 120_000);
      await watchRestarts(page);
      const t0 = Date.now();
      const first = (await waitFor(page, () => true)).step;
      while (Date.now() - t0 < MINUTES * 60_000) await sleep(5000);
      const restarts = await page.evaluate(() => [.../** @type {any} */ (window).restarts]);
      const last = (await waitFor(page, () => true)).step;
      results.load[name] = { minutes: MINUTES, restarts: restarts.length, notices: restarts, steps: last - first };
      console.log(`load, ${name}: ${restarts.length} restarts in ${MINUTES} min (${last - first} steps) ${JSON.stringify(restarts)}`);
    } finally {
      for (const p of busy) p.kill();
      await other.close();
    }
  }
}
