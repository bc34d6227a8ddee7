// `npm run bench:openset`: the open-set lesson measured on the real Trainer (tfjs WASM, headless).
// Trains on the open-set data (src/params/openSet.ts) and scores every pair of the 4 held-out
// identities' features. Writes bench/openset.json and the table in docs/measured.md; asserts nothing.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-wasm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { makeToyDataset, toyParamsOf } from '../src/data/datasets';
import { OPEN_SET_QUERY } from '../src/params/openSet';
import { liveOf, structureOf } from '../src/train/fromParams';
import { decodeParams } from '../src/params/urlCodec';
import { Trainer } from '../src/train/trainer';
import { verificationMetrics } from '../src/train/verificationMetrics';
import type { Frame, RunInfo } from '../src/train/frame';
import { writeBenchBlock } from './docsBlocks';
import { openSetGoals, type OpenSetRun } from './openset/report';
import { openSetRuns } from './openset/runs';

const SEEDS = [1, 2, 3];
const STEPS = 1000;
const DEG = 180 / Math.PI;

/** Median time of the snapshot's verification metrics on a frame's held-out features, ms (the worker's cost). */
function metricsMs(f: Frame, info: RunInfo): number {
  const times: number[] = [];
  for (let i = 0; i < 25; i++) {
    const t = performance.now();
    verificationMetrics(f.heldout, info.heldoutLabels, info.numHeldout, info.dim);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

test('bench:openset', async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  const t0 = performance.now();
  const runs: OpenSetRun[] = [];
  const timings: { dim: number; pairs: number; ms: number }[] = [];
  for (const dim of ['3', '2'] as const) {
    for (const seed of SEEDS) {
      const p = { ...decodeParams(`${OPEN_SET_QUERY}&dim=${dim}&seed=${seed}`).params };
      const cfg = structureOf(p);
      if (cfg.dataset !== 'identities') throw new Error('bench:openset trains on identities');
      const data = makeToyDataset('identities', toyParamsOf(cfg));
      for (const run of openSetRuns()) {
        const live = { ...liveOf(p), ...run.live, speed: 0 };
        const trainer = new Trainer(data, cfg, live);
        for (let i = 0; i < STEPS; i++) trainer.trainStep();
        const f = trainer.snapshot();
        trainer.dispose();
        if (run.live.loss === 'softmax')
          timings.push({
            dim: cfg.dim,
            pairs: f.verification ? f.verification.nSame + f.verification.nDiff : 0,
            ms: metricsMs(f, trainer.info),
          });
        const v = f.verification;
        if (!v) throw new Error('no held-out identities');
        const r: OpenSetRun = {
          label: run.label,
          dim: dim === '2' ? 2 : 3,
          seed,
          loss: live.loss,
          m: ['cosface', 'arcface', 'sphereface'].includes(live.loss) ? live.m : null,
          tarAtFar1e1: v.tarAtFar1e1,
          tarAtFar1e2: v.tarAtFar1e2,
          tarAtFar1e3: v.tarAtFar1e3,
          eer: v.eer,
          auc: v.auc,
          rank1: v.rank1,
          heldoutSpreadDeg: v.heldoutSpread * DEG,
          trainSpreadDeg: f.metrics.intraClassAngle * DEG,
          testAccuracy: f.metrics.testAccuracy,
        };
        runs.push(r);
        console.log(
          `${r.dim}-D seed ${seed} ${r.label.padEnd(24)} TAR@1e-2 ${(r.tarAtFar1e2 * 100).toFixed(1)} AUC ${r.auc.toFixed(3)} held-out ${r.heldoutSpreadDeg.toFixed(1)}° train ${r.trainSpreadDeg.toFixed(1)}° test ${(r.testAccuracy * 100).toFixed(1)}`,
        );
      }
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const goals = openSetGoals(runs);
  for (const g of goals) console.log(`${g.met ? 'met ' : 'MISS'}  ${g.name}: ${g.detail}`);
  const ms = timings.map((t) => t.ms).sort((a, b) => a - b);
  const metrics = { pairs: timings[0]?.pairs ?? 0, medianMs: ms[Math.floor(ms.length / 2)] ?? NaN, maxMs: ms[ms.length - 1] ?? NaN };
  console.log(
    `${seconds.toFixed(0)} s in all; verification metrics of ${metrics.pairs} pairs: median ${metrics.medianMs.toFixed(2)} ms, max ${metrics.maxMs.toFixed(2)} ms`,
  );
  mkdirSync('bench', { recursive: true });
  writeFileSync(
    'bench/openset.json',
    `${JSON.stringify({ query: OPEN_SET_QUERY, steps: STEPS, seeds: SEEDS, runs, goals, metrics, seconds }, null, 2)}\n`,
  );
  writeBenchBlock('openset');
});
