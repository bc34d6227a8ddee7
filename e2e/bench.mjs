// npm run bench: drives headless Chromium on the production build and writes bench/results.json.
// Speed and memory goals are measured here, not asserted in timed tests. Every URL names what it
// measures (v=2, speed=0 for full speed), so a change of defaults does not move the numbers.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from './browser.mjs';
import { referenceRate } from './benchReference.mjs';
import { frameStats, gpuMsPerFrame, pageCpuMs, sleep, startPreview, status, stepRate, waitFor } from './benchPage.mjs';
import { deck } from './benchDeck.mjs';
import { sweep } from './benchSweep.mjs';
import { load } from './benchLoad.mjs';

const PORT = 4174;
const round = (v, d = 1) => Number(v.toFixed(d));

/** Steps/s per backend on the default model at full speed, with the view drawing. */
async function backends(page, base, results) {
  results.stepsPerSec = {};
  for (const backend of ['wasm', 'cpu', 'webgl', 'auto']) {
    await page.goto(`${base}?v=2&speed=0&backend=${backend}`);
    await waitFor(page, (s) => s.state === 'running' && s.step > 30, 120_000);
    await sleep(1000);
    const r = await stepRate(page);
    results.stepsPerSec[backend] = Math.round(r.rate);
    if (backend === 'auto') {
      results.autoChose = r.backend;
      results.snapshotMs = r.snapshotMs;
      results.backendReport = await page.locator('.status-detail').textContent();
    }
    console.log(`steps/s ${backend.padEnd(5)} ${Math.round(r.rate)}${backend === 'auto' ? ` (chose ${r.backend})` : ''}`);
  }
  const best = Math.max(results.stepsPerSec.wasm, results.stepsPerSec.cpu, results.stepsPerSec.webgl);
  results.autoVsBest = round(results.stepsPerSec.auto / best, 3);
  // The plain tfjs reference in a worker, on the backend auto chose and on WASM: the app's steps/s
  // (with its view drawing beside it) ÷ the reference's (a blank page).
  results.referenceStepsPerSec = {};
  for (const backend of new Set(['wasm', results.autoChose])) {
    const r = await referenceRate(page, base, backend);
    results.referenceStepsPerSec[backend] = Math.round(r.rate);
  }
  results.referenceRatio = {
    wasm: round(results.stepsPerSec.wasm / results.referenceStepsPerSec.wasm, 2),
    auto: round(results.stepsPerSec.auto / results.referenceStepsPerSec[results.autoChose], 2),
  };
  console.log(
    `reference steps/s ${JSON.stringify(results.referenceStepsPerSec)}; app ÷ reference ${JSON.stringify(results.referenceRatio)} (goal ≥ 2.5)`,
  );
}

/** The default link at full speed: frames while training and paused, the longest gap, steps/s, idle CPU. */
async function smoothness(page, base, results) {
  results.smooth = {};
  for (const dim of [3, 2]) {
    await page.goto(`${base}?v=2&speed=0&dim=${dim}`);
    await waitFor(page, (s) => s.state === 'running' && s.step > 50, 120_000);
    await sleep(4500); // past the camera's first framing and the adaptive drawing's first decisions
    const [training, steps] = await Promise.all([frameStats(page), stepRate(page, 3000)]);
    await page.getByRole('button', { name: /pause/i }).click();
    await waitFor(page, (s) => s.state === 'paused');
    await sleep(1500);
    const paused = await frameStats(page); // the view still turns by itself: frames are drawn
    const gpuMs = await gpuMsPerFrame(page);
    await page.locator('input[name="rotate"]').uncheck(); // auto-rotate off: nothing moves
    await sleep(1500);
    const idleCpuMs = await pageCpuMs(page, 10_000);
    const r = {
      fpsTraining: round(training.fps),
      fpsPaused: round(paused.fps),
      ratio: round(training.fps / paused.fps, 3),
      gpuMsPerFrame: round(gpuMs, 2),
      maxGapTrainingMs: round(training.maxGap),
      stepsPerSec: Math.round(steps.rate),
      idleCpuMsPer10s: Math.round(idleCpuMs),
    };
    results.smooth[`${dim}d`] = r;
    console.log(`${dim}-D full speed: ${JSON.stringify(r)}`);
  }
}

