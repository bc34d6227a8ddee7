import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeLoss, updateCenters } from './index';
import { loadVectorCases, specOf, type VectorCase } from './test/vectors';
import { toleranceRatio, useCpuBackend } from './test/tfSetup';

beforeAll(useCpuBackend);

const RTOL = 1e-4;
/**
 * Absolute floor on gradients: float32 carries ~7 digits, so entries far smaller than the largest
 * (e.g. 5e-8 beside 7.0) cannot match relatively; 1e-6 is ~10 ulps of an O(1) gradient. With
 * s = 64 the logits are ~64× larger and so are the rounding errors: atol 1e-4, as docs/losses.md and the reference data say.
 */
const atolFor = (c: VectorCase) => (Number(c.params.s) >= 64 ? 1e-4 : 1e-6);

for (const { file, cases } of loadVectorCases()) {
  describe(`reference vectors: ${file}`, () => {
    for (const c of cases) {
      const spec = specOf(c);
      if (!spec) {
        it.skip(`${c.name} (loss '${c.loss}' is not in this library)`, () => {});
        continue;
      }
      it(`${c.name}: loss and gradients w.r.t. x, W${c.expected.grad_b ? ', bias' : ''}`, () => {
        const x = tf.tensor2d(c.inputs.x);
        const W = tf.tensor2d(c.inputs.W);
        const labels = tf.tensor1d(c.inputs.labels, 'int32');
        const b = Array.isArray(c.params.b)
          ? tf.tensor1d(c.params.b as number[])
          : typeof c.params.b === 'number'
            ? tf.tensor1d([c.params.b])
            : undefined; // SphereFace2: one scalar b
        const centers = Array.isArray(c.params.centers) ? tf.tensor2d(c.params.centers as number[][]) : undefined;
        const f = (xx: tf.Tensor, WW: tf.Tensor, bb?: tf.Tensor) =>
          computeLoss(spec, {
            x: xx as tf.Tensor2D,
            W: WW as tf.Tensor2D,
            labels,
            bias: bb as tf.Tensor1D | undefined,
            centers,
          });
        const loss = f(x, W, b);
        expect(toleranceRatio(loss.dataSync(), [c.expected.loss], RTOL, 0)).toBeLessThanOrEqual(1);

        const grads = b ? tf.grads((xx, WW, bb) => f(xx, WW, bb))([x, W, b]) : tf.grads((xx, WW) => f(xx, WW))([x, W]);
        const atol = atolFor(c);
        expect(toleranceRatio(grads[0]!.dataSync(), c.expected.grad_x.flat(), RTOL, atol)).toBeLessThanOrEqual(1);
        expect(toleranceRatio(grads[1]!.dataSync(), c.expected.grad_W.flat(), RTOL, atol)).toBeLessThanOrEqual(1);
        if (b && c.expected.grad_b) {
          expect(toleranceRatio(grads[2]!.dataSync(), [c.expected.grad_b].flat(), RTOL, atol)).toBeLessThanOrEqual(1);
        }
        if (centers && c.expected.centers_updated) {
          const alpha = Number(c.params.alpha);
          const updated = updateCenters(x, labels, centers, alpha, c.params.normalize === true);
          expect(toleranceRatio(updated.dataSync(), c.expected.centers_updated.flat(), RTOL, 1e-6)).toBeLessThanOrEqual(1);
          updated.dispose();
        }
        tf.dispose([x, W, labels, loss, ...grads, ...(b ? [b] : []), ...(centers ? [centers] : [])]);
      });
    }
  });
}
