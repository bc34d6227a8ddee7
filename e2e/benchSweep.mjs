// npm run bench's `sweep` section: sweeps run in the page's sweep worker (src/hooks/useSweep.ts).
import { readFileSync } from 'node:fs';
import { sleep } from './benchPage.mjs';

const OPEN = 'dataset=identities&idDims=6&idScale=5.66&holdout=4';
const SWEEP = '[data-testid="sweep"]';
const round = (v, d = 3) => Number(v.toFixed(d));

/** Runs a sweep from its link (main run paused) and returns its time and its CSV's rows of means by value. */
async function runSweep(page, base, query) {
  await page.goto(`${base}?v=2&play=0&${query}`);
  const panel = page.locator(SWEEP);
  await page.locator(`${SWEEP}[data-phase="done"]`).waitFor({ timeout: 600_000 });
  const elapsedMs = Number(await panel.getAttribute('data-elapsed-ms'));
  const leaked = Number(await panel.getAttribute('data-leaked'));
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download CSV' }).click()]);
  const lines = readFileSync(await download.path(), 'utf8')
    .trim()
    .split('\n');
  const head = lines[0].split(',');
  const means = {};
  for (const line of lines.filter((l) => l.startsWith('mean,'))) {
    const cells = line.split(',');
    means[cells[1]] = Object.fromEntries(head.slice(3).map((h, i) => [h, cells[3 + i] === '' ? null : round(Number(cells[3 + i]))]));
  }
  const spread = {};
  for (const line of lines.filter((l) => l.startsWith('run,'))) {
    const cells = line.split(',');
    const k = head.indexOf('tarAtFar1e2');
    if (k < 0) continue;
    (spread[cells[1]] ??= []).push(Number(cells[k]));
  }
  const tarRange = Object.fromEntries(Object.entries(spread).map(([v, xs]) => [v, [round(Math.min(...xs)), round(Math.max(...xs))]]));
  return { elapsedMs, leaked, means, tarRange };
}

/** Frames the single view draws in `ms` while it trains (its canvas counts them). */
async function framesIn(page, ms) {
  const count = () => page.locator('.view canvas').evaluate((c) => Number(c.dataset.frames ?? 0));
  const a = await count();
  const s0 = Number(await page.locator('[role="status"][data-state]').first().getAttribute('data-step'));
  await sleep(ms);
  const b = await count();
  const s1 = Number(await page.locator('[role="status"][data-state]').first().getAttribute('data-step'));
  return { fps: round(((b - a) * 1000) / ms, 1), stepsPerSec: round(((s1 - s0) * 1000) / ms, 1) };
}

export async function sweep(page, base, results) {
  // 1. The 21-run ArcFace m sweep (7 × 3 × 1,000 steps, 3-D, open set), the main run paused.
  const arc = await runSweep(page, base, `${OPEN}&loss=arcface&sweep=m:0,0.1,0.2,0.3,0.4,0.5,0.6`);
  console.log(`sweep: ArcFace m, 21 runs in ${arc.elapsedMs} ms, leaked ${arc.leaked}`);
  // 2. The dimension sweep, ArcFace m = 0.3, open set.
  const dims = await runSweep(page, base, `${OPEN}&loss=arcface&m=0.3&sweep=dim:2,3,4,8,16,32`);
  console.log(
    `sweep: dim, ${dims.elapsedMs} ms; TAR@FAR1e-2 ${JSON.stringify(Object.fromEntries(Object.entries(dims.means).map(([k, v]) => [k, v.tarAtFar1e2])))}`,
  );
  const dimsSoftmax = await runSweep(page, base, `${OPEN}&loss=softmax&sweep=dim:2,3,4,8,16,32`);
  // 3. Cancel: from the click to the sweep worker gone.
  await page.goto(`${base}?v=2&play=0&sweep=m:0,0.2,0.4,0.6&sweepSteps=5000`);
  const panel = page.locator(SWEEP);
  await panel.getByTestId('sweep-progress').waitFor();
  await sleep(1500);
  const sweepWorker = page.workers().find((w) => w.url().includes('sweep'));
  const closed = new Promise((done) => (sweepWorker ? sweepWorker.once('close', () => done(performance.now())) : done(NaN)));
  const cancel = panel.getByRole('button', { name: 'Cancel' });
  await cancel.waitFor();
  const t0 = performance.now();
  await cancel.evaluate((b) => b.click()); // the click itself, without Playwright's actionability checks
  const cancelMs = round((await closed) - t0, 0);
  const workersAfter = page.workers().filter((w) => w.url().includes('sweep')).length;
  console.log(`sweep: cancelled in ${cancelMs} ms, sweep workers left ${workersAfter}`);
  // 4. The single view's frame rate and training while a sweep runs, against without.
  await page.goto(`${base}?v=2&speed=0`);
  await page.locator('[role="status"][data-state="running"]').first().waitFor();
  await sleep(3000);
  const alone = await framesIn(page, 6000);
  await page.goto(`${base}?v=2&speed=0&sweep=m:0,0.2,0.4,0.6&sweepSteps=5000`);
  await page.locator('[role="status"][data-state="running"]').first().waitFor();
  await panel.getByTestId('sweep-progress').waitFor();
  await sleep(3000);
  const during = await framesIn(page, 6000);
  console.log(`sweep: view ${alone.fps} → ${during.fps} fps, main run ${alone.stepsPerSec} → ${during.stepsPerSec} steps/s`);
  results.sweep = {
    arcfaceM: arc,
    dimArcface: dims,
    dimSoftmax: dimsSoftmax,
    cancel: { ms: cancelMs, sweepWorkersLeft: workersAfter },
    view: { alone, during, fpsRatio: round(during.fps / alone.fps, 2), stepsRatio: round(during.stepsPerSec / alone.stepsPerSec, 2) },
  };
}
