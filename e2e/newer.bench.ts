// `npm run bench:newer`: the losses after ArcFace on the data that shows why each exists (the real
// Trainer, tfjs WASM, headless). Writes bench/newer.json and the table in docs/measured.md; asserts nothing.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-wasm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { makeToyDataset, toyParamsOf } from '../src/data/datasets';
import { lossDef } from '../src/losses/registry';
import { predict } from '../src/metrics/metrics';
import { spearman } from '../src/metrics/spearman';
import { liveOf, structureOf } from '../src/train/fromParams';
import { decodeParams } from '../src/params/urlCodec';
import { Trainer } from '../src/train/trainer';
import { writeBenchBlock } from './docsBlocks';
import { newerMarkdown, type NewerResult } from './newer/report';
import { NEWER_RUNS, SETTING_QUERY } from './newer/runs';
import { mechanismOf } from './newer/mechanism';

const SEEDS = [1, 2, 3];
const STEPS = 1000;

/** Share of the rows flagged `want` (or all rows) whose prediction is right. */
function accuracyWhere(pred: Int32Array, y: Int32Array, flags: Uint8Array | undefined, want: 0 | 1 | null): number {
  let hit = 0;
  let n = 0;
  for (let i = 0; i < y.length; i++) {
    if (want !== null && (flags?.[i] ?? 0) !== want) continue;
    n++;
    if (pred[i] === y[i]) hit++;
  }
  return n ? hit / n : NaN;
}

test('bench:newer', async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  const t0 = performance.now();
  const runs: NewerResult[] = [];
  for (const seed of SEEDS) {
    // BENCH_ONLY=labelNoise (a setting) or a loss kind runs just those (a quick look while tuning).
    const only = process.env.BENCH_ONLY;
    for (const run of NEWER_RUNS.filter((r) => !only || r.setting === only || r.live.loss === only)) {
      const p = decodeParams(`v=2&seed=${seed}&${run.query ?? SETTING_QUERY[run.setting]}`).params;
      const cfg = structureOf(p);
      if (cfg.dataset !== 'identities') throw new Error('bench:newer trains on identities');
      const open = run.setting === 'openSet';
      const data = makeToyDataset('identities', toyParamsOf(cfg));
      const live = { ...liveOf(p), ...run.live, speed: 0 };
      const trainer = new Trainer(data, cfg, live);
      // The running statistics on the way (CurricularFace's t), at steps 100, 500 and the last.
      const lossStateAt: Record<string, number[]> = {};
      for (let i = 1; i <= STEPS; i++) {
        trainer.trainStep();
        if (i === 100 || i === 500) lossStateAt[i] = trainer.snapshot().lossState;
      }
      const f = trainer.snapshot();
      lossStateAt[STEPS] = f.lossState;
      trainer.dispose();
      const D = cfg.dim;
      const test = { x: f.test, y: data.test.y, n: data.test.n, dim: D };
      const pred = predict(test, {
        W: f.W,
        numClasses: data.numClasses,
        bias: f.bias,
        mode: lossDef(live.loss).train.rawLogits ? 'logits' : 'cosine',
      });
      const low = data.lowQuality?.test;
      const norms = Array.from({ length: data.test.n }, (_, i) => Math.hypot(...f.test.subarray(i * D, i * D + D)));
      const r: NewerResult = {
        loss: live.loss,
        label: run.label,
        setting: run.setting,
        seed,
        testAccuracy: f.metrics.testAccuracy,
        // Test labels are always clean; with low-quality samples, "clean" is the high-quality ones.
        cleanTestAccuracy: accuracyWhere(pred, data.test.y, low, low ? 0 : null),
        lowQualityTestAccuracy: low ? accuracyWhere(pred, data.test.y, low, 1) : null,
        normQualitySpearman: low
          ? spearman(
              norms,
              Array.from(low, (f) => 1 - f),
            )
          : null,
        trainSpreadDeg: (f.metrics.intraClassAngle * 180) / Math.PI,
        ...mechanismOf(live.loss, f, data, f.spec),
        ...(open && f.verification
          ? { tarAtFar1e2: f.verification.tarAtFar1e2, tarAtFar1e3: f.verification.tarAtFar1e3, eer: f.verification.eer }
          : {}),
        ...(f.lossState.length ? { lossStateAt } : {}),
      };
      runs.push(r);
      console.log(
        `seed ${seed} ${run.setting.padEnd(10)} ${run.label.padEnd(16)} test ${(r.testAccuracy * 100).toFixed(1)} clean ${(r.cleanTestAccuracy * 100).toFixed(1)} low ${r.lowQualityTestAccuracy === null ? '–' : (r.lowQualityTestAccuracy * 100).toFixed(1)} ρ(norm, quality) ${r.normQualitySpearman?.toFixed(3) ?? '–'}`,
      );
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  mkdirSync('bench', { recursive: true });
  const only = process.env.BENCH_ONLY;
  writeFileSync(
    only ? `bench/newer-${only}.json` : 'bench/newer.json',
    `${JSON.stringify({ steps: STEPS, seeds: SEEDS, runs, seconds }, null, 2)}\n`,
  );
  if (only) {
    console.log(newerMarkdown(runs, SEEDS, STEPS));
    return; // a part of the runs: docs/measured.md keeps the whole table
  }
  writeBenchBlock('newer');
  console.log(`${seconds.toFixed(0)} s in all`);
});
