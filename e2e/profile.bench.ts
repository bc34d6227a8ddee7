// `npm run bench:step`: what one training step of the default model costs on tfjs WASM (Node):
// kernels per step by name and steps/s per loss. Guides the step's optimisation; asserts nothing.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-wasm';
import { test } from 'vitest';
import { makeToyDataset } from '../src/data/datasets';
import { LOSS_KINDS } from '../src/losses/registry';
import { defaultParams } from '../src/params/table';
import { liveOf, structureOf } from '../src/params/toTrainer';
import { Trainer } from '../src/train/trainer';

test('bench:step', async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  const p = { ...defaultParams(), speed: 0 };
  const cfg = structureOf(p);
  const data = makeToyDataset('identities', { ...cfg });
  for (const loss of LOSS_KINDS) {
    const t = new Trainer(data, cfg, { ...liveOf(p), loss, m: loss === 'sphereface' ? 4 : loss === 'cosface' ? 0.2 : 0.3 });
    for (let i = 0; i < 30; i++) t.trainStep();
    t.lossValue();
    const prof = await tf.profile(() => {
      t.trainStep();
    });
    const byName = new Map<string, number>();
    for (const k of prof.kernels) byName.set(k.name, (byName.get(k.name) ?? 0) + 1);
    const n = 300;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) t.trainStep();
    t.lossValue();
    const rate = (n * 1000) / (performance.now() - t0);
    const top = [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, c]) => `${k}×${c}`).join(' ');
    console.log(`STEP ${loss.padEnd(10)} ${prof.kernels.length} kernels, ${rate.toFixed(0)} steps/s :: ${top}`);
    t.dispose();
  }
});
