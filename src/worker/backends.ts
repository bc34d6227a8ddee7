// Backend registration, WASM asset paths and the measured choice of the fastest backend.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { detectSoftwareRenderer } from '../env/renderer';
import type { BackendChoice, BackendName } from '../train/config';
import type { Trainer } from '../train/trainer';

// Served by Vite (hashed in the build). Threads need cross-origin isolation, which a page
// embedded in slides cannot count on, and break in minified builds: single-threaded SIMD it is.
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

/** The order auto tries; a forced backend that fails falls back along the same list. */
const CANDIDATES: BackendName[] = ['wasm', 'webgl', 'cpu'];

/** How long the timed part of a measurement runs, and the cap on its steps. */
const MEASURE_MS = 300;
const MEASURE_MAX_STEPS = 150;

/** Activates a backend; false (not a throw) when this browser cannot run it. */
async function activate(name: BackendName): Promise<boolean> {
  try {
    const ok = await tf.setBackend(name);
    if (ok) await tf.ready();
    return ok && tf.getBackend() === name;
  } catch {
    return false;
  }
}

/** `n` steps, each synced: shader compiles and first uploads land here, not in what follows. */
function warmSteps(t: Trainer, n: number): void {
  for (let i = 0; i < n; i++) {
    t.trainStep();
    t.lossValue();
  }
}

/** Training steps per second of `build()`'s trainer on the active backend, after a warm-up. */
export function measureStepsPerSec(build: () => Trainer): number {
  const t = build();
  try {
    warmSteps(t, 3);
    const t0 = performance.now();
    let n = 0;
    while (n < MEASURE_MAX_STEPS && performance.now() - t0 < MEASURE_MS) {
      t.trainStep();
      n++;
      if (n % 8 === 0) t.lossValue();
    }
    t.lossValue();
    return (n * 1000) / (performance.now() - t0);
  } finally {
    t.dispose();
  }
}

/**
 * Two steps of a throwaway trainer on the active backend: WebGL compiles its shaders on a step's
 * first run (seconds on a software renderer), and does it here, before the run reports ready and
 * the page's watchdog starts listening, rather than in the run's first step. Auto's measurement
 * warms up the same way.
 */
function warmUp(build: () => Trainer): void {
  if (tf.getBackend() !== 'webgl') return;
  const t = build();
  try {
    warmSteps(t, 2);
    t.snapshot({ forces: false });
  } finally {
    t.dispose();
  }
}

export interface BackendPick {
  backend: BackendName;
  /** For people: e.g. "auto: wasm 190 steps/s, webgl 24, cpu 50" or "webgl failed; using wasm". */
  report: string;
  /** Measured rates, where measured. */
  rates: Partial<Record<BackendName, number>>;
}

/**
 * Activates the backend to train on. `auto` measures every available backend on the real model
 * and batch and keeps the fastest; a forced backend falls back (and says so) when it cannot start.
 */
export async function pickBackend(choice: BackendChoice, build: () => Trainer): Promise<BackendPick> {
  if (choice !== 'auto') {
    if (await activate(choice)) {
      warmUp(build);
      return { backend: choice, report: `${choice} (forced)`, rates: {} };
    }
    for (const alt of CANDIDATES) {
      if (alt !== choice && (await activate(alt))) {
        return { backend: alt, report: `${choice} is unavailable in this browser; using ${alt}`, rates: {} };
      }
    }
    throw new Error('no TensorFlow.js backend could start');
  }
  const rates: Partial<Record<BackendName, number>> = {};
  const notes: string[] = [];
  const software = detectSoftwareRenderer();
  for (const name of CANDIDATES) {
    if (name === 'webgl' && software) {
      notes.push(`webgl skipped (software renderer: ${software})`);
      continue;
    }
    if (!(await activate(name))) {
      notes.push(`${name} unavailable`);
      continue;
    }
    try {
      rates[name] = measureStepsPerSec(build);
    } catch (err) {
      notes.push(`${name} failed (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  const ranked = (Object.entries(rates) as [BackendName, number][]).sort((a, b) => b[1] - a[1]);
  const best = ranked[0];
  if (!best || !(await activate(best[0]))) throw new Error(`no TensorFlow.js backend could train: ${notes.join(', ')}`);
  const measured = ranked.map(([n, r], i) => (i === 0 ? `${n} ${Math.round(r)} steps/s` : `${n} ${Math.round(r)}`));
  return { backend: best[0], report: `auto: ${[...measured, ...notes].join(', ')}`, rates };
}
