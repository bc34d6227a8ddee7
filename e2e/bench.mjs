// npm run bench: drives headless Chromium on the production build and writes bench/results.json.
// Speed and memory goals are measured here, not asserted in timed tests.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from './browser.mjs';

const PORT = 4174;
const BASE = `http://127.0.0.1:${PORT}/`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startPreview() {
  const proc = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return proc;
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  proc.kill();
  throw new Error('vite preview did not start');
}

const status = (page) =>
  page.locator('[role="status"][data-state]').evaluate((el) => ({
    step: Number(el.dataset.step),
    accuracy: Number(el.dataset.accuracy),
    state: el.dataset.state,
    backend: el.dataset.backend,
    snapshotMs: Number(el.dataset.snapshotMs),
    tensors: Number(el.dataset.tensors),
  }));

async function waitFor(page, pred, timeout = 60_000) {
  const t0 = Date.now();
  for (;;) {
    const s = await status(page);
    if (pred(s)) return s;
    if (Date.now() - t0 > timeout) throw new Error(`timed out; last status ${JSON.stringify(s)}`);
    await sleep(50);
  }
}

/** rAF callbacks per second over `ms`. */
const rafRate = (page, ms = 3000) =>
  page.evaluate(
    (ms) =>
      new Promise((res) => {
        let n = 0;
        const t0 = performance.now();
        const f = (now) => {
          n++;
          if (now - t0 < ms) requestAnimationFrame(f);
          else res((n * 1000) / (now - t0));
        };
        requestAnimationFrame(f);
      }),
    ms,
  );

/** Steady-state training steps per second of a URL's run, over `ms` after a warm-up. */
async function stepsPerSec(page, query, ms = 4000) {
  await page.goto(BASE + query);
  await waitFor(page, (s) => s.state === 'running' && s.step > 30, 120_000);
  await sleep(1000);
  const a = await status(page);
  const t0 = Date.now();
  await sleep(ms);
  const b = await status(page);
  return { rate: ((b.step - a.step) * 1000) / (Date.now() - t0), backend: b.backend, snapshotMs: b.snapshotMs };
}

async function main() {
  const browserInfo = findBrowser();
  if (!browserInfo) throw new Error('no Chromium: run `node e2e/ensure-browser.mjs`');
  const server = await startPreview();
  const browser = await chromium.launch({ executablePath: browserInfo.executablePath, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const results = { date: new Date().toISOString(), machine: `${process.platform} ${process.arch}`, stepsPerSec: {}, backendReport: '' };
  try {
    for (const backend of ['wasm', 'cpu', 'webgl', 'auto']) {
      const r = await stepsPerSec(page, `?batch=256&backend=${backend}`);
      results.stepsPerSec[backend] = Math.round(r.rate);
      if (backend === 'auto') {
        results.autoChose = r.backend;
        results.snapshotMs = r.snapshotMs;
        results.backendReport = await page.locator('.status-detail').textContent();
      }
      console.log(`steps/s ${backend.padEnd(5)} ${Math.round(r.rate)}${backend === 'auto' ? ` (chose ${r.backend})` : ''}`);
    }
    const best = Math.max(results.stepsPerSec.wasm, results.stepsPerSec.cpu, results.stepsPerSec.webgl);
    results.autoVsBest = Number((results.stepsPerSec.auto / best).toFixed(3));

    // Time to 99 % train accuracy from the first frame, default preset (timed in the page).
    await page.goto(BASE);
    const t99 = await page.evaluate(
      () =>
        new Promise((res) => {
          const el = document.querySelector('[role="status"][data-state]');
          let first;
          const check = () => {
            const now = performance.now();
            if (first === undefined && el.dataset.state === 'running' && Number(el.dataset.step) >= 0) first = now;
            if (first !== undefined && Number(el.dataset.accuracy) >= 0.99) return res({ seconds: (now - first) / 1000, step: Number(el.dataset.step) });
            if (now > 120_000) return res({ seconds: NaN, step: Number(el.dataset.step) });
            requestAnimationFrame(check);
          };
          check();
        }),
    );
    results.secondsTo99 = Number(t99.seconds.toFixed(2));
    results.stepsTo99 = t99.step;

    // rAF while training ÷ rAF idle (paused), same page and run.
    await waitFor(page, (s) => s.state === 'running' && s.step > 50);
    await sleep(4500); // let the adaptive antialiasing settle
    const training = await rafRate(page);
    await page.getByRole('button', { name: /pause/i }).click();
    await waitFor(page, (s) => s.state === 'paused');
    await sleep(500);
    const idle = await rafRate(page);
    results.rafTraining = Number(training.toFixed(1));
    results.rafIdle = Number(idle.toFixed(1));
    results.rafRatioTraining = Number((training / idle).toFixed(3));

    // 20,000 training points while training ÷ an empty scene (paused, no points or overlays).
    await page.goto(BASE + '?classes=2&perClass=10&testFraction=0&show=&play=0');
    await waitFor(page, (s) => s.state === 'paused');
    await sleep(4500);
    const empty = await rafRate(page);
    await page.goto(BASE + '?classes=10&perClass=2000&testFraction=0');
    await waitFor(page, (s) => s.state === 'running' && s.step > 20, 120_000);
    await sleep(4500);
    const full = await rafRate(page);
    results.fpsEmpty = Number(empty.toFixed(1));
    results.fps20k = Number(full.toFixed(1));
    results.fpsRatio20k = Number((full / empty).toFixed(3));

    // No tensor leak: numTensors at step ≥ 100 against step ≥ 10,000 of one run.
    await page.goto(BASE + '?backend=wasm');
    const at100 = await waitFor(page, (s) => s.step >= 100);
    const at10k = await waitFor(page, (s) => s.step >= 10_000, 240_000);
    results.tensorsAt100 = at100.tensors;
    results.tensorsAt10000 = at10k.tensors;
  } finally {
    await browser.close();
    server.kill();
  }
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  const rows = [
    ['stepsPerSec.auto', results.stepsPerSec.auto, '≥ 300 and ≥ 0.9× best'],
    ['autoVsBest', results.autoVsBest, '≥ 0.9'],
    ['snapshotMs', results.snapshotMs, ''],
    ['secondsTo99', results.secondsTo99, '≤ 2'],
    ['rafRatioTraining', results.rafRatioTraining, '≥ 0.95'],
    ['fpsRatio20k', results.fpsRatio20k, '≥ 0.9'],
    ['tensors at step 100 / 10,000', `${results.tensorsAt100} / ${results.tensorsAt10000}`, 'equal'],
  ];
  console.log('\nmetric                          value        target');
  for (const [k, v, t] of rows) console.log(`${String(k).padEnd(32)}${String(v).padEnd(13)}${t}`);
  console.log('\nwrote bench/results.json');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
