// Part of `npm run bench:lesson`: the forces behind the picture, measured on the real Trainer (tfjs
// WASM, headless). Writes bench/forces.json and the forces table in docs/measured.md; asserts nothing.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-wasm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { makeToyDataset, toyParamsOf } from '../src/data/datasets';
import { defaultParams } from '../src/params/table';
import { liveOf, structureOf } from '../src/train/fromParams';
import type { LiveParams } from '../src/train/config';
import { Trainer } from '../src/train/trainer';
import { writeBenchBlock } from './docsBlocks';
import type { ForceBench, ForceGoal, ForceRow } from './forces/report';

const SEEDS = [1, 2, 3];
const STEPS = [200, 1000];
const RUNS: { label: string; live: Partial<LiveParams> }[] = [
  { label: 'softmax', live: { loss: 'softmax' } },
  { label: 'NormFace s = 10', live: { loss: 'normface', s: 10 } },
  { label: 'CosFace m = 0.2', live: { loss: 'cosface', m: 0.2, s: 10 } },
  { label: 'ArcFace m = 0.3', live: { loss: 'arcface', m: 0.3, s: 10 } },
];
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

test('bench:lesson — forces', async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  const rows: ForceRow[] = [];
  const snapshotMs: number[] = [];
  const plainMs: number[] = [];
  for (const run of RUNS) {
    const perSeed: Record<string, number[]> = Object.fromEntries(STEPS.map((s) => [s, []]));
    for (const seed of SEEDS) {
      const p = { ...defaultParams(), seed };
      const cfg = structureOf(p);
      const t = new Trainer(makeToyDataset('identities', toyParamsOf(cfg)), cfg, { ...liveOf(p), ...run.live });
      while (t.step < STEPS[STEPS.length - 1]!) {
        t.trainStep();
        if (!STEPS.includes(t.step)) continue;
        // Side by side, alternated: a snapshot without its forces, then one with them, 10 times.
        for (let k = 0; k < 10; k++) {
          const a = performance.now();
          t.snapshot({ forces: false });
          plainMs.push(performance.now() - a);
          const b = performance.now();
          t.snapshot();
          snapshotMs.push(performance.now() - b);
        }
        const frame = t.snapshot();
        perSeed[t.step]!.push(frame.metrics.turningForce);
      }
      t.dispose();
    }
    const byStep = Object.fromEntries(STEPS.map((s) => [s, perSeed[s]!.reduce((a, v) => a + v, 0) / SEEDS.length]));
    rows.push({ label: run.label, byStep, perSeed });
    console.log(run.label, JSON.stringify(perSeed));
  }
  const at = (label: string, step: number) => rows.find((r) => r.label.startsWith(label))!.byStep[step]!;
  const last = STEPS[STEPS.length - 1]!;
  const goal = (name: string, value: number, need: number): ForceGoal => ({
    name,
    met: value >= need,
    detail: `${value.toFixed(1)}× (need ≥ ${need}×)`,
  });
  const goals: ForceGoal[] = [
    goal('ArcFace m = 0.3 against softmax at step 1,000', at('ArcFace', last) / at('softmax', last), 10),
    goal('CosFace m = 0.2 against softmax at step 1,000', at('CosFace', last) / at('softmax', last), 10),
    goal('ArcFace m = 0.3 against NormFace at step 1,000', at('ArcFace', last) / at('NormFace', last), 1.5),
    goal('CosFace m = 0.2 against NormFace at step 1,000', at('CosFace', last) / at('NormFace', last), 1.5),
    {
      name: 'softmax at step 1,000 against its own at step 200',
      met: at('softmax', last) / at('softmax', 200) <= 0.15,
      detail: `${(at('softmax', last) / at('softmax', 200)).toFixed(3)}× (need ≤ 0.15×)`,
    },
  ];
  for (const g of goals) console.log(`${g.met ? 'met ' : 'MISS'}  ${g.name}: ${g.detail}`);
  const withForces = median(snapshotMs);
  const plain = median(plainMs);
  const out: ForceBench = {
    seeds: SEEDS,
    steps: STEPS,
    rows,
    goals,
    snapshot: { withForcesMs: withForces, withoutMs: plain, ratio: withForces / plain },
  };
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/forces.json', `${JSON.stringify(out, null, 2)}\n`);
  writeBenchBlock('forces');
});