/**
 * The forces and the landscape cost the single view: the default 3-D link at full speed with forces
 * off, forces on, and the landscape on, alternated three times in this run; fps and steps/s, each ÷ off.
 */
async function forces(page, base, results) {
  const runs = { off: '', forces: '&forces=1', landscape: '&landscape=1' };
  const got = Object.fromEntries(Object.keys(runs).map((k) => [k, { fps: [], steps: [] }]));
  for (let round = 0; round < 3; round++) {
    for (const [name, extra] of Object.entries(runs)) {
      await page.goto(`${base}?v=2&speed=0&dim=3${extra}`);
      await waitFor(page, (s) => s.state === 'running' && s.step > 50, 120_000);
      await sleep(4500);
      const [frames, steps] = await Promise.all([frameStats(page), stepRate(page, 3000)]);
      got[name].fps.push(frames.fps);
      got[name].steps.push(steps.rate);
    }
  }
  const mean = (v) => v.reduce((a, x) => a + x, 0) / v.length;
  const r = Object.fromEntries(
    Object.entries(got).map(([k, v]) => [k, { fps: round(mean(v.fps)), stepsPerSec: Math.round(mean(v.steps)) }]),
  );
  for (const k of ['forces', 'landscape']) {
    r[k].fpsRatio = round(r[k].fps / r.off.fps, 3);
    r[k].stepsRatio = round(r[k].stepsPerSec / r.off.stepsPerSec, 3);
  }
  results.forces = r;
  console.log(`forces and landscape, 3-D full speed: ${JSON.stringify(r)} (goal: fps with forces ≥ 0.9 × without)`);
}

/** Compare mode, 4 panels at full speed: steps/s per model, and the rAF rate training over idle. */
async function compare(page, base, results) {
  results.compare = {};
  for (const dim of [3, 2]) {
    await page.goto(`${base}?v=2&speed=0&dim=${dim}&compare=softmax,normface,cosface,arcface`);
    await waitFor(page, (s) => s.state === 'running' && s.step > 50, 120_000);
    await sleep(4500);
    const [training, steps] = await Promise.all([frameStats(page), stepRate(page, 3000)]);
    const panelSteps = await page
      .locator('[data-compare-panel] [role="status"]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-step'))));
    // Idle: nothing moves. Rotation off first (compare mode turns its panels only while paused), so
    // that pausing starts no turn whose damping would still be drawing when the idle rate is taken.
    await page.locator('input[name="rotate"]').uncheck();
    await page.getByRole('button', { name: /pause/i }).click();
    await waitFor(page, (s) => s.state === 'paused');
    await sleep(1500);
    const idle = await frameStats(page);
    const r = {
      stepsPerSecPerModel: Math.round(steps.rate),
      fpsTraining: round(training.fps),
      fpsIdle: round(idle.fps),
      ratio: round(training.fps / idle.fps, 3),
      maxGapTrainingMs: round(training.maxGap),
      stepSpread: Math.max(...panelSteps) - Math.min(...panelSteps),
    };
    results.compare[`${dim}d`] = r;
    console.log(`compare, 4 panels, ${dim}-D: ${JSON.stringify(r)} (targets: ≥ 25 steps/s per model, ratio ≥ 0.8)`);
  }
  // Steps/s per model for 2, 4 and 6 panels of ArcFace, and the single view's, side by side in one run
  // (compare mode shares its models out over up to hardwareConcurrency − 1 workers, at least 2).
  const perModel = {};
  const fps = {};
  const runs = [
    ['1', 1, 0],
    ['2', 2, 0],
    ['4', 4, 0],
    ['6', 6, 0],
    ['4, 2 workers', 4, 2],
  ];
  for (const [key, n, workers] of runs) {
    await page.goto(
      n === 1
        ? `${base}?v=2&speed=0&loss=arcface`
        : `${base}?v=2&speed=0&workers=${workers}&compare=${Array.from({ length: n }, () => 'arcface').join(',')}`,
    );
    await waitFor(page, (s) => s.state === 'running' && s.step > 50, 120_000);
    await sleep(2000);
    const [rate, frames] = await Promise.all([stepRate(page, 4000), frameStats(page)]);
    perModel[key] = rate.rate;
    fps[key] = frames.fps;
  }
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  for (const [key, n, workers] of runs.slice(1)) {
    results.compare[key] = {
      stepsPerSecPerModel: Math.round(perModel[key]),
      ratioToSingle: round(perModel[key] / perModel['1'], 3),
      fpsTraining: round(fps[key]),
      workers: workers || Math.max(1, Math.min(n, cores - 1)),
    };
  }
  results.compare.singleStepsPerSec = Math.round(perModel['1']);
  console.log(
    `compare per panel count (${cores} cores): single ${Math.round(perModel['1'])} steps/s, ${round(fps['1'])} fps; ${runs
      .slice(1)
      .map(([k]) => `${k}: ${JSON.stringify(results.compare[k])}`)
      .join('; ')} (goal: 4 panels ≥ 0.6 of single)`,
  );
}

