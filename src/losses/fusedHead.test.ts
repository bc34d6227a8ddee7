import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../data/rng';
import { cosineHead, rawSoftmaxHead } from './fusedHead';
import { computeLoss } from './computeLoss';
import { lossDef, LOSS_KINDS, type LossSpec } from './registry';
import { headClasses, headReads, runHead, type RunnableHead } from './runHead';
import { defaultSpecOf } from '../params/defaultSpec';
import { toleranceRatio, useCpuBackend } from './test/tfSetup';
import { loadVectorCases, specOf } from './test/vectors';

beforeAll(useCpuBackend);

/**
 * Every loss at its default settings (from the registry: a new loss is checked with no edit here),
 * and the variants with code paths of their own: each branch of ArcFace (some targets sit past
 * cos(π − m)), the scales, the running statistics early and late.
 */
const VARIANTS: LossSpec[] = [
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
  // L-Softmax: the scale ‖x‖·‖W_j‖, both norms differentiated; m = 1 is softmax with no bias.
  { kind: 'lsoftmax', m: 4, lambda: 5 },
  { kind: 'lsoftmax', m: 2, lambda: 0 },
  { kind: 'lsoftmax', m: 1, lambda: 0 },
  // SphereFace2: the binary head, the gradient through g (exact) or the code's (detached).
  { kind: 'sphereface2', alpha: 0.7, r: 10, m: 0.4, t: 3, lw: 50, gradient: 'exact' },
  { kind: 'sphereface2', alpha: 0.6, r: 6, m: 0.2, t: 1.5, lw: 20, gradient: 'exact' },
  { kind: 'sphereface2', alpha: 0.7, r: 15, m: 0.4, t: 3, lw: 50, gradient: 'detached' },
];
const SPECS: LossSpec[] = [...LOSS_KINDS.map((k) => defaultSpecOf(k)), ...VARIANTS];

/** The head a spec's loss names; a test fails here for a spec with none. */
function headOf(spec: LossSpec): RunnableHead {
  const head = lossDef(spec.kind).fused(spec);
  if (head.kind === 'none') throw new Error(`${spec.kind} names no fused head: ${head.why}`);
  return head;
}

/** W's columns per class (sub-center ArcFace's K; else 1). */
const subcentersOf = (spec: LossSpec) => {
  const head = headOf(spec);
  return head.kind === 'cosine' ? (head.K ?? 1) : 1;
};

function batch(seed: number, N: number, D: number, C: number, K = 1) {
  const rng = createRng(seed);
  const x = Float32Array.from({ length: N * D }, () => rng.normal() * 2);
  const W = Float32Array.from({ length: D * C * K }, () => rng.normal());
  const labels = Int32Array.from({ length: N }, (_, i) => i % C);
  return { x, W, labels };
}

/** A batch with what the spec's head reads besides: the class bias, SphereFace2's b (where its code starts it), the centres. */
function fullBatch(spec: LossSpec, seed: number, N: number, D: number, C: number) {
  const head = headOf(spec);
  const reads = headReads(head);
  const { x, W, labels } = batch(seed, N, D, C, subcentersOf(spec));
  const def = lossDef(spec.kind);
  const bias = !reads.bias
    ? undefined
    : head.kind === 'binary'
      ? Float32Array.of(def.train.scalarBias?.initial(spec, C) ?? 0)
      : Float32Array.from({ length: C }, (_, j) => 0.3 * Math.sin(j));
  const centers = reads.centers ? Float32Array.from({ length: C * D }, (_, k) => Math.sin(k)) : undefined;
  return { head, x, W, labels, bias, centers };
}

