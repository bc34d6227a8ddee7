// L-Softmax, sub-center ArcFace and SphereFace2: the identities that tie them to the losses they
// came from (their gradients are checked with every loss's, in gradients.test.ts).
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../data/rng';
import { computeLoss, type LossSpec } from './index';
import { dominantSubcenters } from './subcenter';
import { sphereface2CapCos, sphereface2G, sphereface2InitialBias } from './sphereface2';
import { useCpuBackend } from './test/tfSetup';

beforeAll(useCpuBackend);

const N = 12;
const D = 3;
const C = 4;

function inputs(seed: number, columns: number, biasLength: number) {
  const rng = createRng(seed);
  const gauss = (n: number, scale = 1) => Array.from({ length: n }, () => rng.normal() * scale);
  return {
    x: tf.tensor2d(gauss(N * D, 1.5), [N, D]),
    W: tf.tensor2d(gauss(D * columns), [D, columns]),
    bias: tf.tensor1d(gauss(biasLength, 2)),
    labels: tf.tensor1d(
      Array.from({ length: N }, (_, i) => i % C),
      'int32',
    ),
    dir: { x: tf.tensor2d(gauss(N * D), [N, D]), W: tf.tensor2d(gauss(D * columns), [D, columns]), b: tf.tensor1d(gauss(biasLength)) },
  };
}

describe('identities of the losses after ArcFace', () => {
  const value = (spec: LossSpec, x: tf.Tensor2D, W: tf.Tensor2D, labels: tf.Tensor1D, bias?: tf.Tensor1D) => {
    const l = computeLoss(spec, { x, W, labels, bias });
    const v = l.dataSync()[0]!;
    l.dispose();
    return v;
  };

  it('L-Softmax with m = 1 is softmax with no bias (ψ = cos, so f_y = W_yᵀx)', () => {
    const inp = inputs(5, C, C);
    const zero = tf.zeros([C]) as tf.Tensor1D;
    for (const lambda of [0, 3])
      expect(value({ kind: 'lsoftmax', m: 1, lambda }, inp.x, inp.W, inp.labels)).toBeCloseTo(
        value({ kind: 'softmax' }, inp.x, inp.W, inp.labels, zero),
        5,
      );
    tf.dispose([zero, inp.x, inp.W, inp.bias, inp.labels]);
  });

  it("sub-center ArcFace with K = 1, or K copies of each weight, is ArcFace 'none'", () => {
    const inp = inputs(6, C, 0);
    const arc = value({ kind: 'arcface', s: 12, m: 0.35, fallback: 'none' }, inp.x, inp.W, inp.labels);
    expect(value({ kind: 'subcenter', K: 1, s: 12, m: 0.35 }, inp.x, inp.W, inp.labels)).toBeCloseTo(arc, 4);
    // Column c·3 + k = W_c for every k.
    const copies = tf.tidy(() => tf.reshape(tf.tile(tf.expandDims(inp.W, 2), [1, 1, 3]), [D, 3 * C])) as tf.Tensor2D;
    expect(value({ kind: 'subcenter', K: 3, s: 12, m: 0.35 }, inp.x, copies, inp.labels)).toBeCloseTo(arc, 4);
    tf.dispose([copies, inp.x, inp.W, inp.bias, inp.labels]);
  });

  it("SphereFace2's starting b balances the positive and negative pulls on b for features at 90° to every weight", () => {
    const spec = { alpha: 0.7, r: 40, m: 0.4, t: 3 };
    for (const classes of [2, 6, 12]) {
      const b = sphereface2InitialBias(spec, classes);
      const sig = (u: number) => 1 / (1 + Math.exp(-u));
      const g0 = sphereface2G(0, spec.t);
      // ∂L/∂b ∝ −α·σ(−z_y) + (1 − α)·(C − 1)·σ(z_j), z_y = r(g(0) − m) + b, z_j = r(g(0) + m) + b.
      const dLdb = -spec.alpha * sig(-(spec.r * (g0 - spec.m) + b)) + (1 - spec.alpha) * (classes - 1) * sig(spec.r * (g0 + spec.m) + b);
      expect(Math.abs(dLdb)).toBeLessThan(1e-9);
    }
    // The code's value for 6 classes (the public reference case's b).
    expect(sphereface2InitialBias(spec, 6)).toBeCloseTo(13.866468607375456, 10);
  });

  it("SphereFace2's cap edge solves r·g(c) + b = 0, and is ±1 when the cap is everything or nothing", () => {
    for (const b of [-20, -3, 0, 5, 25]) {
      const c = sphereface2CapCos({ r: 30, t: 3, b }, 6);
      if (c > -1 && c < 1) expect(30 * sphereface2G(c, 3) + b).toBeCloseTo(0, 6);
    }
    expect(sphereface2CapCos({ r: 10, t: 3, b: 50 }, 6)).toBe(-1);
    expect(sphereface2CapCos({ r: 10, t: 3, b: -50 }, 6)).toBe(1);
  });

  it('the dominant sub-centre of a class is the one most of its samples are nearest', () => {
    // 2 classes, K = 2 in 2-D: class 0's sub-centres at 0° and 90°, class 1's at 180° and 270°.
    const W = Float32Array.from([1, 0, -1, 0, /* row y */ 0, 1, 0, -1]);
    const x = Float32Array.from([1, 0.1, 1, -0.1, 0.1, 1, /* class 1 */ -0.1, -1, 0.1, -1, -1, 0]);
    expect(Array.from(dominantSubcenters(x, [0, 0, 0, 1, 1, 1], W, 2, 2, 2))).toEqual([0, 1]);
  });
});
