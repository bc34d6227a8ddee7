import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { arcfacePhi, computeLoss, updateCenters, type LossSpec } from './index';
import { useCpuBackend } from './test/tfSetup';
import { createRng } from '../data/rng';

beforeAll(useCpuBackend);

/** One spec of every kind, plus the variants with their own code paths. */
const SPECS: LossSpec[] = [
  { kind: 'softmax' },
  { kind: 'center', lambda: 0.3 },
  { kind: 'center', lambda: 0.3, normalize: true },
  { kind: 'center', lambda: 0.3, includeSoftmax: false },
  { kind: 'normface', s: 10 },
  { kind: 'cosface', s: 10, m: 0.3 },
  { kind: 'arcface', s: 10, m: 0.4 },
  { kind: 'arcface', s: 10, m: 0.4, fallback: 'easy' },
  { kind: 'arcface', s: 10, m: 0.4, fallback: 'none' },
  { kind: 'combined', s: 10, m1: 0.9, m2: 0.4, m3: 0.15 },
  { kind: 'sphereface', m: 4, lambda: 5 },
  { kind: 'sphereface', m: 3, lambda: 0, s: 6 },
  // Norms of these features lie inside [l_a, u_a]: the gradient flows through ‖x‖ into m(a) and g(a).
  { kind: 'magface', s: 10, la: 0.5, ua: 6, lm: 0.45, um: 0.8, lambdaG: 2 },
  // ẑ is detached (no gradient through ‖x‖): with a tiny σ and μ far from every norm, ẑ is +1
  // (or −1) for every sample, and stays so along the difference, which then sees what autodiff does.
  { kind: 'adaface', s: 10, m: 0.4, h: 0.333, batchMean: 1e-3, batchStd: 1e-4, alpha: 0.01 },
  { kind: 'adaface', s: 10, m: 0.4, h: 0.333, batchMean: 90, batchStd: 1e-4, alpha: 0.01 },
];

/** Whether the loss depends on W (center loss alone does not) and on the bias (softmax-based only). */
const usesW = (spec: LossSpec) => !(spec.kind === 'center' && spec.includeSoftmax === false);
const usesBias = (spec: LossSpec) => spec.kind === 'softmax' || (spec.kind === 'center' && usesW(spec));

const N = 12;
const D = 3;
const C = 4;

function inputs(seed: number) {
  const rng = createRng(seed);
  const gauss = (n: number, scale = 1) => Array.from({ length: n }, () => rng.normal() * scale);
  return {
    x: tf.tensor2d(gauss(N * D, 1.5), [N, D]),
    W: tf.tensor2d(gauss(D * C), [D, C]),
    bias: tf.tensor1d(gauss(C, 0.2)),
    centers: tf.tensor2d(gauss(C * D), [C, D]),
    labels: tf.tensor1d(
      Array.from({ length: N }, (_, i) => i % C),
      'int32',
    ),
    dir: { x: tf.tensor2d(gauss(N * D), [N, D]), W: tf.tensor2d(gauss(D * C), [D, C]) },
  };
}

