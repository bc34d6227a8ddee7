import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../data/rng';
import { computeLoss } from '../losses/computeLoss';
import { tangentForces } from '../losses/forces';
import { lossDef } from '../losses/registry';
import { useCpuBackend } from '../losses/test/tfSetup';
import { defaultSpecOf } from '../params/defaultSpec';
import { LECTURE_LOSSES, sameFeatureEveryLoss } from './probeReadings';

beforeAll(useCpuBackend);

describe('the probe table: the same feature, every lecture loss', () => {
  it('is the lecture’s six, softmax to ArcFace', () => {
    expect(LECTURE_LOSSES.map((k) => lossDef(k).meta.label)).toEqual([
      'Softmax',
      'Center loss',
      'NormFace',
      'SphereFace',
      'CosFace',
      'ArcFace',
    ]);
  });

  it('each row is that loss at its defaults by its own tfjs code: ℓ, and the turning force by autodiff', () => {
    const rng = createRng(5);
    const D = 3;
    const C = 4;
    const W = Float32Array.from({ length: D * C }, () => rng.normal());
    const bias = Float32Array.from({ length: C }, (_, j) => 0.2 * j - 0.3);
    const centers = Float32Array.from({ length: C * D }, () => rng.normal());
    for (const [x, y] of [
      [[1.5, -0.4, 0.9], 2],
      [[-0.2, 2.2, 0.1], 0],
    ] as const) {
      const rows = sameFeatureEveryLoss(W, D, bias, centers, x, y);
      expect(rows.map((r) => r.kind)).toEqual(LECTURE_LOSSES);
      for (const row of rows) {
        const spec = defaultSpecOf(row.kind, C);
        const { loss, grad } = tf.tidy(() => {
          const f = (xt: tf.Tensor) =>
            computeLoss(spec, {
              x: xt as tf.Tensor2D,
              W: tf.tensor2d(W, [D, C]),
              labels: tf.tensor1d([y], 'int32'),
              bias: tf.tensor1d(bias),
              centers: tf.tensor2d(centers, [C, D]),
            });
          const { value, grad } = tf.valueAndGrad(f)(tf.tensor2d([...x], [1, D]));
          return { loss: value.dataSync()[0]!, grad: Float32Array.from(grad.dataSync(), (v) => -v) };
        });
        expect(row.reading, row.kind).not.toBeNull();
        expect(row.reading!.loss, row.kind).toBeCloseTo(loss, 4);
        const turning = Math.hypot(...tangentForces(Float32Array.from(x), grad, D));
        expect(row.reading!.turning, row.kind).toBeCloseTo(turning, 4);
        expect(row.reading!.py).toBeGreaterThan(0);
        expect(row.reading!.py).toBeLessThanOrEqual(1);
      }
    }
  });
});