/** tfjs's loss of `computeLoss` on a batch (W: D rows, any number of columns) and its autodiff gradients in x, W and the bias (float32). */
function autodiff(
  spec: LossSpec,
  { x, W, labels, bias, centers }: { x: Float32Array; W: Float32Array; labels: Int32Array; bias?: Float32Array; centers?: Float32Array },
  { N, D }: { N: number; D: number },
) {
  const xt = tf.tensor2d(x, [N, D]);
  const Wt = tf.tensor2d(W, [D, W.length / D]);
  const yt = tf.tensor1d(labels, 'int32');
  const bt = bias && tf.tensor1d(bias);
  const ct = centers && tf.tensor2d(centers, [centers.length / D, D]);
  const f = (a: tf.Tensor, b: tf.Tensor, c?: tf.Tensor) =>
    computeLoss(spec, { x: a as tf.Tensor2D, W: b as tf.Tensor2D, labels: yt, bias: (c ?? bt) as tf.Tensor1D | undefined, centers: ct });
  const out = tf.tidy(() => ({
    value: f(xt, Wt).dataSync()[0]!,
    grads: (bt ? tf.grads((a, b, c) => f(a, b, c))([xt, Wt, bt]) : tf.grads((a, b) => f(a, b))([xt, Wt])).map((t) =>
      Float32Array.from(t.dataSync()),
    ),
  }));
  tf.dispose([xt, Wt, yt, ...(bt ? [bt] : []), ...(ct ? [ct] : [])]);
  return out;
}

