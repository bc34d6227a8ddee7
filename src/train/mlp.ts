import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../data/rng';

/** An MLP embedding: ReLU hidden layers, a linear output of `outDim` features. */
export interface Mlp {
  variables: tf.Variable[];
  /** Raw features for a batch of inputs, N×outDim. */
  forward(x: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

/** He-uniform weights from the seeded generator (deterministic on every backend), zero biases. */
export function createMlp(rng: Rng, inputDim: number, hidden: number, depth: number, outDim: number): Mlp {
  const sizes = [inputDim, ...Array.from({ length: depth }, () => hidden), outDim];
  const layers: { w: tf.Variable; b: tf.Variable }[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l]!;
    const fanOut = sizes[l + 1]!;
    const limit = Math.sqrt(6 / fanIn);
    const values = Float32Array.from({ length: fanIn * fanOut }, () => (rng.next() * 2 - 1) * limit);
    // tidy frees the initial tensors; the variables hold their own reference and survive it.
    layers.push(
      tf.tidy(() => ({
        w: tf.variable(tf.tensor2d(values, [fanIn, fanOut]), true),
        b: tf.variable(tf.zeros([fanOut]), true),
      })),
    );
  }
  const variables = layers.flatMap((l) => [l.w, l.b]);
  return {
    variables,
    forward(x) {
      return tf.tidy(() => {
        let h: tf.Tensor2D = x;
        layers.forEach((layer, l) => {
          const z: tf.Tensor2D = tf.add(tf.matMul(h, layer.w as tf.Tensor2D), layer.b);
          h = l + 1 < layers.length ? tf.relu(z) : z;
        });
        return h;
      });
    },
    dispose() {
      tf.dispose(variables);
    },
  };
}
