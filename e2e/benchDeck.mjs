// npm run bench's `deck` section: embeds of the app in real reveal.js decks (e2e/decks.mjs).
import { deckHtml, routeDeck } from './decks.mjs';
import { sleep } from './benchPage.mjs';

const STATUS = '[role="status"][data-state]';
const SHOWN = '?v=2&embed=1&loss=arcface&m=0.3&dim=2&speed=0';
const OTHERS = ['softmax', 'center', 'normface', 'sphereface', 'cosface', 'combined', 'magface'].map(
  (l) => `?v=2&embed=1&loss=${l}&dim=2&speed=0`,
);
const round = (v, d = 2) => Number(v.toFixed(d));

/** Each frame's step (by iframe id f1…). */
const stepsOf = (page, n) =>
  Promise.all(
    Array.from({ length: n }, (_, i) =>
      page
        .frameLocator(`#f${i + 1}`)
        .locator(STATUS)
        .getAttribute('data-step', { timeout: 60_000 })
        .then(Number),
    ),
  );

/** The page's JS heap after a garbage collection, MB (same-site frames share the page's renderer and heap). */
async function heapMB(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return round(usedSize / 2 ** 20, 1);
}

/** Opens a deck of the shown embed on slide 1 (and `others` after it), waits for every frame to be built. */
async function openDeck(browser, base, others, name) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, baseURL: base, serviceWorkers: 'block' });
  await page.goto(await routeDeck(page, deckHtml({ frames: [SHOWN, ...others] }), name));
  await page.waitForFunction(() => window.deckReady, undefined, { timeout: 60_000 });
  await stepsOf(page, others.length + 1);
  await page.frameLocator('#f1').locator(`${STATUS}[data-state="running"]`).waitFor({ timeout: 60_000 });
  return page;
}

/**
 * The shown embed's steps/s at full speed in an 8-slide deck ÷ the same embed alone in a one-slide
 * deck; the hidden embeds' steps over 5 s; training workers alive once hidden for 12 s; the page
 * heap, 8-slide deck ÷ one-slide deck; and, with data-src, from a frame's creation to its first
 * drawn frame.
 */
export async function deck(_page, base, results) {
  const browser = _page.context().browser();
  const alone = await openDeck(browser, base, [], 'alone.html');
  await sleep(12_000); // as long as the 8-slide deck's hidden frames are given to sleep
  const [a0] = await stepsOf(alone, 1);
  await sleep(5000);
  const [a1] = await stepsOf(alone, 1);
  const aloneRate = (a1 - a0) / 5;
  const aloneHeap = await heapMB(alone);
  await alone.close();

  const eight = await openDeck(browser, base, OTHERS, 'eight.html');
  await sleep(12_000); // hidden ≥ 10 s: their workers have let go
  const workers = eight.workers().length;
  const s0 = await stepsOf(eight, 8);
  await sleep(5000);
  const s1 = await stepsOf(eight, 8);
  const shownRate = (s1[0] - s0[0]) / 5;
  const hiddenSteps = s1.slice(1).reduce((t, s, i) => t + s - s0[i + 1], 0);
  const eightHeap = await heapMB(eight);
  // Slide 1 left for 12 s (its worker and WebGL context let go), then shown again: the time to its first drawn frame.
  await eight.evaluate(() => window.Reveal.slide(3));
  await eight.frameLocator('#f1').locator(`${STATUS}[data-presence="asleep"]`).waitFor({ state: 'attached', timeout: 60_000 });
  const stood = Number(await eight.frameLocator('#f1').locator(STATUS).getAttribute('data-step'));
  const t0 = Date.now();
  await eight.evaluate(() => window.Reveal.slide(0));
  await eight.frameLocator('#f1').locator('.view canvas[data-ready="1"]:not([data-frames="0"])').waitFor({ timeout: 60_000 });
  const wakeToDrawnMs = Date.now() - t0;
  const resumedAt = Number(await eight.frameLocator('#f1').locator(STATUS).getAttribute('data-step'));
  await eight.close();

  // data-src: reveal.js makes the frame as its slide is entered; the time to its first drawn frame.
  const lazy = await browser.newPage({ viewport: { width: 1280, height: 720 }, baseURL: base, serviceWorkers: 'block' });
  await lazy.goto(await routeDeck(lazy, deckHtml({ frames: ['?v=2&embed=1&dim=2', SHOWN], lazy: true }), 'lazy.html'));
  await lazy.waitForFunction(() => window.deckReady);
  const firstFrameMs = [];
  for (let k = 0; k < 3; k++) {
    const enteredAt = await lazy.evaluate(() => {
      window.Reveal.slide(1);
      return performance.timeOrigin + performance.now();
    });
    const frame = lazy.frameLocator('#f2');
    await frame.locator('.view canvas[data-ready="1"]').waitFor({ timeout: 60_000 });
    const drawnAt = await frame.locator('body').evaluate(async () => {
      for (;;) {
        const m = performance.getEntriesByName('hypersphere:first-frame')[0];
        if (m) return performance.timeOrigin + m.startTime;
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    firstFrameMs.push(Math.round(drawnAt - enteredAt));
    await lazy.evaluate(() => window.Reveal.slide(0)); // unloads the frame
    await sleep(500);
  }
  await lazy.close();

  results.deck = {
    shownStepsPerSec: Math.round(shownRate),
    aloneStepsPerSec: Math.round(aloneRate),
    shownVsAlone: round(shownRate / aloneRate),
    hiddenStepsIn5s: hiddenSteps,
    workersAlive: workers,
    heapMB: { eight: eightHeap, alone: aloneHeap, ratio: round(eightHeap / aloneHeap) },
    wakeToDrawnMs,
    resumedFrom: { stood, resumedAt },
    firstFrameMs: Math.min(...firstFrameMs),
    firstFrameRunsMs: firstFrameMs,
  };
  console.log(
    `deck: ${JSON.stringify(results.deck)} (goals: shownVsAlone ≥ 0.9, hidden 0, workers ≤ 2, heap ratio ≤ 1.5, firstFrameMs ≤ 1500, wakeToDrawnMs ≤ 1500)`,
  );
}
