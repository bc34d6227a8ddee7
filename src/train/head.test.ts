import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeToyDataset } from '../data/datasets';
import { sphereface2InitialBias } from '../losses/sphereface2';
import { useCpuBackend } from '../losses/test/tfSetup';
import { DEFAULT_LIVE, DEFAULT_STRUCTURE } from '../train/fromParams';
import type { LiveParams } from './config';
import { subcenterColumns } from './head';
import { Trainer } from './trainer';

beforeAll(useCpuBackend);

function trainer(live: Partial<LiveParams>) {
  const c = { ...DEFAULT_STRUCTURE, noise: 0.15, classes: 4, perClass: 40 };
  const data = makeToyDataset('blobs', { classes: 4, perClass: 40, noise: 0.15, testFraction: c.testFraction, seed: c.seed });
  return new Trainer(data, c, { ...DEFAULT_LIVE, batch: 32, ...live });
}

describe('the loss head', () => {
  it('sub-centre 0 of each class is its W column, the others its own extra columns', () => {
    expect(Array.from(subcenterColumns(3, 2))).toEqual([0, 3, 1, 6, 2, 9]);
    expect(Array.from(subcenterColumns(2, 4))).toEqual([0, 2, 3, 4, 1, 5, 6, 7]);
  });

  it('sub-center ArcFace: a frame carries every sub-centre, and W is each class’s dominant one', () => {
    const t = trainer({ loss: 'subcenter', K: 3, m: 0.3 });
    for (let i = 0; i < 20; i++) t.trainStep();
    const f = t.snapshot();
    const { K, W, dominant } = f.subcenters!;
    expect(K).toBe(3);
    const D = t.info.dim;
    const C = t.info.numClasses;
    expect(W.length).toBe(D * C * K);
    for (let c = 0; c < C; c++) for (let d = 0; d < D; d++) expect(f.W[d * C + c]).toBe(W[d * C * K + c * K + dominant[c]!]);
    // K moves live; ArcFace afterwards sends no sub-centres.
    t.setParams({ K: 2 });
    t.trainStep();
    expect(t.snapshot().subcenters!.K).toBe(2);
    t.setParams({ loss: 'arcface' });
    t.trainStep();
    expect(t.snapshot().subcenters).toBeUndefined();
    t.dispose();
  });

  it("SphereFace2's b starts at the code's value when the loss is chosen, then learns", () => {
    const t = trainer({ loss: 'softmax' });
    t.trainStep();
    expect(t.snapshot().scalarBias).toBeUndefined();
    t.setParams({ loss: 'sphereface2' });
    const spec = { alpha: DEFAULT_LIVE.sfAlpha, r: DEFAULT_LIVE.r, m: DEFAULT_LIVE.m, t: DEFAULT_LIVE.sfT };
    t.trainStep();
    const b1 = t.snapshot().scalarBias!;
    // One step of Adam moves b by at most about the learning rate.
    expect(Math.abs(b1 - sphereface2InitialBias(spec, 4))).toBeLessThan(DEFAULT_LIVE.lr * 1.01 + 1e-6);
    for (let i = 0; i < 30; i++) t.trainStep();
    expect(t.snapshot().scalarBias).not.toBe(b1);
    t.dispose();
  });

  it('L-Softmax trains no bias: its frames carry zeros', () => {
    const t = trainer({ loss: 'lsoftmax', m: 2 });
    for (let i = 0; i < 10; i++) t.trainStep();
    expect(Array.from(t.snapshot().bias).every((b) => b === 0)).toBe(true);
    t.dispose();
  });

  it('no tensor leaks over steps of the three losses and their switches', () => {
    const t = trainer({ loss: 'subcenter' });
    t.trainStep();
    t.snapshot();
    const before = tf.memory().numTensors;
    for (const loss of ['subcenter', 'sphereface2', 'lsoftmax', 'subcenter'] as const) {
      t.setParams({ loss });
      for (let i = 0; i < 5; i++) t.trainStep();
      t.snapshot();
    }
    // The optimizer's moments are rebuilt for each loss's list of variables: the same count as before.
    expect(tf.memory().numTensors).toBe(before);
    t.dispose();
  });
});
