// `npm run bench:lesson`: the lecture's claims, measured on the real Trainer (tfjs WASM, headless).
// Writes bench/lesson.json and the results table in docs/measured.md. Run through Vitest only because it
// resolves tfjs's ES modules as the app's bundler does; it asserts nothing.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-wasm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { makeToyDataset, toyParamsOf } from '../src/data/datasets';
import { liveOf, structureOf } from '../src/train/fromParams';
import { defaultParams } from '../src/params/table';
import type { LiveParams, StructuralConfig } from '../src/train/config';
import { Trainer } from '../src/train/trainer';
import { averageBySetting, evaluateGoals, type RunResult } from './lesson/goals';
import type { DefaultRun } from './lesson/report';
import { writeBenchBlock } from './docsBlocks';
import { allRuns } from './lesson/runs';

const SEEDS = [1, 2, 3];
const STEPS = 1000;
/** The default run is followed this long, to see that its picture holds steady. */
const DEFAULT_STEPS = 3000;
const DEG = 180 / Math.PI;

function dataFor(cfg: StructuralConfig) {
  if (cfg.dataset !== 'identities' && cfg.dataset !== 'blobs' && cfg.dataset !== 'spirals')
    throw new Error(`bench:lesson needs a generated dataset, not ${cfg.dataset}`);
  return makeToyDataset(cfg.dataset, toyParamsOf(cfg));
}

function train(cfg: StructuralConfig, live: LiveParams, steps: number, every = 0, onFrame?: (t: Trainer) => void) {
  const trainer = new Trainer(dataFor(cfg), cfg, live);
  for (let i = 1; i <= steps; i++) {
    trainer.trainStep();
    if (every > 0 && i % every === 0) onFrame?.(trainer);
  }
  const frame = trainer.snapshot();
  trainer.dispose();
  return frame;
}

function defaultRun(): DefaultRun {
  const p = defaultParams();
  const history: { step: number; test: number; spread: number }[] = [];
  train(structureOf(p), liveOf(p), DEFAULT_STEPS, 20, (t) => {
    const m = t.snapshot().metrics;
    history.push({ step: t.step, test: m.testAccuracy, spread: m.intraClassAngle * DEG });
  });
  const final = history[history.length - 1]!.spread;
  const stepTo90 = history.find((h) => h.test >= 0.9)?.step ?? null;
  let settle: number | null = null;
  for (let i = history.length - 1; i >= 0 && Math.abs(history[i]!.spread - final) <= 0.1 * final; i--) settle = history[i]!.step;
  const pace = p.speed;
  const secs = (s: number | null) => (s === null || pace <= 0 ? null : s / pace);
  return {
    steps: DEFAULT_STEPS,
    pace,
    stepTo90,
    stepToSettle: settle,
    secondsTo90: secs(stepTo90),
    secondsToSettle: secs(settle),
    finalTrainSpreadDeg: final,
  };
}

test('bench:lesson', async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  const t0 = performance.now();
  const runs: RunResult[] = [];
  let steps = 0;
  for (const dim of ['3', '2'] as const) {
    for (const seed of SEEDS) {
      for (const run of allRuns()) {
        const p = { ...defaultParams(), dim, seed };
        const live = { ...liveOf(p), ...run.live };
        const m = live.loss === 'cosface' || live.loss === 'arcface' || live.loss === 'sphereface' ? (live.m ?? null) : null;
        const s = ['normface', 'cosface', 'arcface', 'combined'].includes(live.loss) ? live.s : null;
        const metrics = train(structureOf(p), live, STEPS).metrics;
        steps += STEPS;
        runs.push({
          label: run.label,
          dim: dim === '2' ? 2 : 3,
          seed,
          loss: live.loss,
          m,
          s,
          steps: STEPS,
          trainAccuracy: metrics.trainAccuracy,
          testAccuracy: metrics.testAccuracy,
          trainSpreadDeg: metrics.intraClassAngle * DEG,
          testSpreadDeg: metrics.testIntraClassAngle * DEG,
          marginP5Deg: metrics.marginP5 * DEG,
          marginMedianDeg: metrics.marginMedian * DEG,
        });
        const r = runs[runs.length - 1]!;
        console.log(
          `${r.dim}-D seed ${seed} ${r.label.padEnd(24)} train ${(r.trainAccuracy * 100).toFixed(1)} test ${(r.testAccuracy * 100).toFixed(1)} spread ${r.trainSpreadDeg.toFixed(2)}° margin median ${r.marginMedianDeg.toFixed(1)}°`,
        );
      }
    }
  }
  const def = defaultRun();
  const seconds = (performance.now() - t0) / 1000;
  const goals = evaluateGoals(averageBySetting(runs));
  for (const g of goals) console.log(`${g.met ? 'met ' : 'MISS'}  ${g.name}: ${g.detail}`);
  console.log(
    `default run: ${JSON.stringify(def)}; ${seconds.toFixed(0)} s in all, ${((steps + DEFAULT_STEPS) / seconds).toFixed(0)} steps/s`,
  );
  mkdirSync('bench', { recursive: true });
  const defaultOut = def;
  writeFileSync(
    'bench/lesson.json',
    `${JSON.stringify({ seeds: SEEDS, steps: STEPS, runs, defaultRun: defaultOut, goals, seconds }, null, 2)}\n`,
  );
  writeBenchBlock('lesson');
});
