import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { arcfacePhi, computeLoss, updateCenters, type LossSpec } from './index';
import { LOSS_KINDS, lossDef } from './registry';
import { defaultSpecOf } from '../params/defaultSpec';
import { useCpuBackend } from './test/tfSetup';
import { createRng } from '../data/rng';

beforeAll(useCpuBackend);

/**
 * Every loss at its default settings, from the registry (a new loss is checked with no edit here),
 * and the variants with code paths of their own.
 */
const VARIANTS: LossSpec[] = [
  { kind: 'center', lambda: 0.3 },
  { kind: 'center', lambda: 0.3, normalize: true },
  { kind: 'center', lambda: 0.3, includeSoftmax: false },
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
  { kind: 'lsoftmax', m: 4, lambda: 5 },
  { kind: 'lsoftmax', m: 2, lambda: 0 },
  { kind: 'subcenter', K: 3, s: 10, m: 0.3 },
  { kind: 'subcenter', K: 2, s: 10, m: 0.4, fallback: 'insightface' },
  { kind: 'sphereface2', alpha: 0.7, r: 10, m: 0.4, t: 3, lw: 50, gradient: 'exact' },
  { kind: 'sphereface2', alpha: 0.6, r: 6, m: 0.2, t: 1.5, lw: 20, gradient: 'exact' },
  { kind: 'curricular', s: 10, m: 0.4, t: 0.3 },
];

const N = 12;
const D = 3;
const C = 4;

/**
 * The spec where a finite difference sees the gradient the loss means to give. A gradient that is
 * by design not the loss's derivative (a 'detached' mode; AdaFace's detached norm) is checked in
 * its exact mode, or where the detached part is constant (ẑ saturated at +1). A new loss that
 * detaches something fails here until it says how.
 */
function differentiable(spec: LossSpec): LossSpec {
  if (spec.kind === 'adaface') return { ...spec, batchMean: 1e-3, batchStd: 1e-4 };
  return 'gradient' in spec && spec.gradient === 'detached' ? { ...spec, gradient: 'exact' } : spec;
}

const SPECS: LossSpec[] = [...LOSS_KINDS.map((k) => defaultSpecOf(k, C)), ...VARIANTS].map(differentiable);

/** A batch for the spec: W with the columns its loss reads (K sub-centres a class), the bias it trains (C, SphereFace2's 1, or none), centres. */
function inputs(spec: LossSpec, seed: number) {
  const def = lossDef(spec.kind);
  const columns = C * (def.train.weightColumns?.(spec) ?? 1);
  const biasLength = def.train.scalarBias ? 1 : def.train.rawLogits && !def.train.noBias ? C : 0;
  const rng = createRng(seed);
  const gauss = (n: number, scale = 1) => Array.from({ length: n }, () => rng.normal() * scale);
  return {
    x: tf.tensor2d(gauss(N * D, 1.5), [N, D]),
    W: tf.tensor2d(gauss(D * columns), [D, columns]),
    bias: biasLength ? tf.tensor1d(gauss(biasLength, 2)) : undefined,
    centers: tf.tensor2d(gauss(C * D), [C, D]),
    labels: tf.tensor1d(
      Array.from({ length: N }, (_, i) => i % C),
      'int32',
    ),
    dir: {
      x: tf.tensor2d(gauss(N * D), [N, D]),
      W: tf.tensor2d(gauss(D * columns), [D, columns]),
      b: tf.tensor1d(gauss(Math.max(1, biasLength))),
    },
  };
}
type Inputs = ReturnType<typeof inputs>;

function disposeInputs(inp: Inputs): void {
  tf.dispose([inp.x, inp.W, ...(inp.bias ? [inp.bias] : []), inp.centers, inp.labels, inp.dir.x, inp.dir.W, inp.dir.b]);
}

/** The loss and its gradients in x, W and the bias (zeros where the loss does not read one: center loss alone has no W). */
function lossAndGrads(spec: LossSpec, inp: Inputs) {
  const vars = [inp.x, inp.W, ...(inp.bias ? [inp.bias] : [])];
  const f = () =>
    computeLoss(spec, { ...inp, x: vars[0] as tf.Tensor2D, W: vars[1] as tf.Tensor2D, bias: vars[2] as tf.Tensor1D | undefined });
  const { value, grads } = tf.engine().gradients(f, vars, undefined, true);
  return { value, grads: vars.map((v, i) => grads[i] ?? tf.zerosLike(v)) };
}