describe('finite-difference gradient check (float32)', () => {
  for (const spec of SPECS) {
    it(JSON.stringify(spec), () => {
      for (const seed of [1, 2, 3]) {
        const inp = inputs(seed * 31 + spec.kind.length);
        const loss = (x: tf.Tensor, W: tf.Tensor) => computeLoss(spec, { ...inp, x: x as tf.Tensor2D, W: W as tf.Tensor2D });
        const grads = usesW(spec) ? tf.grads(loss)([inp.x, inp.W]) : [tf.grad((x) => loss(x, inp.W))(inp.x)];
        // Directional derivative ∇L·v against the central difference (L(p+hv) − L(p−hv)) / 2h.
        const analytic = tf.tidy(() => {
          const alongX = tf.sum(tf.mul(grads[0]!, inp.dir.x));
          return (grads[1] ? tf.add(alongX, tf.sum(tf.mul(grads[1], inp.dir.W))) : alongX).dataSync()[0]!;
        });
        const h = 1e-2;
        const at = (t: number) =>
          tf.tidy(() => loss(tf.add(inp.x, tf.mul(inp.dir.x, t)), tf.add(inp.W, tf.mul(inp.dir.W, t))).dataSync()[0]!);
        const L0 = at(0);
        const fd = (at(h) - at(-h)) / (2 * h);
        // Tolerance: float32 rounds L (≈ |L0| ≤ 20) to ~1e-6·|L0|, so the difference carries
        // ≈ 1e-6·|L0|/h = 1e-4·|L0| of noise; the O(h²) truncation is ≈ 1e-4·|L'''|. 2e-3·(|L0|+|∇L·v|)
        // leaves a 10× margin above both while still catching a wrong term (a missing Jacobian is O(1)).
        const tol = 2e-3 * (Math.abs(L0) + Math.abs(analytic) + 1);
        expect(Math.abs(fd - analytic), `seed ${seed}: fd ${fd} vs analytic ${analytic}`).toBeLessThan(tol);
        tf.dispose([...grads, inp.x, inp.W, inp.bias, inp.centers, inp.labels, inp.dir.x, inp.dir.W]);
      }
    });
  }

  it("ArcFace 'detached' back-propagates dφ/dc = 1 (the margin is a constant offset)", () => {
    const spec: LossSpec = { kind: 'arcface', s: 10, m: 0.4, fallback: 'none', gradient: 'detached' };
    const inp = inputs(99);
    // Independent reference: freeze δ_i = φ(c_i) − c_i at the current point, then plain autodiff
    // of CE(s·cos, target s·(c_y + δ)) gives the straight-through gradient.
    const cosY = tf.tidy(() => {
      const xn = tf.div(inp.x, tf.norm(inp.x, 'euclidean', 1, true));
      const Wn = tf.div(inp.W, tf.norm(inp.W, 'euclidean', 0, true));
      return tf.sum(tf.mul(tf.matMul(xn, Wn), tf.oneHot(inp.labels, C)), 1);
    });
    const delta = tf.tensor1d(Array.from(cosY.dataSync(), (c) => arcfacePhi(c, 0.4, 'none') - c));
    const frozen = (x: tf.Tensor, W: tf.Tensor) =>
      tf.tidy(() => {
        const xn = tf.div(x, tf.norm(x, 'euclidean', 1, true));
        const Wn = tf.div(W, tf.norm(W, 'euclidean', 0, true));
        const oneHot = tf.cast(tf.oneHot(inp.labels, C), 'float32');
        const logits = tf.mul(tf.add(tf.matMul(xn, Wn), tf.mul(oneHot, tf.expandDims(delta, 1))), 10);
        return tf.losses.softmaxCrossEntropy(oneHot, logits) as tf.Scalar;
      });
    const want = tf.grads(frozen)([inp.x, inp.W]);
    const got = tf.grads((x, W) => computeLoss(spec, { ...inp, x: x as tf.Tensor2D, W: W as tf.Tensor2D }))([inp.x, inp.W]);
    const exact = tf.grads((x, W) => computeLoss({ ...spec, gradient: 'exact' }, { ...inp, x: x as tf.Tensor2D, W: W as tf.Tensor2D }))([
      inp.x,
      inp.W,
    ]);
    Array.from(got[0]!.dataSync()).forEach((g, i) => expect(g).toBeCloseTo(want[0]!.dataSync()[i]!, 4));
    Array.from(got[1]!.dataSync()).forEach((g, i) => expect(g).toBeCloseTo(want[1]!.dataSync()[i]!, 4));
    const gap = tf.tidy(() => tf.max(tf.abs(tf.sub(got[0]!, exact[0]!))).dataSync()[0]!);
    expect(gap).toBeGreaterThan(1e-3); // the two modes really differ
    tf.dispose([...want, ...got, ...exact, cosY, delta, inp.x, inp.W, inp.bias, inp.centers, inp.labels, inp.dir.x, inp.dir.W]);
  });
});

describe('numerical stability', () => {
  /** Features exactly on, opposite and nearly on their class weights, and tiny or huge norms. */
  function extremeBatch() {
    const W = tf.tensor2d([
      [1, 0, -1],
      [0, 1, 0],
    ]);
    const x = tf.tensor2d([
      [3, 0], // θ = 0 to class 0
      [-5, 0], // θ = π to class 0
      [1, 1e-7], // θ ≈ 0
      [-1, 1e-7], // θ ≈ π
      [0, 1e-20], // near-zero norm
      [1e4, -1e4], // large norm
    ]);
    const labels = tf.tensor1d([0, 0, 0, 0, 1, 2], 'int32');
    return { x, W, labels, bias: tf.tensor1d([0, 0, 0]), centers: tf.zeros([3, 2]) as tf.Tensor2D };
  }
  const big: LossSpec[] = [
    { kind: 'normface', s: 64 },
    { kind: 'cosface', s: 64, m: 0.6 },
    { kind: 'arcface', s: 64, m: 1.2 },
    { kind: 'arcface', s: 64, m: 1.2, fallback: 'easy' },
    { kind: 'arcface', s: 64, m: 1.2, fallback: 'none', gradient: 'detached' },
    { kind: 'combined', s: 64, m1: 2, m2: 0.8, m3: 0.5 },
    { kind: 'sphereface', m: 4, lambda: 0 },
    { kind: 'sphereface', m: 4, lambda: 0, s: 64 },
    { kind: 'center', lambda: 1, normalize: true },
    { kind: 'magface', s: 64, la: 10, ua: 110, lm: 0.45, um: 0.8, lambdaG: 35 },
    { kind: 'adaface', s: 64, m: 0.4, h: 0.333, batchMean: 20, batchStd: 100, alpha: 0.01 },
    { kind: 'curricular', s: 64, m: 0.5, t: 0.9 },
  ];
  for (const spec of big) {
    it(`finite loss and gradients at θ = 0, π and extreme norms: ${JSON.stringify(spec)}`, () => {
      const inp = extremeBatch();
      const f = (x: tf.Tensor, W: tf.Tensor) => computeLoss(spec, { ...inp, x: x as tf.Tensor2D, W: W as tf.Tensor2D });
      const { value, grads } = tf.valueAndGrads(f)([inp.x, inp.W]);
      expect(grads).toHaveLength(2);
      expect(Number.isFinite(value.dataSync()[0])).toBe(true);
      for (const g of grads) expect(Array.from(g.dataSync()).every(Number.isFinite)).toBe(true);
      tf.dispose([value, ...grads, inp.x, inp.W, inp.labels, inp.bias, inp.centers]);
    });
  }
});

