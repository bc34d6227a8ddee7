import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../data/rng';
import { cosineHead, rawSoftmaxHead } from './fusedHead';
import { cosineHeadOf } from './cosineHeadOf';
import { computeLoss } from './computeLoss';
import { lossDef, LOSS_KINDS, type LossSpec } from './registry';
import { toleranceRatio, useCpuBackend } from './test/tfSetup';
import { loadVectorCases, specOf } from './test/vectors';

beforeAll(useCpuBackend);

/** Every spec the fused head serves, with each branch of ArcFace (some targets sit past cos(π − m)). */
const SPECS: LossSpec[] = [
  { kind: 'normface', s: 10 },
  { kind: 'cosface', s: 12, m: 0.35 },
  { kind: 'arcface', s: 10, m: 0.5 },
  { kind: 'arcface', s: 16, m: 1.1, fallback: 'insightface' },
  { kind: 'arcface', s: 10, m: 0.4, fallback: 'easy' },
  { kind: 'arcface', s: 10, m: 0.4, fallback: 'none' },
  { kind: 'arcface', s: 10, m: 0.4, gradient: 'detached' },
  { kind: 'combined', s: 10, m1: 0.9, m2: 0.4, m3: 0.15 },
  { kind: 'combined', s: 8, m1: 1.3, m2: 0.1, m3: 0 },
  // SphereFace: scaled by the feature norm (differentiated), or by a fixed s; λ blends in c.
  { kind: 'sphereface', m: 4, lambda: 5 },
  { kind: 'sphereface', m: 4, lambda: 0 },
  { kind: 'sphereface', m: 2, lambda: 0.5 },
  { kind: 'sphereface', m: 3, lambda: 0, s: 6 },
  // AdaFace: a margin from each feature's norm against the statistics (a low mean: most features count as good).
  { kind: 'adaface', s: 16, m: 0.4, h: 0.333, batchMean: 2.5, batchStd: 1.2, alpha: 0.01 },
  { kind: 'adaface', s: 10, m: 0.6, h: 1, batchMean: 0.5, batchStd: 0.3, alpha: 0.01 },
  // CurricularFace: early (t 0.05: hard negatives damped) and late (t 0.6: they weigh more).
  { kind: 'curricular', s: 10, m: 0.5, t: 0.05 },
  { kind: 'curricular', s: 16, m: 0.3, t: 0.6 },
  // MagFace: the margin and the regulariser from the (clipped) norm, differentiated. The batch's
  // norms (×2 normals in 2–3-D: about 1–6) fall below, inside and above [l_a, u_a] here.
  { kind: 'magface', s: 10, la: 1, ua: 11, lm: 0.45, um: 0.8, lambdaG: 1 },
  { kind: 'magface', s: 16, la: 2, ua: 4, lm: 0.2, um: 0.9, lambdaG: 3 },
  // Sub-center ArcFace: each class's best of K sub-centres (W has C·K columns).
  { kind: 'subcenter', K: 3, s: 10, m: 0.3 },
  { kind: 'subcenter', K: 2, s: 16, m: 0.5, fallback: 'insightface' },
];

/** The head as the trainer's kernel builds it; W's columns per class (sub-center ArcFace's K; else 1). */
const headOf = cosineHeadOf;
const subcentersOf = (spec: LossSpec) => cosineHeadOf(spec)?.K ?? 1;

function batch(seed: number, N: number, D: number, C: number, K = 1) {
  const rng = createRng(seed);
  const x = Float32Array.from({ length: N * D }, () => rng.normal() * 2);
  const W = Float32Array.from({ length: D * C * K }, () => rng.normal());
  const labels = Int32Array.from({ length: N }, (_, i) => i % C);
  return { x, W, labels };
}

