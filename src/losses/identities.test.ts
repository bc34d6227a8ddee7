import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeLoss, type LossSpec } from './index';
import { useCpuBackend } from './test/tfSetup';
import { createRng } from '../data/rng';

beforeAll(useCpuBackend);

/** A random batch with features at varied norms and angles, N×D features, D×C weights. */
function randomBatch(seed: number, N = 16, D = 3, C = 5) {
  const rng = createRng(seed);
  const x = tf.tensor2d(
    Array.from({ length: N * D }, () => rng.normal() * 2),
    [N, D],
  );
  const W = tf.tensor2d(
    Array.from({ length: D * C }, () => rng.normal()),
    [D, C],
  );
  const labels = tf.tensor1d(
    Array.from({ length: N }, (_, i) => i % C),
    'int32',
  );
  return { x, W, labels };
}

/** Loss and its gradients w.r.t. x and W, as plain arrays. */
function lossAndGrads(spec: LossSpec, batch: ReturnType<typeof randomBatch>) {
  const f = (x: tf.Tensor, W: tf.Tensor) => computeLoss(spec, { x: x as tf.Tensor2D, W: W as tf.Tensor2D, labels: batch.labels });
  const { value, grads } = tf.valueAndGrads(f)([batch.x, batch.W]);
  const out = { loss: value.dataSync()[0]!, gx: Array.from(grads[0]!.dataSync()), gW: Array.from(grads[1]!.dataSync()) };
  tf.dispose([value, ...grads]);
  return out;
}

/** Two specs give the same loss and gradients on the same batch (float32 agreement). */
function expectSame(a: LossSpec, b: LossSpec, seed = 7) {
  const batch = randomBatch(seed);
  const ra = lossAndGrads(a, batch);
  const rb = lossAndGrads(b, batch);
  // Same math through different ops (acos/cos vs. √(1−c²)): float32 rounding of O(1..10) values.
  expect(ra.loss).toBeCloseTo(rb.loss, 4);
  ra.gx.forEach((g, i) => expect(g).toBeCloseTo(rb.gx[i]!, 4));
  ra.gW.forEach((g, i) => expect(g).toBeCloseTo(rb.gW[i]!, 4));
  tf.dispose([batch.x, batch.W, batch.labels]);
}

describe('loss identities', () => {
  const s = 12;
  it('ArcFace(m=0) = CosFace(m=0) = combined(1,0,0) = NormFace', () => {
    const normface: LossSpec = { kind: 'normface', s };
    expectSame({ kind: 'arcface', s, m: 0, fallback: 'none' }, normface);
    expectSame({ kind: 'arcface', s, m: 0 }, normface);
    expectSame({ kind: 'cosface', s, m: 0 }, normface);
    expectSame({ kind: 'combined', s, m1: 1, m2: 0, m3: 0 }, normface);
  });
  it("combined(1,m,0) = ArcFace 'none'", () => {
    for (const m of [0.2, 0.5, 0.9]) {
      expectSame({ kind: 'combined', s, m1: 1, m2: m, m3: 0 }, { kind: 'arcface', s, m, fallback: 'none' }, 11);
    }
  });
  it('combined(1,0,m) = CosFace', () => {
    for (const m of [0.1, 0.35]) expectSame({ kind: 'combined', s, m1: 1, m2: 0, m3: m }, { kind: 'cosface', s, m });
  });
  it('SphereFace(m=1, λ=0) = softmax on x·Ŵ', () => {
    const batch = randomBatch(3);
    const sphere = lossAndGrads({ kind: 'sphereface', m: 1, lambda: 0 }, batch);
    // Softmax on x·Ŵ: normalise W's columns outside, then chain the gradient back through it.
    const f = (x: tf.Tensor, W: tf.Tensor) => {
      const What = tf.div(W, tf.norm(W, 'euclidean', 0, true)) as tf.Tensor2D;
      return computeLoss({ kind: 'softmax' }, { x: x as tf.Tensor2D, W: What, labels: batch.labels });
    };
    const { value, grads } = tf.valueAndGrads(f)([batch.x, batch.W]);
    expect(sphere.loss).toBeCloseTo(value.dataSync()[0]!, 4);
    Array.from(grads[0]!.dataSync()).forEach((g, i) => expect(sphere.gx[i]).toBeCloseTo(g, 4));
    Array.from(grads[1]!.dataSync()).forEach((g, i) => expect(sphere.gW[i]).toBeCloseTo(g, 4));
    tf.dispose([value, ...grads, batch.x, batch.W, batch.labels]);
  });
  it('a fixed SphereFace scale s equals feeding s·x̂', () => {
    const batch = randomBatch(5);
    const fixed = lossAndGrads({ kind: 'sphereface', m: 3, lambda: 2, s: 7 }, batch);
    const scaled = tf.tidy(() => tf.mul(tf.div(batch.x, tf.norm(batch.x, 'euclidean', 1, true)), 7));
    const viaNorm = computeLoss({ kind: 'sphereface', m: 3, lambda: 2 }, { x: scaled as tf.Tensor2D, W: batch.W, labels: batch.labels });
    expect(fixed.loss).toBeCloseTo(viaNorm.dataSync()[0]!, 4);
    tf.dispose([scaled, viaNorm, batch.x, batch.W, batch.labels]);
  });
  it("MagFace with one margin for every norm (l_m = u_m) and no regulariser = ArcFace 'easy'", () => {
    expectSame(
      { kind: 'magface', s: 12, la: 1, ua: 9, lm: 0.35, um: 0.35, lambdaG: 0 },
      { kind: 'arcface', s: 12, m: 0.35, fallback: 'easy' },
    );
  });
});
