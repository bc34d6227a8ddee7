import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../losses/test/tfSetup';
import { makeToyDataset, toyParamsOf } from '../data/datasets';
import { LOSS_KINDS } from '../losses/registry';
import type { LiveParams, StructuralConfig } from './config';
import { DEFAULT_LIVE, DEFAULT_STRUCTURE } from '../train/fromParams';
import { LR_FLOOR, scheduledLr } from './lrSchedule';
import { Trainer } from './trainer';

beforeAll(useCpuBackend);

function trainer(cfg: Partial<StructuralConfig> = {}, live: Partial<LiveParams> = {}) {
  const c = { ...DEFAULT_STRUCTURE, noise: 0.15, ...cfg }; // blobs at their own scale
  const data = makeToyDataset(c.dataset === 'spirals' ? 'spirals' : 'blobs', {
    classes: c.classes,
    perClass: c.perClass,
    noise: c.noise,
    testFraction: c.testFraction,
    seed: c.seed,
  });
  return new Trainer(data, c, { ...DEFAULT_LIVE, ...live });
}

/** Default margins per loss where the shared default does not fit (SphereFace's m is an integer). */
const MARGIN: Partial<Record<LiveParams['loss'], number>> = { sphereface: 4, cosface: 0.2 };

describe('learning-rate decay', () => {
  it('eases lr down by a half cosine to the floor, then holds; 0 turns it off', () => {
    expect(scheduledLr(0.01, 1000, 0)).toBeCloseTo(0.01, 12);
    expect(scheduledLr(0.01, 1000, 500)).toBeCloseTo(0.01 * (LR_FLOOR + (1 - LR_FLOOR) * 0.5), 12);
    expect(scheduledLr(0.01, 1000, 1000)).toBeCloseTo(0.01 * LR_FLOOR, 12);
    expect(scheduledLr(0.01, 1000, 5000)).toBeCloseTo(0.01 * LR_FLOOR, 12);
    expect(scheduledLr(0.01, 0, 5000)).toBe(0.01);
  });
  it('restarts when a loss setting changes, not when one is sent again unchanged', () => {
    const t = trainer({ classes: 3, perClass: 20 }, { decay: 10, batch: 16 });
    for (let i = 0; i < 10; i++) t.trainStep();
    expect(t.learningRate).toBeCloseTo(DEFAULT_LIVE.lr * LR_FLOOR, 12);
    t.setParams({ batch: 16 });
    expect(t.learningRate).toBeCloseTo(DEFAULT_LIVE.lr * LR_FLOOR, 12);
    t.setParams({ m: 0.1 });
    expect(t.learningRate).toBeCloseTo(DEFAULT_LIVE.lr, 12);
    t.setParams({ m: 0.1 }); // the same value again is no change
    t.trainStep();
    expect(t.learningRate).toBeLessThan(DEFAULT_LIVE.lr);
    t.dispose();
  });
});

