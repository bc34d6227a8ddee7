import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../data/rng';
import { toleranceRatio, useCpuBackend } from '../losses/test/tfSetup';
import { createMlp } from './mlp';

beforeAll(useCpuBackend);

describe('the MLP’s written-out backward pass', () => {
  for (const [depth, outDim] of [
    [1, 2],
    [2, 3],
    [3, 16],
  ] as const) {
    it(`equals autodiff of matMul/add/ReLU (depth ${depth}, ${outDim} features, a wide and a narrow last layer)`, () => {
      const rng = createRng(3 + depth);
      const net = createMlp(rng, 5, 12, depth, outDim);
      const x = tf.tensor2d(
        Float32Array.from({ length: 9 * 5 }, () => rng.normal()),
        [9, 5],
      );
      const dOut = tf.tensor2d(
        Float32Array.from({ length: 9 * outDim }, () => rng.normal()),
        [9, outDim],
      );
      // Autodiff of the textbook layers, for the loss Σ features ⊙ dOut (whose ∂/∂features is dOut).
      const plain = () => {
        let h: tf.Tensor2D = x;
        for (let i = 0; i < net.variables.length; i += 2) {
          const z = tf.add(tf.matMul(h, net.variables[i] as tf.Tensor2D), net.variables[i + 1]!) as tf.Tensor2D;
          h = i + 2 < net.variables.length ? tf.relu(z) : z;
        }
        return h;
      };
      const { grads } = tf.variableGrads(() => tf.sum(tf.mul(plain(), dOut)), net.variables);
      const written = tf.tidy(() => {
        const { out, acts } = net.forwardTrain(x);
        expect(toleranceRatio(out.dataSync(), plain().dataSync(), 1e-5, 1e-6)).toBeLessThanOrEqual(1);
        expect(Array.from(net.forward(x).dataSync())).toEqual(Array.from(out.dataSync()));
        return net.backward(acts, dOut).map((g) => Array.from(g.dataSync()));
      });
      net.variables.forEach((v, i) => {
        expect(written[i]!.length).toBe(v.size);
        expect(toleranceRatio(written[i]!, grads[v.name]!.dataSync(), 1e-5, 1e-6)).toBeLessThanOrEqual(1);
      });
      tf.dispose([x, dOut, ...Object.values(grads)]);
      net.dispose();
    });
  }
});