describe('no tensor leaks', () => {
  for (const spec of SPECS) {
    it(`${JSON.stringify(spec)}: the call and its gradient add only what they return`, () => {
      const inp = inputs(5);
      const before = tf.memory().numTensors;
      const loss = computeLoss(spec, inp);
      expect(tf.memory().numTensors).toBe(before + 1);
      const wrt = [inp.x, ...(usesW(spec) ? [inp.W] : []), ...(usesBias(spec) ? [inp.bias] : [])];
      const grads = tf.grads((...t: tf.Tensor[]) =>
        computeLoss(spec, {
          ...inp,
          x: t[0] as tf.Tensor2D,
          W: usesW(spec) ? (t[1] as tf.Tensor2D) : inp.W,
          bias: usesBias(spec) ? (t[2] as tf.Tensor1D) : inp.bias,
        }),
      )(wrt);
      expect(grads).toHaveLength(wrt.length);
      expect(tf.memory().numTensors).toBe(before + 1 + grads.length);
      tf.dispose([loss, ...grads]);
      const centers = updateCenters(inp.x, inp.labels, inp.centers, 0.5, true);
      expect(tf.memory().numTensors).toBe(before + 1);
      tf.dispose([centers, inp.x, inp.W, inp.bias, inp.centers, inp.labels, inp.dir.x, inp.dir.W]);
    });
  }
});

describe('CurricularFace: finite differences between mask flips', () => {
  // A negative turns hard (c_j > cos(θ_y + m)) discontinuously: the difference is taken only where
  // no negative changes sides within ±h, as autodiff (a fixed mask) assumes.
  it('matches autodiff where the hard set stays the same', () => {
    const spec: LossSpec = { kind: 'curricular', s: 10, m: 0.4, t: 0.3 };
    let checked = 0;
    for (let seed = 1; seed <= 12 && checked < 3; seed++) {
      const inp = inputs(seed * 17);
      const loss = (x: tf.Tensor, W: tf.Tensor) => computeLoss(spec, { ...inp, x: x as tf.Tensor2D, W: W as tf.Tensor2D });
      const h = 1e-3;
      const hardSet = (t: number) =>
        tf.tidy(() => {
          const x = tf.add(inp.x, tf.mul(inp.dir.x, t)) as tf.Tensor2D;
          const W = tf.add(inp.W, tf.mul(inp.dir.W, t)) as tf.Tensor2D;
          const c = tf.matMul(tf.div(x, tf.norm(x, 'euclidean', 1, true)), tf.div(W, tf.norm(W, 'euclidean', 0, true)));
          const cy = tf.sum(tf.mul(c, tf.oneHot(inp.labels as tf.Tensor1D, C)), 1, true);
          const phi = tf.sub(tf.mul(cy, Math.cos(0.4)), tf.mul(tf.sqrt(tf.sub(1, tf.square(cy))), Math.sin(0.4)));
          return Array.from(tf.greater(c, phi).dataSync()).join('');
        });
      if (hardSet(-h) !== hardSet(h)) continue;
      const [gx, gW] = tf.grads(loss)([inp.x, inp.W]);
      const analytic = tf.tidy(() => tf.add(tf.sum(tf.mul(gx!, inp.dir.x)), tf.sum(tf.mul(gW!, inp.dir.W))).dataSync()[0]!);
      const at = (t: number) =>
        tf.tidy(() => loss(tf.add(inp.x, tf.mul(inp.dir.x, t)), tf.add(inp.W, tf.mul(inp.dir.W, t))).dataSync()[0]!);
      const fd = (at(h) - at(-h)) / (2 * h);
      // float32 noise ≈ 1e-6·|L|/h = 1e-3·|L|: a tolerance of 1e-2·(|L| + |∇L·v| + 1).
      expect(Math.abs(fd - analytic), `seed ${seed}: fd ${fd} vs analytic ${analytic}`).toBeLessThan(
        1e-2 * (Math.abs(at(0)) + Math.abs(analytic) + 1),
      );
      checked++;
      tf.dispose([gx!, gW!]);
    }
    expect(checked).toBe(3);
  });
});