describe('Trainer', () => {
  for (const loss of LOSS_KINDS) {
    it(`the loss falls on blobs with ${loss} at its default settings`, () => {
      const t = trainer({ classes: 4, perClass: 60 }, { loss, m: MARGIN[loss] ?? DEFAULT_LIVE.m, batch: 64 });
      t.trainStep();
      const first = t.lossValue();
      // 120 steps: SphereFace2's one-vs-all classifiers separate the last of 4 blobs near step 100.
      for (let i = 0; i < 120; i++) t.trainStep();
      const f = t.snapshot();
      expect(Number.isFinite(first)).toBe(true);
      expect(f.loss).toBeLessThan(first * 0.7);
      expect(f.metrics.trainAccuracy).toBeGreaterThan(0.9);
      t.dispose();
    });
  }

  it('the same seed gives identical first 50 snapshots; another seed differs', () => {
    const run = (seed: number) => {
      const t = trainer({ seed, perClass: 40 }, { batch: 32 });
      const frames = Array.from({ length: 50 }, () => {
        t.trainStep();
        return t.snapshot();
      });
      t.dispose();
      return frames;
    };
    const a = run(7);
    const b = run(7);
    a.forEach((fa, i) => {
      const fb = b[i]!;
      expect(fb.step).toBe(fa.step);
      expect(fb.loss).toBe(fa.loss);
      expect(Array.from(fb.train)).toEqual(Array.from(fa.train));
      expect(Array.from(fb.W)).toEqual(Array.from(fa.W));
    });
    const c = run(8);
    expect(Array.from(c[49]!.train)).not.toEqual(Array.from(a[49]!.train));
  });

  it('live parameters apply without a reset: the step continues and the loss changes', () => {
    const t = trainer({ perClass: 40 }, { loss: 'arcface', m: 0, batch: 480 });
    for (let i = 0; i < 5; i++) t.trainStep();
    const before = t.lossValue();
    t.setParams({ m: 0.8 });
    t.trainStep();
    expect(t.step).toBe(6);
    expect(t.lossValue()).toBeGreaterThan(before); // a larger margin makes the same features lose more
    t.setParams({ loss: 'sphereface', m: 4, optimizer: 'sgd', lr: 0.001 });
    t.trainStep();
    const f = t.snapshot();
    expect(f.lambda).toBeCloseTo(1000, 6); // the λ schedule starts when SphereFace is chosen
    expect(f.step).toBe(7);
    t.dispose();
  });

  it('warm-up ramps the margin linearly from 0', () => {
    const t = trainer({ perClass: 20 }, { loss: 'cosface', m: 0.4, warmup: 100, batch: 16 });
    for (let i = 0; i < 51; i++) t.trainStep();
    const spec = t.snapshot().spec;
    expect(spec.kind).toBe('cosface');
    expect(spec.kind === 'cosface' && spec.m).toBeCloseTo(0.2, 6); // step index 50 of 100
    t.dispose();
  });

  it('a snapshot carries the spec it was trained with; after a change, the one the next step trains with', () => {
    const t = trainer({ perClass: 20 }, { loss: 'arcface', m: 0.1, s: 10, batch: 16 });
    for (let i = 0; i < 3; i++) t.trainStep();
    const before = t.snapshot();
    t.setParams({ m: 0.5, s: 20 });
    const after = t.snapshot();
    // The earlier frame keeps its own m and s: nothing of it reads the live settings.
    expect(before.spec).toEqual({ kind: 'arcface', s: 10, m: 0.1, fallback: expect.any(String) });
    expect(after.spec).toMatchObject({ kind: 'arcface', s: 20, m: 0.5 });
    t.setParams({ loss: 'adaface' });
    const ada = t.snapshot().spec;
    expect(ada.kind).toBe('adaface');
    t.trainStep();
    // AdaFace's running statistics move with each batch: the frame's spec has them in force.
    const trained = t.snapshot();
    expect(trained.spec.kind === 'adaface' && [trained.spec.batchMean, trained.spec.batchStd]).toEqual(trained.lossState);
    t.dispose();
  });

  it('center loss moves the centers toward the class features', () => {
    const t = trainer({ perClass: 40 }, { loss: 'center', lambda: 0.5 });
    const before = t.snapshot().centers;
    for (let i = 0; i < 20; i++) t.trainStep();
    const after = t.snapshot().centers;
    expect(Array.from(before).every((v) => v === 0)).toBe(true);
    expect(Array.from(after).some((v) => Math.abs(v) > 0.05)).toBe(true);
    t.dispose();
  });

  it('no tensor leak: numTensors after 10,000 steps equals its value after 100', () => {
    // A tiny network and batch keep 10,000 CPU steps to seconds; the op graph per step is the same.
    const t = trainer({ hidden: 4, depth: 1, perClass: 8, classes: 3 }, { batch: 4, loss: 'center' });
    for (let i = 0; i < 100; i++) t.trainStep();
    t.snapshot();
    const after100 = tf.memory().numTensors;
    const losses: LiveParams['loss'][] = ['arcface', 'sphereface', 'softmax', 'combined', 'center'];
    for (let i = 100; i < 10_000; i++) {
      if (i % 2000 === 0) t.setParams({ loss: losses[i / 2000 - 1]!, optimizer: i % 4000 === 0 ? 'sgd' : 'adam' });
      t.trainStep();
    }
    t.setParams({ optimizer: 'adam', loss: 'center' });
    t.trainStep();
    t.snapshot();
    expect(t.step).toBe(10_001);
    // Back on the first run's loss and optimizer, whose state is rebuilt lazily: after one step it
    // holds the same slots (Adam's m and v per trained variable, the bias among them).
    expect(tf.memory().numTensors).toBe(after100);
    const before = tf.memory().numTensors;
    t.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
  }, 120_000);

  it('a disposed trainer frees every tensor it made', () => {
    const base = tf.memory().numTensors;
    const t = trainer({ perClass: 20 }, { batch: 16 });
    for (let i = 0; i < 3; i++) t.trainStep();
    t.snapshot();
    t.dispose();
    expect(tf.memory().numTensors).toBe(base);
  });
});

