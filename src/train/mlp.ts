import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../data/rng';

/**
 * An MLP embedding: ReLU hidden layers, a linear output of `outDim` features. Training does not
 * put it on tfjs's gradient tape: `forwardTrain` keeps the activations and `backward` is written
 * out, so the tape copies nothing and every backward matMul can be one XNNPACK serves on WASM
 * (an untransposed product: a transposed one runs a naive loop there, ~10× slower at 256×64·64×64).
 */
export interface Mlp {
  variables: tf.Variable[];
  /** Raw features for a batch of inputs, N×outDim (one fused matMul + bias + ReLU kernel a layer). */
  forward(x: tf.Tensor2D): tf.Tensor2D;
  /** The features and the activations the backward pass reads: the input, then each hidden layer's output. */
  forwardTrain(x: tf.Tensor2D): { out: tf.Tensor2D; acts: tf.Tensor2D[] };
  /** ∂L/∂ of every variable, in `variables` order, from ∂L/∂features. Call inside a tidy. */
  backward(acts: readonly tf.Tensor2D[], dOut: tf.Tensor2D): tf.Tensor[];
  dispose(): void;
}

/** Below this many output columns, ∂W = aᵀ·dz is cheaper as one transposed product than a transpose plus an XNNPACK product. */
const NARROW = 8;

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
  const last = layers.length - 1;
  const layer = (h: tf.Tensor2D, l: number): tf.Tensor2D =>
    tf.fused.matMul({ a: h, b: layers[l]!.w as tf.Tensor2D, bias: layers[l]!.b, activation: l < last ? 'relu' : 'linear' }) as tf.Tensor2D;
  return {
    variables,
    forward(x) {
      return tf.tidy(() => layers.reduce((h, _, l) => layer(h, l), x));
    },
    forwardTrain(x) {
      const acts: tf.Tensor2D[] = [x];
      for (let l = 0; l < last; l++) acts.push(layer(acts[l]!, l));
      return { out: layer(acts[last]!, last), acts };
    },
    backward(acts, dOut) {
      const grads: tf.Tensor[] = [];
      let dz = dOut;
      for (let l = last; l >= 0; l--) {
        const a = acts[l]!;
        const { w } = layers[l]!;
        const dW = w.shape[1]! < NARROW ? tf.matMul(a, dz, true, false) : tf.matMul(tf.transpose(a), dz);
        grads.unshift(dW, tf.sum(dz, 0));
        // ReLU's derivative from its output: a > 0 exactly where its input was.
        if (l > 0) dz = tf.mul(tf.matMul(dz, tf.transpose(w)), tf.step(a));
      }
      return grads;
    },
    dispose() {
      tf.dispose(variables);
    },
  };
}