/** The MNIST presets: steps/s, snapshot time, test accuracy after 10 s and 20 s of training. */
async function mnist(page, base, results) {
  results.mnist = {};
  // The MNIST presets' queries, read from src/params/presets.ts (Node cannot import TypeScript).
  const source = readFileSync(new URL('../src/params/presets.ts', import.meta.url), 'utf8');
  const queries = [...source.matchAll(/id: '(mnist-[a-z]+)'[\s\S]*?query: '([^']+)'/g)].map((m) => [m[1], m[2]]);
  if (queries.length === 0) throw new Error('no MNIST preset found in src/params/presets.ts');
  for (const [id, query] of queries) {
    await page.goto(`${base}?${query}`);
    const first = await waitFor(page, (s) => s.state === 'running' && s.step > 0, 120_000);
    const t0 = Date.now();
    await sleep(10_000 - (Date.now() - t0));
    const at10 = await status(page);
    // The snapshot's cost, sampled twice a second from 10 s to 20 s: its median (one sample is noisy here).
    const snaps = [];
    while (Date.now() - t0 < 20_000) {
      snaps.push((await status(page)).snapshotMs);
      await sleep(500);
    }
    const at20 = await status(page);
    snaps.sort((a, b) => a - b);
    const r = {
      stepsPerSec: Math.round(((at20.step - first.step) * 1000) / (Date.now() - t0)),
      snapshotMs: snaps[Math.floor(snaps.length / 2)],
      snapshotMsMax: snaps[snaps.length - 1],
      testAt10s: round(at10.testAccuracy * 100),
      testAt20s: round(at20.testAccuracy * 100),
      trainAt20s: round(at20.accuracy * 100),
    };
    results.mnist[id] = r;
    console.log(`${id}: ${JSON.stringify(r)}`);
  }
}

/** Frames with 20,000 points while training, over an empty paused scene. */
async function manyPoints(page, base, results) {
  await page.goto(`${base}?v=2&dataset=blobs&classes=2&perClass=10&testFraction=0&show=&play=0`);
  await waitFor(page, (s) => s.state === 'paused');
  await sleep(2000);
  const empty = await frameStats(page);
  await page.goto(`${base}?v=2&dataset=blobs&classes=10&perClass=2000&testFraction=0&speed=0`);
  await waitFor(page, (s) => s.state === 'running' && s.step > 20, 120_000);
  await sleep(4500);
  const full = await frameStats(page);
  results.fpsEmpty = round(empty.fps);
  results.fps20k = round(full.fps);
  results.fpsRatio20k = round(full.fps / empty.fps, 3);
}

