import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOSS_KINDS } from '../losses/registry';
import { makeToyDataset } from '../data/datasets';
import { toleranceRatio, useCpuBackend } from '../losses/test/tfSetup';
import { DEFAULT_LIVE, DEFAULT_STRUCTURE } from '../train/fromParams';
import type { LiveParams } from './config';
import { Trainer } from './trainer';

beforeAll(useCpuBackend);

const cfg = { ...DEFAULT_STRUCTURE, classes: 5, perClass: 40 };
const data = makeToyDataset('blobs', { classes: 5, perClass: 40, noise: 0.2, testFraction: cfg.testFraction, seed: cfg.seed });

function run(live: Partial<LiveParams>, fused: boolean, steps: number) {
  const t = new Trainer(data, cfg, { ...DEFAULT_LIVE, batch: 32, ...live }, { fused });
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    t.trainStep();
    losses.push(t.lossValue());
  }
  const weights = t.weights();
  t.dispose();
  return { losses, weights };
}

describe('the fused step (one head kernel, one optimizer kernel, the MLP written out)', () => {
  // Every loss at its defaults (a new loss joins with no edit here), and these settings of some.
  const variants: Partial<LiveParams>[] = [
    { loss: 'arcface', m: 0.3, s: 10 },
    { loss: 'cosface', m: 0.2, s: 10, optimizer: 'sgd', lr: 0.02 },
    { loss: 'combined', m1: 1.1, m2: 0.2, m3: 0.1, s: 12 },
    { loss: 'normface', s: 8 },
    { loss: 'softmax' },
    { loss: 'center', lambda: 0.1 },
    { loss: 'sphereface', m: 4 },
    // Their statistics (AdaFace's norms, CurricularFace's t) move with every batch, before the fused head reads them.
    { loss: 'adaface', m: 0.4, s: 16 },
    { loss: 'curricular', m: 0.5, s: 16 },
    // Its margin and regulariser take their gradient through ‖x‖.
    { loss: 'magface', s: 16 },
    // Its W is picked from [W | extra]: the gradient goes back to both.
    { loss: 'subcenter', K: 3, m: 0.3, s: 10 },
    // Both norms in the scale, differentiated.
    { loss: 'lsoftmax', m: 4 },
    // The binary head and its learned b, the gradient through g.
    { loss: 'sphereface2', sfGrad: 'exact' },
    { loss: 'sphereface2', sfGrad: 'detached' },
  ];
  const cases: Partial<LiveParams>[] = [
    ...variants,
    ...LOSS_KINDS.filter((k) => !variants.some((v) => v.loss === k)).map((loss) => ({ loss })),
  ];
  for (const live of cases) {
    it(`${live.loss} (${live.optimizer ?? 'adam'}): trains as tfjs's composite ops and autodiff do, step for step`, () => {
      const fused = run(live, true, 25);
      const plain = run(live, false, 25);
      // The same arithmetic in another order (float64 in the kernels): equal to float32 rounding, drifting
      // slowly. Adam turns rounding in a near-zero gradient into part of a step (lr 0.01), hence the weights' 1e-3.
      expect(toleranceRatio(fused.losses, plain.losses, 1e-3, 1e-5)).toBeLessThanOrEqual(1);
      fused.weights.forEach((w, i) => expect(toleranceRatio(w.values, plain.weights[i]!.values, 1e-2, 1e-3)).toBeLessThanOrEqual(1));
    });
  }

  // ArcFace, and the heads that read more than W: sub-centres picked from [W | extra], running statistics read back.
  for (const live of [
    { loss: 'arcface' },
    { loss: 'subcenter', K: 3 },
    { loss: 'adaface' },
    { loss: 'curricular' },
    { loss: 'lsoftmax' },
    { loss: 'sphereface2' },
  ] as const) {
    it(`keeps the tensor count flat (${live.loss})`, () => {
      const t = new Trainer(data, cfg, { ...DEFAULT_LIVE, batch: 32, ...live });
      for (let i = 0; i < 5; i++) t.trainStep();
      const before = tf.memory().numTensors;
      for (let i = 0; i < 200; i++) t.trainStep();
      expect(tf.memory().numTensors).toBe(before);
      t.dispose();
    });
  }
});
