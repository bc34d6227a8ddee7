import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeLoss } from './computeLoss';
import { headOf, probeFeature, sampleLosses } from './probe';
import type { LossSpec } from './registry';
import { inputs, SPECS } from './test/headCases';
import { toleranceRatio, useCpuBackend } from './test/tfSetup';

beforeAll(useCpuBackend);

type Case = ReturnType<typeof inputs>;

/** Row i of a case as a batch of one: the loss's own tfjs code (computeLoss) and −∂ℓ/∂x by autodiff. */
function reference(spec: LossSpec, inp: Case, i: number): { loss: number; force: Float32Array } {
  const { D } = inp;
  return tf.tidy(() => {
    const yt = tf.tensor1d([inp.labels[i]!], 'int32');
    const Wt = tf.tensor2d(inp.W, [D, inp.W.length / D]);
    const bt = inp.bias && tf.tensor1d(inp.bias);
    const ct = inp.centers && tf.tensor2d(inp.centers, [inp.centers.length / D, D]);
    const f = (x: tf.Tensor) => computeLoss(spec, { x: x as tf.Tensor2D, W: Wt, labels: yt, bias: bt, centers: ct });
    const { value, grad } = tf.valueAndGrad(f)(tf.tensor2d(inp.x.slice(i * D, i * D + D), [1, D]));
    return { loss: value.dataSync()[0]!, force: Float32Array.from(grad.dataSync(), (v) => -v) };
  });
}

/** What the loss adds to −log P_y: MagFace's λ_g·g(a) and center loss's λ/2·‖x − c_y‖². */
function extraTerms(spec: LossSpec, inp: Case, i: number): number {
  const head = headOf(spec)!;
  const x = inp.x.slice(i * inp.D, i * inp.D + inp.D);
  const norm = Math.sqrt(x.reduce((a, v) => a + v * v, 0) + 1e-12);
  if (head.kind === 'cosine' && head.penalty) return head.penalty(norm)[0];
  if (head.kind === 'raw' && head.pull !== undefined) {
    const y = inp.labels[i]!;
    return (0.5 * head.pull * x.reduce((a, v, d) => a + (v - inp.centers![y * inp.D + d]!) ** 2, 0)) as number;
  }
  return 0;
}

describe('the probe: one feature under a loss', () => {
  it.each(SPECS.map((s) => [`${s.kind} ${JSON.stringify(s)}`, s] as const))(
    '%s: its loss and force are the tfjs loss and autodiff, P_y is e^−ℓ',
    (_n, spec) => {
      for (const [D, C] of [
        [3, 5],
        [2, 4],
      ] as const) {
        const inp = inputs(spec, 6, D, C);
        for (let i = 0; i < 6; i++) {
          const got = probeFeature(spec, inp, inp.x.slice(i * D, i * D + D), inp.labels[i]!)!;
          const want = reference(spec, inp, i);
          expect(got.loss).toBeCloseTo(want.loss, 4);
          // tfjs computes in float32: a force far smaller than 1 keeps only its absolute accuracy.
          const scale = Math.max(...want.force.map(Math.abs));
          expect(toleranceRatio(got.force, want.force, 1e-4, 1e-5 + 1e-4 * scale)).toBeLessThanOrEqual(1);
          expect(got.cosines).toHaveLength(C);
          for (const c of got.cosines) expect(Math.abs(c)).toBeLessThanOrEqual(1 + 1e-9);
          // A softmax over classes: ℓ is −log P_y plus the loss's own terms. SphereFace2's P_y is its
          // class's own sigmoid, which the negatives' terms do not enter: checked on its own below.
          if (spec.kind !== 'sphereface2') expect(got.py).toBeCloseTo(Math.exp(-(want.loss - extraTerms(spec, inp, i))), 5);
        }
      }
    },
  );

  it("SphereFace2's P_y is its class's sigmoid: with one class, ℓ = −(λ·α/r)·log P_y", () => {
    const spec = SPECS.find((s) => s.kind === 'sphereface2')! as Extract<LossSpec, { kind: 'sphereface2' }>;
    const inp = inputs(spec, 3, 3, 1);
    for (let i = 0; i < 3; i++) {
      const got = probeFeature(spec, inp, inp.x.slice(i * 3, i * 3 + 3), 0)!;
      expect(got.loss).toBeCloseTo(-((spec.lw * spec.alpha) / spec.r) * Math.log(got.py), 5);
    }
  });

  it.each(SPECS.map((s) => [`${s.kind} ${JSON.stringify(s)}`, s] as const))(
    '%s: the losses along a row of features are each one’s probe',
    (_n, spec) => {
      const inp = inputs(spec, 7, 2, 4);
      const losses = sampleLosses(spec, inp, inp.x, 1)!;
      expect(losses).toHaveLength(7);
      losses.forEach((l, i) => expect(l).toBeCloseTo(probeFeature(spec, inp, inp.x.slice(2 * i, 2 * i + 2), 1)!.loss, 12));
    },
  );

  it('cosines are to the nearest sub-centre of each class', () => {
    const spec: LossSpec = { kind: 'subcenter', K: 2, s: 16, m: 0.5, fallback: 'insightface' };
    // Class 0's second sub-centre and class 1's first point along x; the feature too.
    const W = [0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0];
    const got = probeFeature(spec, { W, D: 3 }, [2, 0, 0], 0)!;
    for (const c of got.cosines) expect(c).toBeCloseTo(1, 9);
  });
});
