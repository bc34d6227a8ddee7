import { test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { mnistDataset } from '../src/data/mnist/mnistDataset';
import { Trainer } from '../src/train/trainer';
import { liveOf, structureOf } from '../src/params/toTrainer';
import { decodeParams } from '../src/params/urlCodec';
const E = JSON.parse(process.env.EXP ?? '{}');
test('mnist', async () => {
  await tf.setBackend('wasm'); await tf.ready();
  const buf = readFileSync('dist/mnist-10k-pca50.bin');
  const p = decodeParams(E.q ?? 'v=2&loss=softmax&dataset=mnist&hidden=128&lr=0.003&speed=0').params;
  const data = mnistDataset(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length) as ArrayBuffer, p.testFraction, p.seed);
  const t = new Trainer(data, structureOf(p), liveOf(p));
  const t0 = performance.now();
  for (let i = 1; i <= (E.steps ?? 2000); i++) {
    t.trainStep();
    if (i % 250 === 0) { const s0 = performance.now(); const f = t.snapshot(); const ms = performance.now() - s0;
      console.log(`step ${i} ${((performance.now()-t0)/1000).toFixed(1)} s train ${(f.metrics.trainAccuracy*100).toFixed(1)} test ${(f.metrics.testAccuracy*100).toFixed(1)} snapshot ${ms.toFixed(1)} ms`); }
  }
});