/** No tensor leak: the tensor count at step ≥ 100 against step ≥ 10,000 of one run. */
async function tensors(page, base, results) {
  await page.goto(`${base}?v=2&speed=0&backend=wasm`);
  results.tensorsAt100 = (await waitFor(page, (s) => s.step >= 100)).tensors;
  results.tensorsAt10000 = (await waitFor(page, (s) => s.step >= 10_000, 300_000)).tensors;
  // Compare mode too: four models of four losses (the fused and the taped paths) in one worker.
  await page.goto(`${base}?v=2&speed=0&backend=wasm&compare=softmax,arcface,sphereface,curricular`);
  results.compareTensorsAt100 = (await waitFor(page, (s) => s.step >= 100, 120_000)).tensors;
  results.compareTensorsAt10000 = (await waitFor(page, (s) => s.step >= 10_000, 480_000)).tensors;
  console.log(
    `tensors: single ${results.tensorsAt100} → ${results.tensorsAt10000}, compare ${results.compareTensorsAt100} → ${results.compareTensorsAt10000}`,
  );
}

/** React renders of App and of the status bar per second while the default link trains at full speed (App's goal: ≤ 1). */
async function renders(page, base, results) {
  await page.goto(`${base}?v=2&speed=0`);
  await waitFor(page, (s) => s.state === 'running' && s.step > 50);
  const read = () => page.evaluate(() => ({ ...window.hypersphereRenders }));
  const a = await read();
  const t0 = Date.now();
  await sleep(10_000);
  const b = await read();
  const s = (Date.now() - t0) / 1000;
  results.rendersPerSec = { app: round((b.app - a.app) / s, 2), statusBar: round((b.statusBar - a.statusBar) / s, 2) };
  console.log(`renders/s while training: ${JSON.stringify(results.rendersPerSec)} (target: app ≤ 1)`);
}

/** Gzipped size (kB) of each JavaScript chunk of the build: the page's entry, the worker, the lazy panels. */
async function bundle(_page, _base, results) {
  const dir = new URL('../dist/assets/', import.meta.url);
  results.gzipKB = Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => [f.replace(/-[\w-]{8}\.js$/, '.js'), round(gzipSync(readFileSync(new URL(f, dir))).length / 1024)])
      .sort((a, b) => b[1] - a[1]),
  );
  console.log(`gzip kB: ${JSON.stringify(results.gzipKB)}`);
}

/** Time from navigation to the first drawn frame of the view, and to the first training frame. */
async function firstFrame(page, base, results) {
  await page.goto(`${base}?v=2&speed=0`);
  await waitFor(page, (s) => s.step > 0, 120_000);
  results.firstFrame = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    return {
      domContentLoadedMs: Math.round(nav?.domContentLoadedEventEnd ?? NaN),
      firstViewFrameMs: Math.round(mark('hypersphere:first-frame')),
    };
  });
  console.log(`first frame: ${JSON.stringify(results.firstFrame)}`);
}

async function main() {
  const browserInfo = findBrowser();
  if (!browserInfo) throw new Error('no Chromium: run `node e2e/ensure-browser.mjs`');
  const server = await startPreview(PORT);
  const browser = await chromium.launch({ executablePath: browserInfo.executablePath, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const only = process.argv.slice(2);
  // A run of some sections keeps the others' figures from the last run (docs/performance.md shows them all).
  const previous = only.length > 0 && existsSync('bench/results.json') ? JSON.parse(readFileSync('bench/results.json', 'utf8')) : {};
  const results = { ...previous, date: new Date().toISOString(), machine: `${process.platform} ${process.arch}` };
  const sections = { bundle, firstFrame, renders, backends, smoothness, forces, compare, mnist, manyPoints, tensors, deck, sweep, load };
  try {
    for (const [name, run] of Object.entries(sections)) {
      if (only.length > 0 && !only.includes(name)) continue;
      // A section that fails is reported and the others still run; the file says which failed.
      try {
        await run(page, server.base, results);
        if (results.failed) delete results.failed[name];
      } catch (err) {
        console.error(`bench section ${name} failed:`, err);
        results.failed = { ...results.failed, [name]: String(err instanceof Error ? err.message : err) };
      }
    }
  } finally {
    await browser.close();
    server.stop();
  }
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${JSON.stringify(results, null, 2)}\nwrote bench/results.json (\`npm run docs\` puts it in docs/performance.md)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
