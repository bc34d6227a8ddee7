import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../data/rng';
import { computeLoss } from './computeLoss';
import { featureForces, meanLength, tangentForces } from './forces';
import { lossDef, LOSS_KINDS, type LossSpec } from './registry';
import { headReads } from './runHead';
import { defaultSpecOf } from './test/defaultSpec';
import { toleranceRatio, useCpuBackend } from './test/tfSetup';

beforeAll(useCpuBackend);

/** Every loss at its defaults, and the variants whose gradient takes a path of its own. */
const SPECS: LossSpec[] = [
  ...LOSS_KINDS.map((k) => defaultSpecOf(k, 5)),
  { kind: 'arcface', s: 16, m: 1.1, fallback: 'insightface' },
  { kind: 'arcface', s: 10, m: 0.4, fallback: 'easy' },
  { kind: 'arcface', s: 10, m: 0.4, gradient: 'detached' },
  { kind: 'sphereface', m: 3, lambda: 0, s: 6 },
  { kind: 'adaface', s: 10, m: 0.6, h: 1, batchMean: 0.5, batchStd: 0.3, alpha: 0.01 },
  { kind: 'curricular', s: 16, m: 0.3, t: 0.6 },
  { kind: 'magface', s: 16, la: 2, ua: 4, lm: 0.2, um: 0.9, lambdaG: 3 },
  { kind: 'subcenter', K: 2, s: 16, m: 0.5, fallback: 'insightface' },
  { kind: 'sphereface2', alpha: 0.7, r: 15, m: 0.4, t: 3, lw: 50, gradient: 'exact' },
];

function inputs(spec: LossSpec, N: number, D: number, C: number) {
  const head = lossDef(spec.kind).fused(spec);
  if (head.kind === 'none') throw new Error(head.why);
  const K = head.kind === 'cosine' ? (head.K ?? 1) : 1;
  const reads = headReads(head);
  const rng = createRng(N * 31 + D);
  const x = Float32Array.from({ length: N * D }, () => rng.normal() * 2);
  const W = Float32Array.from({ length: D * C * K }, () => rng.normal());
  const labels = Int32Array.from({ length: N }, (_, i) => i % C);
  const bias = !reads.bias
    ? undefined
    : head.kind === 'binary'
      ? Float32Array.of(lossDef(spec.kind).train.scalarBias?.initial(spec, C) ?? 0)
      : Float32Array.from({ length: C }, (_, j) => 0.3 * Math.sin(j));
  const centers = reads.centers ? Float32Array.from({ length: C * D }, (_, k) => Math.sin(k)) : undefined;
  return { x, W, labels, D, bias, centers };
}

/** −N·∂L/∂x by tfjs's autodiff of the loss's own tfjs code (computeLoss): each sample's force. */
function autodiffForces(spec: LossSpec, inp: ReturnType<typeof inputs>): Float32Array {
  const N = inp.labels.length;
  return tf.tidy(() => {
    const yt = tf.tensor1d(inp.labels, 'int32');
    const Wt = tf.tensor2d(inp.W, [inp.D, inp.W.length / inp.D]);
    const bt = inp.bias && tf.tensor1d(inp.bias);
    const ct = inp.centers && tf.tensor2d(inp.centers, [inp.centers.length / inp.D, inp.D]);
    const g = tf.grad((x: tf.Tensor) => computeLoss(spec, { x: x as tf.Tensor2D, W: Wt, labels: yt, bias: bt, centers: ct }))(
      tf.tensor2d(inp.x, [N, inp.D]),
    );
    return Float32Array.from(g.dataSync(), (v) => -N * v);
  });
}

describe('forces', () => {
  it.each(SPECS.map((s) => [`${s.kind} ${JSON.stringify(s)}`, s] as const))('%s: −∂ℓ_i/∂x_i equals autodiff within 1e-4', (_name, spec) => {
    for (const [N, D, C] of [
      [24, 3, 5],
      [17, 2, 4],
    ] as const) {
      const inp = inputs(spec, N, D, C);
      const ours = featureForces(spec, inp);
      const theirs = autodiffForces(spec, inp);
      const scale = Math.max(...theirs.map(Math.abs));
      expect(toleranceRatio(ours, theirs, 1e-4, 1e-4 * scale)).toBeLessThanOrEqual(1);
      // Drawn on the sphere: the tangent part agrees too (its own rounding aside).
      expect(toleranceRatio(tangentForces(inp.x, ours, D), tangentForces(inp.x, theirs, D), 1e-4, 1e-4 * scale)).toBeLessThanOrEqual(1);
    }
  });

  it('the tangent part is orthogonal to the feature, scaled by its norm, and a radial force has none', () => {
    const x = Float32Array.of(3, 0, 0, 0, 0, 2);
    const f = Float32Array.of(1, 2, 0, 0.5, 0, 7);
    const t = tangentForces(x, f, 3);
    expect(Array.from(t)).toEqual([0, 6, 0, 1, 0, 0]); // ‖x‖ = 3 then 2; the radial parts (1, then 7) gone
    expect(meanLength(t, 3, () => true)).toBeCloseTo(3.5);
    expect(meanLength(t, 3, (i) => i === 1)).toBeCloseTo(1);
    expect(meanLength(t, 3, () => false)).toBeNaN();
  });

  it('a cosine loss’s force on x is already tangent: only softmax-type losses push along ‖x‖', () => {
    const inp = inputs({ kind: 'cosface', s: 10, m: 0.2 }, 20, 3, 4);
    const f = featureForces({ kind: 'cosface', s: 10, m: 0.2 }, inp);
    const norms = Array.from({ length: 20 }, (_, i) => Math.hypot(inp.x[3 * i]!, inp.x[3 * i + 1]!, inp.x[3 * i + 2]!));
    // −∂ℓ/∂x̂ = ‖x‖·(−∂ℓ/∂x) when the force is tangent.
    expect(
      toleranceRatio(
        tangentForces(inp.x, f, 3),
        f.map((v, k) => v * norms[Math.floor(k / 3)]!),
        1e-5,
        1e-6,
      ),
    ).toBeLessThanOrEqual(1);
    const soft = featureForces({ kind: 'softmax' }, inputs({ kind: 'softmax' }, 20, 3, 4));
    expect(meanLength(soft, 3, () => true)).toBeGreaterThan(0);
    expect(toleranceRatio(tangentForces(inp.x, soft, 3), soft, 1e-3, 0)).toBeGreaterThan(1);
  });
});