/** tfjs's loss of `computeLoss` on a batch (W: D rows, any number of columns) and its autodiff gradients in x and W (float32). */
function autodiff(spec: LossSpec, x: Float32Array, W: Float32Array, labels: Int32Array, { N, D }: { N: number; D: number }) {
  const xt = tf.tensor2d(x, [N, D]);
  const Wt = tf.tensor2d(W, [D, W.length / D]);
  const yt = tf.tensor1d(labels, 'int32');
  const out = tf.tidy(() => {
    const g = tf.grads((a: tf.Tensor, b: tf.Tensor) => computeLoss(spec, { x: a as tf.Tensor2D, W: b as tf.Tensor2D, labels: yt }));
    return {
      value: computeLoss(spec, { x: xt, W: Wt, labels: yt }).dataSync()[0]!,
      grads: g([xt, Wt]).map((t) => Float32Array.from(t.dataSync())),
    };
  });
  tf.dispose([xt, Wt, yt]);
  return out;
}

describe('the fused heads', () => {
  it('serves exactly the cosine-softmax losses with a target of the target cosine (and a constant of the feature norm) alone', () => {
    const served = LOSS_KINDS.filter((k) => lossDef(k).cosineTarget !== undefined);
    expect(served).toEqual(['normface', 'sphereface', 'cosface', 'arcface', 'combined', 'subcenter', 'magface', 'adaface', 'curricular']);
    expect(LOSS_KINDS.filter((k) => lossDef(k).cosineNegative !== undefined)).toEqual(['curricular']);
    expect(LOSS_KINDS.filter((k) => lossDef(k).plainSoftmax)).toEqual(['softmax']);
    expect(LOSS_KINDS.filter((k) => lossDef(k).centerPull !== undefined)).toEqual(['center']);
    // Center loss's variants of the reference cases (normalised centres, no softmax) stay on the tfjs path.
    const pull = lossDef('center').centerPull!;
    expect([
      pull({ kind: 'center', lambda: 0.3 }),
      pull({ kind: 'center', lambda: 0.3, normalize: true }),
      pull({ kind: 'center', lambda: 0.3, includeSoftmax: false }),
    ]).toEqual([0.3, undefined, undefined]);
  });

  for (const [N, D, C] of [
    [24, 3, 5],
    [17, 2, 8],
  ] as const) {
    it(`the raw head with center loss's pull (λ 0.3, ${D}-D): loss and ∂x, ∂W, ∂b equal tfjs autodiff`, () => {
      const { x, W, labels } = batch(N + 2 * C, N, D, C);
      const bias = Float32Array.from({ length: C }, (_, j) => 0.2 * Math.cos(j));
      const centers = Float32Array.from({ length: C * D }, (_, k) => Math.sin(k));
      const dx = new Float32Array(N * D);
      const dW = new Float32Array(D * C);
      const db = new Float32Array(C);
      const loss = rawSoftmaxHead(x, W, bias, labels, { N, D, C }, dx, dW, db, { lambda: 0.3, centers });
      const yt = tf.tensor1d(labels, 'int32');
      const ct = tf.tensor2d(centers, [C, D]);
      const args = [tf.tensor2d(x, [N, D]), tf.tensor2d(W, [D, C]), tf.tensor1d(bias)];
      const f = (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) =>
        computeLoss(
          { kind: 'center', lambda: 0.3 },
          { x: a as tf.Tensor2D, W: b as tf.Tensor2D, bias: c as tf.Tensor1D, labels: yt, centers: ct },
        );
      const value = tf.tidy(() => f(args[0]!, args[1]!, args[2]!).dataSync()[0]!);
      const grads = tf
        .grads(f)(args)
        .map((t) => Float32Array.from(t.dataSync()));
      expect(toleranceRatio([loss], [value], 1e-5, 1e-6)).toBeLessThanOrEqual(1);
      [dx, dW, db].forEach((g, i) => expect(toleranceRatio(g, grads[i]!, 1e-4, 1e-6)).toBeLessThanOrEqual(1));
      tf.dispose([yt, ct, ...args]);
    });

    it(`the raw head (softmax, ${D}-D, ${C} classes): loss and ∂x, ∂W, ∂b equal tfjs autodiff, and float64 differences`, () => {
      const { x, W, labels } = batch(N + C, N, D, C);
      const bias = Float32Array.from({ length: C }, (_, j) => 0.3 * Math.sin(j));
      const dx = new Float32Array(N * D);
      const dW = new Float32Array(D * C);
      const db = new Float32Array(C);
      const loss = rawSoftmaxHead(x, W, bias, labels, { N, D, C }, dx, dW, db);
      const yt = tf.tensor1d(labels, 'int32');
      const args = [tf.tensor2d(x, [N, D]), tf.tensor2d(W, [D, C]), tf.tensor1d(bias)];
      const f = (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) =>
        computeLoss({ kind: 'softmax' }, { x: a as tf.Tensor2D, W: b as tf.Tensor2D, bias: c as tf.Tensor1D, labels: yt });
      const value = tf.tidy(() => f(args[0]!, args[1]!, args[2]!).dataSync()[0]!);
      const grads = tf
        .grads(f)(args)
        .map((t) => Float32Array.from(t.dataSync()));
      expect(toleranceRatio([loss], [value], 1e-5, 1e-6)).toBeLessThanOrEqual(1);
      [dx, dW, db].forEach((g, i) => expect(toleranceRatio(g, grads[i]!, 1e-4, 1e-6)).toBeLessThanOrEqual(1));
      const h = 1e-6;
      const x64 = Float64Array.from(x);
      const scratch = [new Float32Array(N * D), new Float32Array(D * C), new Float32Array(C)] as const;
      const fd = Array.from(x64, (_, k) => {
        const up = Float64Array.from(x64);
        const down = Float64Array.from(x64);
        up[k]! += h;
        down[k]! -= h;
        return (
          (rawSoftmaxHead(up, W, bias, labels, { N, D, C }, ...scratch) - rawSoftmaxHead(down, W, bias, labels, { N, D, C }, ...scratch)) /
          (2 * h)
        );
      });
      rawSoftmaxHead(x64, W, bias, labels, { N, D, C }, dx, dW, db);
      expect(toleranceRatio(dx, fd, 1e-4, 1e-7)).toBeLessThanOrEqual(1);
      tf.dispose([yt, ...args]);
    });
  }

  for (const spec of SPECS) {
    for (const [N, D, C] of [
      [24, 3, 5],
      [17, 2, 8],
    ] as const) {
      it(`${JSON.stringify(spec)}, ${D}-D, ${C} classes: loss, ∂x and ∂W equal tfjs autodiff of computeLoss`, () => {
        const { x, W, labels } = batch(N * 31 + C, N, D, C, subcentersOf(spec));
        const dx = new Float32Array(N * D);
        const dW = new Float32Array(W.length);
        const loss = cosineHead(x, W, labels, { N, D, C }, headOf(spec)!, dx, dW);
        const { value, grads } = autodiff(spec, x, W, labels, { N, D });
        expect(toleranceRatio([loss], [value], 1e-5, 1e-6)).toBeLessThanOrEqual(1);
        // Float32 tfjs loses digits where √(1 − c²) is steep (a target cosine near ±1): an absolute
        // tolerance of 1e-3 of the gradient's scale; the float64 reference vectors and differences below hold each entry tighter.
        const scale = (g: Float32Array) => 1e-3 * g.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
        expect(toleranceRatio(dx, grads[0]!, 1e-4, scale(grads[0]!))).toBeLessThanOrEqual(1);
        expect(toleranceRatio(dW, grads[1]!, 1e-4, scale(grads[1]!))).toBeLessThanOrEqual(1);
      });
    }
  }

  it("AdaFace's clip: a feature on its own class weight (cos θ = 1) gets no gradient through that cosine, as in tfjs", () => {
    const spec = SPECS.find((sp) => sp.kind === 'adaface')!;
    const [N, D, C] = [6, 3, 4];
    const { x, W, labels } = batch(7, N, D, C);
    // Sample 0 lies on W's column 0 (its label), sample 1 exactly against column 1 (its label): both cosines clipped.
    for (let d = 0; d < D; d++) {
      x[d] = 2 * W[d * C]!;
      x[D + d] = -1.5 * W[d * C + 1]!;
    }
    const dx = new Float32Array(N * D);
    const dW = new Float32Array(D * C);
    const loss = cosineHead(x, W, labels, { N, D, C }, headOf(spec)!, dx, dW);
    const { value, grads } = autodiff(spec, x, W, labels, { N, D });
    expect(toleranceRatio([loss], [value], 1e-5, 1e-6)).toBeLessThanOrEqual(1);
    expect(toleranceRatio(dx, grads[0]!, 1e-4, 1e-6)).toBeLessThanOrEqual(1);
    expect(toleranceRatio(dW, grads[1]!, 1e-4, 1e-6)).toBeLessThanOrEqual(1);
  });

  // Float64 central differences of the head's own loss, in x and in W: the float32 tfjs path above
  // loses digits where √(1 − c²) is steep (a target cosine near ±1, common in 2-D), this does not.
  // (Not the detached gradient, nor AdaFace's margin from the detached norm: they are meant to
  // differ from the loss's derivative.)
  for (const spec of SPECS.filter((sp) => !('gradient' in sp) && sp.kind !== 'adaface')) {
    for (const [N, D, C] of [
      [24, 3, 5],
      [17, 2, 8],
    ] as const) {
      it(`${JSON.stringify(spec)}, ${D}-D: ∂x and ∂W match float64 finite differences`, () => {
        const { x, W, labels } = batch(N * 31 + C, N, D, C, subcentersOf(spec));
        const head = headOf(spec)!;
        const dx = new Float32Array(N * D);
        const dW = new Float32Array(W.length);
        const x64 = Float64Array.from(x);
        const W64 = Float64Array.from(W);
        cosineHead(x64, W64, labels, { N, D, C }, head, dx, dW);
        const scratch = [new Float32Array(N * D), new Float32Array(W.length)] as const;
        const h = 1e-6;
        const central = (v: Float64Array, at: (u: Float64Array) => number) =>
          Array.from(v, (_, k) => {
            const up = Float64Array.from(v);
            const down = Float64Array.from(v);
            up[k]! += h;
            down[k]! -= h;
            return (at(up) - at(down)) / (2 * h);
          });
        const fdx = central(x64, (u) => cosineHead(u, W64, labels, { N, D, C }, head, ...scratch));
        const fdW = central(W64, (u) => cosineHead(x64, u, labels, { N, D, C }, head, ...scratch));
        expect(toleranceRatio(dx, fdx, 1e-4, 1e-7)).toBeLessThanOrEqual(1);
        expect(toleranceRatio(dW, fdW, 1e-4, 1e-7)).toBeLessThanOrEqual(1);
      });
    }
  }

  // The team's float64 reference vectors, at vectors.test.ts's tolerances.
  for (const { file, cases } of loadVectorCases()) {
    for (const c of cases) {
      const spec = specOf(c);
      const head = spec && headOf(spec);
      const pull = spec?.kind === 'center' ? lossDef('center').centerPull!(spec) : undefined;
      const raw = spec?.kind === 'softmax' || pull !== undefined;
      if (!spec || (!head && !raw)) continue;
      it(`reference vector ${file} ${c.name}`, () => {
        const N = c.inputs.x.length;
        const D = c.inputs.x[0]!.length;
        const columns = c.inputs.W[0]!.length;
        const C = columns / (head?.K ?? 1); // sub-center ArcFace: K columns a class
        const dx = new Float32Array(N * D);
        const dW = new Float32Array(D * columns);
        const b = Array.isArray(c.params.b) ? (c.params.b as number[]) : undefined;
        const loss = head
          ? cosineHead(c.inputs.x.flat(), c.inputs.W.flat(), c.inputs.labels, { N, D, C }, head, dx, dW)
          : rawSoftmaxHead(
              c.inputs.x.flat(),
              c.inputs.W.flat(),
              b,
              c.inputs.labels,
              { N, D, C },
              dx,
              dW,
              undefined,
              pull === undefined ? undefined : { lambda: pull, centers: (c.params.centers as number[][]).flat() },
            );
        const atol = Number(c.params.s) >= 64 ? 1e-4 : 1e-6;
        expect(toleranceRatio([loss], [c.expected.loss], 1e-4, 0)).toBeLessThanOrEqual(1);
        expect(toleranceRatio(dx, c.expected.grad_x.flat(), 1e-4, atol)).toBeLessThanOrEqual(1);
        expect(toleranceRatio(dW, c.expected.grad_W.flat(), 1e-4, atol)).toBeLessThanOrEqual(1);
      });
    }
  }
});