describe('the fused heads', () => {
  for (const [N, D, C] of [
    [24, 3, 5],
    [17, 2, 8],
    // 8-D: the heads loop over D, with no 2-D or 3-D special case (issue 30's embedding dimensions).
    [20, 8, 6],
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
      // 8-D: the heads loop over D, with no 2-D or 3-D special case (issue 30's embedding dimensions).
      [20, 8, 6],
    ] as const) {
      it(`${JSON.stringify(spec)}, ${D}-D, ${C} classes: loss, ∂x, ∂W (and ∂b) equal tfjs autodiff of computeLoss`, () => {
        const input = fullBatch(spec, N * 31 + C, N, D, C);
        const out = {
          dx: new Float32Array(N * D),
          dW: new Float32Array(input.W.length),
          db: input.bias && new Float32Array(input.bias.length),
        };
        const loss = runHead(input.head, input, { N, D, C: headClasses(input.head, input.W.length / D) }, out);
        const { value, grads } = autodiff(spec, input, { N, D });
        expect(toleranceRatio([loss], [value], 1e-5, 1e-6)).toBeLessThanOrEqual(1);
        // Float32 tfjs loses digits where √(1 − c²) is steep (a target cosine near ±1): an absolute
        // tolerance of 1e-3 of the gradient's scale; the float64 reference vectors and differences below hold each entry tighter.
        const scale = (g: Float32Array) => 1e-3 * g.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
        [out.dx, out.dW, ...(out.db ? [out.db] : [])].forEach((g, i) =>
          expect(toleranceRatio(g, grads[i]!, 1e-4, scale(grads[i]!)), ['∂x', '∂W', '∂b'][i]).toBeLessThanOrEqual(1),
        );
        expect(grads).toHaveLength(out.db ? 3 : 2);
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
    const head = headOf(spec);
    if (head.kind !== 'cosine') throw new Error('AdaFace runs on the cosine head');
    const loss = cosineHead(x, W, labels, { N, D, C }, head, dx, dW);
    const { value, grads } = autodiff(spec, { x, W, labels }, { N, D });
    expect(toleranceRatio([loss], [value], 1e-5, 1e-6)).toBeLessThanOrEqual(1);
    expect(toleranceRatio(dx, grads[0]!, 1e-4, 1e-6)).toBeLessThanOrEqual(1);
    expect(toleranceRatio(dW, grads[1]!, 1e-4, 1e-6)).toBeLessThanOrEqual(1);
  });

  // Float64 central differences of the head's own loss, in x and in W: the float32 tfjs path above
  // loses digits where √(1 − c²) is steep (a target cosine near ±1, common in 2-D), this does not.
  // (Not the detached gradient, nor AdaFace's margin from the detached norm: they are meant to
  // differ from the loss's derivative.)
  // (Not a detached gradient, nor AdaFace's margin from the detached norm: they are meant to
  // differ from the loss's derivative.)
  const differentiable = (sp: LossSpec) => !('gradient' in sp && sp.gradient === 'detached') && sp.kind !== 'adaface';
  for (const spec of SPECS.filter(differentiable)) {
    for (const [N, D, C] of [
      [24, 3, 5],
      [17, 2, 8],
    ] as const) {
      it(`${JSON.stringify(spec)}, ${D}-D: ∂x and ∂W match float64 finite differences`, () => {
        const input = fullBatch(spec, N * 31 + C, N, D, C);
        const shapes = { N, D, C: headClasses(input.head, input.W.length / D) };
        const outputs = () => ({
          dx: new Float32Array(N * D),
          dW: new Float32Array(input.W.length),
          db: input.bias && new Float32Array(input.bias.length),
        });
        const x64 = Float64Array.from(input.x);
        const W64 = Float64Array.from(input.W);
        const out = outputs();
        runHead(input.head, { ...input, x: x64, W: W64 }, shapes, out);
        const scratch = outputs();
        const h = 1e-6;
        const central = (v: Float64Array, at: (u: Float64Array) => number) =>
          Array.from(v, (_, k) => {
            const up = Float64Array.from(v);
            const down = Float64Array.from(v);
            up[k]! += h;
            down[k]! -= h;
            return (at(up) - at(down)) / (2 * h);
          });
        const fdx = central(x64, (u) => runHead(input.head, { ...input, x: u, W: W64 }, shapes, scratch));
        const fdW = central(W64, (u) => runHead(input.head, { ...input, x: x64, W: u }, shapes, scratch));
        expect(toleranceRatio(out.dx, fdx, 1e-4, 1e-7)).toBeLessThanOrEqual(1);
        expect(toleranceRatio(out.dW, fdW, 1e-4, 1e-7)).toBeLessThanOrEqual(1);
      });
    }
  }

  // The team's float64 reference vectors, at vectors.test.ts's tolerances.
  for (const { file, cases } of loadVectorCases()) {
    for (const c of cases) {
      const spec = specOf(c);
      const head = spec && lossDef(spec.kind).fused(spec);
      if (!spec || !head || head.kind === 'none') continue;
      it(`reference vector ${file} ${c.name}`, () => {
        const N = c.inputs.x.length;
        const D = c.inputs.x[0]!.length;
        const columns = c.inputs.W[0]!.length;
        const b = c.params.b;
        const bias = Array.isArray(b) ? (b as number[]) : typeof b === 'number' ? [b] : undefined;
        const centers = Array.isArray(c.params.centers) ? (c.params.centers as number[][]).flat() : undefined;
        const out = { dx: new Float32Array(N * D), dW: new Float32Array(D * columns), db: bias && new Float32Array(bias.length) };
        const input = { x: c.inputs.x.flat(), W: c.inputs.W.flat(), labels: c.inputs.labels, bias, centers };
        const loss = runHead(head, input, { N, D, C: headClasses(head, columns) }, out);
        const atol = Number(c.params.s) >= 64 ? 1e-4 : 1e-6;
        expect(toleranceRatio([loss], [c.expected.loss], 1e-4, 0)).toBeLessThanOrEqual(1);
        expect(toleranceRatio(out.dx, c.expected.grad_x.flat(), 1e-4, atol)).toBeLessThanOrEqual(1);
        expect(toleranceRatio(out.dW, c.expected.grad_W.flat(), 1e-4, atol)).toBeLessThanOrEqual(1);
        if (out.db && c.expected.grad_b !== undefined && headReads(head).bias)
          expect(toleranceRatio(out.db, [c.expected.grad_b].flat(), 1e-4, atol)).toBeLessThanOrEqual(1);
      });
    }
  }
});
