// `npm run bench:step`: what one training step of the default model costs on tfjs WASM (Node):
// kernels per step by name and steps/s per loss. Guides the step's optimisation; asserts nothing.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-wasm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { makeToyDataset, toyParamsOf } from '../src/data/datasets';
import * as tfUnion from '@tensorflow/tfjs';
import { referenceArcFace } from './reference.mjs';
import { LOSS_KINDS } from '../src/losses/registry';
import { defaultParams } from '../src/params/table';
import { liveOf, structureOf } from '../src/train/fromParams';
import { Trainer } from '../src/train/trainer';

test('bench:step', async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  const p = { ...defaultParams(), speed: 0 };
  const cfg = structureOf(p);
  const data = makeToyDataset('identities', toyParamsOf(cfg));
  const kernels: Record<string, number> = {};
  const stepsPerSec: Record<string, number> = {};
  const profile: Record<string, { kernelMs: number; wallMs: number; byName: Record<string, { count: number; ms: number }> }> = {};
  for (const loss of LOSS_KINDS) {
    const t = new Trainer(data, cfg, { ...liveOf(p), loss, m: loss === 'sphereface' ? 4 : loss === 'cosface' ? 0.2 : 0.3 });
    for (let i = 0; i < 30; i++) t.trainStep();
    t.lossValue();
    const w0 = performance.now();
    const prof = await tf.profile(() => {
      t.trainStep();
    });
    const wall = performance.now() - w0;
    const byName = new Map<string, number>();
    const timeByName = new Map<string, number>();
    let kernelMs = 0;
    for (const k of prof.kernels) {
      byName.set(k.name, (byName.get(k.name) ?? 0) + 1);
      const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
      timeByName.set(k.name, (timeByName.get(k.name) ?? 0) + ms);
      kernelMs += ms;
    }
    if (loss === 'arcface' || loss === 'softmax') {
      const rows = [...timeByName.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10)
        .map(([k, ms]) => `${k}×${byName.get(k)} ${ms.toFixed(3)} ms`);
      console.log(`PROFILE ${loss}: kernels ${kernelMs.toFixed(2)} ms of ${wall.toFixed(2)} ms wall (profiled)\n  ${rows.join('\n  ')}`);
      profile[loss] = {
        kernelMs,
        wallMs: wall,
        byName: Object.fromEntries([...timeByName.entries()].map(([k, ms]) => [k, { count: byName.get(k)!, ms }])),
      };
    }
    const n = 300;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) t.trainStep();
    t.lossValue();
    const rate = (n * 1000) / (performance.now() - t0);
    const top = [...byName.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([k, c]) => `${k}×${c}`)
      .join(' ');
    console.log(`STEP ${loss.padEnd(10)} ${prof.kernels.length} kernels, ${rate.toFixed(0)} steps/s :: ${top}`);
    kernels[loss] = prof.kernels.length;
    stepsPerSec[loss] = rate;
    t.dispose();
  }
  // The plain reference, in the same run: the same model and ArcFace head, as the docs teach it.
  const ref = referenceArcFace(tfUnion, data.train.x, data.train.y, data.inputDim, data.numClasses, {
    D: cfg.dim,
    hidden: cfg.hidden,
    depth: cfg.depth,
    batch: p.batch,
    s: p.s,
    m: p.m,
    lr: p.lr,
  });
  for (let i = 0; i < 30; i++) ref.step();
  const refProf = await tf.profile(() => ref.step());
  const n = 300;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) ref.step();
  const referenceStepsPerSec = (n * 1000) / (performance.now() - t0);
  ref.dispose();
  const ratio = stepsPerSec.arcface! / referenceStepsPerSec;
  console.log(
    `REFERENCE arcface ${refProf.kernels.length} kernels, ${referenceStepsPerSec.toFixed(0)} steps/s; the app's ArcFace step ÷ the reference: ${ratio.toFixed(2)}`,
  );
  mkdirSync('bench', { recursive: true });
  writeFileSync(
    'bench/step.json',
    `${JSON.stringify({ kernels, stepsPerSec, referenceStepsPerSec, referenceKernels: refProf.kernels.length, ratio, profile }, null, 2)}\n`,
  );
});