describe('finite-difference gradient check (float32)', () => {
  for (const spec of SPECS) {
    it(JSON.stringify(spec), () => {
      let checked = 0;
      for (let seed = 1; seed <= 16 && checked < 3; seed++) {
        const inp = inputs(spec, seed * 31 + spec.kind.length);
        const { value, grads } = lossAndGrads(spec, inp);
        // Directional derivative ∇L·v against the central difference (L(p+hv) − L(p−hv)) / 2h.
        const analytic = tf.tidy(() => {
          const along = tf.add(tf.sum(tf.mul(grads[0]!, inp.dir.x)), tf.sum(tf.mul(grads[1]!, inp.dir.W)));
          return (grads[2] ? tf.add(along, tf.sum(tf.mul(grads[2], inp.dir.b))) : along).dataSync()[0]!;
        });
        const at = (t: number) =>
          tf.tidy(
            () =>
              computeLoss(spec, {
                ...inp,
                x: tf.add(inp.x, tf.mul(inp.dir.x, t)) as tf.Tensor2D,
                W: tf.add(inp.W, tf.mul(inp.dir.W, t)) as tf.Tensor2D,
                bias: inp.bias && (tf.add(inp.bias, tf.mul(inp.dir.b, t)) as tf.Tensor1D),
              }).dataSync()[0]!,
          );
        const L0 = value.dataSync()[0]!;
        const h = 1e-2;
        const fd = (at(h) - at(-h)) / (2 * h);
        // Tolerance: float32 rounds L (≈ |L0| ≤ 20) to ~1e-6·|L0|, so the difference carries
        // ≈ 1e-6·|L0|/h = 1e-4·|L0| of noise; the O(h²) truncation is ≈ 1e-4·|L‴|. 2e-3·(|L0|+|∇L·v|)
        // leaves a 10× margin above both while still catching a wrong term (a missing Jacobian is O(1)).
        const tol = 2e-3 * (Math.abs(L0) + Math.abs(analytic) + 1);
        // A loss with a mask (CurricularFace's hard negatives) has kinks where a negative changes
        // sides; autodiff assumes a fixed mask. A point is checked where L is smooth along the
        // segment: the differences at h and h/2 agree. Smooth losses pass that at every point.
        const fdHalf = (at(h / 2) - at(-h / 2)) / h;
        if (Math.abs(fd - fdHalf) < tol) {
          expect(Math.abs(fd - analytic), `seed ${seed}: fd ${fd} vs analytic ${analytic}`).toBeLessThan(tol);
          checked++;
        }
        tf.dispose([value, ...grads]);
        disposeInputs(inp);
      }
      expect(checked, 'points where the loss is smooth along the direction').toBe(3);
    });
  }

  it("ArcFace 'detached' back-propagates dφ/dc = 1 (the margin is a constant offset)", () => {
    const spec: LossSpec = { kind: 'arcface', s: 10, m: 0.4, fallback: 'none', gradient: 'detached' };
    const inp = inputs(spec, 99);
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
    tf.dispose([...want, ...got, ...exact, cosY, delta]);
    disposeInputs(inp);
  });
});

describe('numerical stability', () => {
  /** Features exactly on, opposite and nearly on their class weights, and tiny or huge norms; W with the spec's sub-centres, the bias it trains. */
  function extremeBatch(spec: LossSpec) {
    const def = lossDef(spec.kind);
    const K = def.train.weightColumns?.(spec) ?? 1;
    const w = [
      [1, 0, -1],
      [0, 1, 0],
    ];
    // Column c·K + k is class c's weight, for every sub-centre k.
    const W = tf.tensor2d(w.map((row) => row.flatMap((v) => Array<number>(K).fill(v))));
    const x = tf.tensor2d([
      [3, 0], // θ = 0 to class 0
      [-5, 0], // θ = π to class 0
      [1, 1e-7], // θ ≈ 0
      [-1, 1e-7], // θ ≈ π
      [0, 1e-20], // near-zero norm
      [1e4, -1e4], // large norm
    ]);
    const labels = tf.tensor1d([0, 0, 0, 0, 1, 2], 'int32');
    const bias = def.train.scalarBias ? tf.tensor1d([0]) : def.train.rawLogits && !def.train.noBias ? tf.tensor1d([0, 0, 0]) : undefined;
    return { x, W, labels, bias, centers: tf.zeros([3, 2]) as tf.Tensor2D };
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
    { kind: 'subcenter', K: 3, s: 64, m: 0.5 },
    { kind: 'sphereface2', alpha: 0.7, r: 64, m: 0.5, t: 3, lw: 50, gradient: 'exact' },
  ];
  // Every loss at its defaults too (three classes), and these at large scales and margins.
  for (const spec of [...LOSS_KINDS.map((k) => defaultSpecOf(k, 3)), ...big]) {
    it(`finite loss and gradients at θ = 0, π and extreme norms: ${JSON.stringify(spec)}`, () => {
      const inp = extremeBatch(spec);
      const vars = [inp.x, inp.W, ...(inp.bias ? [inp.bias] : [])];
      const f = () =>
        computeLoss(spec, { ...inp, x: vars[0] as tf.Tensor2D, W: vars[1] as tf.Tensor2D, bias: vars[2] as tf.Tensor1D | undefined });
      const { value, grads } = tf.engine().gradients(f, vars, undefined, true);
      expect(grads[0]).toBeTruthy(); // every loss reads the features
      expect(Number.isFinite(value.dataSync()[0])).toBe(true);
      for (const g of grads) if (g) expect(Array.from(g.dataSync()).every(Number.isFinite)).toBe(true);
      tf.dispose([value, ...grads.filter((g) => g !== null), ...vars, inp.labels, inp.centers]);
    });
  }
});

describe('no tensor leaks', () => {
  for (const spec of SPECS) {
    it(`${JSON.stringify(spec)}: the call and its gradient add only what they return`, () => {
      const inp = inputs(spec, 5);
      const before = tf.memory().numTensors;
      const loss = computeLoss(spec, inp);
      expect(tf.memory().numTensors).toBe(before + 1);
      const { value, grads } = lossAndGrads(spec, inp);
      expect(grads).toHaveLength(inp.bias ? 3 : 2);
      expect(tf.memory().numTensors).toBe(before + 2 + grads.length);
      tf.dispose([loss, value, ...grads]);
      const centers = updateCenters(inp.x, inp.labels, inp.centers, 0.5, true);
      expect(tf.memory().numTensors).toBe(before + 1);
      tf.dispose(centers);
      disposeInputs(inp);
    });
  }
});