describe('held-out identities', () => {
  it('are embedded and verified at every snapshot, without changing the trained run', () => {
    const cfg = { ...DEFAULT_STRUCTURE, classes: 4, perClass: 40, idDims: 4, idScale: 5, hidden: 16, depth: 1 };
    const run = (holdout: number) => {
      const c = { ...cfg, holdout };
      const t = new Trainer(makeToyDataset('identities', toyParamsOf(c)), c, { ...DEFAULT_LIVE, batch: 32 });
      const losses: number[] = [];
      for (let i = 0; i < 5; i++) {
        t.trainStep();
        losses.push(t.lossValue());
      }
      const f = t.snapshot();
      t.dispose();
      return { f, losses, info: t.info };
    };
    const plain = run(0);
    const held = run(2);
    expect(held.losses).toEqual(plain.losses);
    expect(Array.from(held.f.train)).toEqual(Array.from(plain.f.train));
    expect(plain.f.heldout.length).toBe(0);
    expect(plain.f.verification).toBeUndefined();
    expect(held.info.numHeldout).toBe(2);
    expect(held.f.heldout.length).toBe(2 * 40 * 3);
    const v = held.f.verification!;
    // 80 samples of 2 identities: 2·C(40,2) same-identity pairs, 40² different.
    expect(v.nSame).toBe(2 * 780);
    expect(v.nDiff).toBe(1600);
    for (const k of ['tarAtFar1e1', 'tarAtFar1e2', 'tarAtFar1e3', 'eer', 'auc', 'rank1'] as const) {
      expect(v[k]).toBeGreaterThanOrEqual(0);
      expect(v[k]).toBeLessThanOrEqual(1);
    }
    expect(v.heldoutSpread).toBeGreaterThan(0);
  });
});

describe('checkpoints', () => {
  for (const optimizer of ['adam', 'sgd'] as const) {
    it(`a trainer restored from a checkpoint goes on exactly as the original (${optimizer})`, () => {
      const live = { batch: 16, optimizer, loss: 'center' as const };
      const a = trainer({ classes: 3, perClass: 20 }, live);
      for (let i = 0; i < 7; i++) a.trainStep(); // 7 of 48 samples a batch of 16: mid-epoch
      const cp = a.checkpoint();
      const after = (t: Trainer) =>
        Array.from({ length: 6 }, () => {
          t.trainStep();
          return t.lossValue();
        });
      const expected = after(a);
      const b = trainer({ classes: 3, perClass: 20 }, live);
      b.restore(cp);
      expect(b.step).toBe(7);
      expect(after(b)).toEqual(expected);
      expect(b.weights()).toEqual(a.weights());
      a.dispose();
      b.dispose();
    });
  }
  it('refuses a checkpoint of other data', () => {
    const a = trainer({ classes: 3, perClass: 20 });
    const b = trainer({ classes: 3, perClass: 30 });
    expect(() => b.restore(a.checkpoint())).toThrow(/other data|shape/);
    a.dispose();
    b.dispose();
  });
});

describe('running loss statistics', () => {
  it('CurricularFace’s t rises from 0 with the target cosines; AdaFace’s norm statistics follow the batches; both survive a checkpoint', () => {
    const cur = trainer({ classes: 3, perClass: 20 }, { loss: 'curricular', batch: 16 });
    const ts: number[] = [];
    for (let i = 0; i < 30; i++) {
      cur.trainStep();
      ts.push(cur.snapshot().lossState[0]!);
    }
    expect(ts[0]).not.toBe(0);
    expect(ts[29]!).toBeGreaterThan(ts[0]!); // the classes separate: cos θ_y and t grow
    const cp = cur.checkpoint();
    expect(cp.lossState).toEqual([ts[29]]);
    const again = trainer({ classes: 3, perClass: 20 }, { loss: 'curricular', batch: 16 });
    again.restore(cp);
    again.trainStep();
    cur.trainStep();
    expect(again.snapshot().lossState).toEqual(cur.snapshot().lossState);
    // A change of loss starts its statistics over.
    cur.setParams({ loss: 'adaface' });
    expect(cur.snapshot().lossState).toEqual([]);
    cur.trainStep();
    const [mean, sd] = cur.snapshot().lossState;
    expect(mean).toBeGreaterThan(0);
    expect(sd).toBeGreaterThan(0);
    [cur, again].forEach((t) => t.dispose());
  });
});

describe('forces in a snapshot', () => {
  it.each(LOSS_KINDS)('%s: every training feature’s −∂ℓ/∂x, under the frame’s own spec, and the mean turning force', (loss) => {
    const t = trainer({ classes: 4, perClass: 20, dim: 3 }, { loss, batch: 32, ...(MARGIN[loss] ? { m: MARGIN[loss] } : {}) });
    for (let i = 0; i < 5; i++) t.trainStep();
    const f = t.snapshot();
    expect(f.forces.length).toBe(f.train.length);
    expect(f.forces.every(Number.isFinite)).toBe(true);
    expect(f.forces.some((v) => v !== 0)).toBe(true);
    // Some training features are classified correctly after 5 steps: their mean force is a number.
    expect(f.metrics.trainAccuracy).toBeGreaterThan(0);
    expect(f.metrics.turningForce).toBeGreaterThan(0);
    t.dispose();
  });
});
