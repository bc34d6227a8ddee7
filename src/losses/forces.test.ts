import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeLoss } from './computeLoss';
import { featureForces, meanLength, tangentForces } from './forces';
import type { LossSpec } from './registry';
import { inputs, SPECS } from './test/headCases';
import { toleranceRatio, useCpuBackend } from './test/tfSetup';

beforeAll(useCpuBackend);

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
