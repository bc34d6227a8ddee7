// One step's gradients, by one of two paths. Either way the MLP's backward pass is written out
// (mlp.ts). The fused path (a spec whose loss names a fused head, on WASM or CPU) runs the head as
// one kernel with its gradient written out (headKernel.ts); the taped path puts only the head on
// tfjs's gradient tape. Call inside a tidy.
import * as tf from '@tensorflow/tfjs-core';
import type { BatchNumbers } from '../losses/definition';
import type { LossSpec } from '../losses/registry';
import { readCopy } from './head';
import { fusedHead, fusedHeadInputs } from './headKernel';
import type { Mlp } from './mlp';

export interface StepGradients {
  /** The mean batch loss. */
  value: tf.Scalar;
  /** ∂L/∂ by variable name (a variable without a gradient is absent). */
  grads: tf.NamedTensorMap;
  /** The batch's features (before this step's update). */
  features: tf.Tensor2D;
}

function withNet(net: Mlp, acts: tf.Tensor2D[], dx: tf.Tensor2D | null, grads: tf.NamedTensorMap): tf.NamedTensorMap {
  if (dx) net.backward(acts, dx).forEach((g, i) => (grads[net.variables[i]!.name] = g));
  return grads;
}

/** What the fused path reads of the head: W as the loss sees it (and the way back to its variables), the bias it trains, center loss's centres. */
export interface HeadTensors {
  fusedWeights(spec: LossSpec): { W: tf.Tensor2D; grads: (dW: tf.Tensor2D) => tf.NamedTensorMap };
  biasOf(spec: LossSpec): tf.Variable | undefined;
  centers: tf.Variable;
}

/**
 * The fused head: raw features, W, the bias and centres (raw head) in; loss, ∂L/∂x, ∂L/∂W and ∂L/∂b
 * from one kernel. `specOf` gives the step's spec from the batch's features (a loss's running
 * statistics move with them first).
 */
export function fusedGradients(
  net: Mlp,
  head: HeadTensors,
  specOf: (x: tf.Tensor2D) => LossSpec,
  xb: tf.Tensor2D,
  yb: tf.Tensor1D,
): StepGradients {
  const { out: x, acts } = net.forwardTrain(xb);
  const spec = specOf(x);
  const reads = fusedHeadInputs(spec);
  const bias = reads.bias ? head.biasOf(spec) : undefined;
  const { centers } = head;
  const W = head.fusedWeights(spec);
  const { loss, dx, dW, db } = fusedHead(spec, x, W.W, yb, {
    ...(bias ? { bias: bias as tf.Tensor1D } : {}),
    ...(reads.centers ? { centers: centers as tf.Tensor2D } : {}),
  });
  return { value: loss, grads: withNet(net, acts, dx, { ...W.grads(dW), ...(db && bias ? { [bias.name]: db } : {}) }), features: x };
}

/** tfjs's autodiff of `lossOf(features)` for the head's variables `trained`. */
export function tapedGradients(net: Mlp, trained: tf.Variable[], xb: tf.Tensor2D, lossOf: (x: tf.Tensor2D) => tf.Scalar): StepGradients {
  const { out: x, acts } = net.forwardTrain(xb);
  const { value, grads } = tf.engine().gradients(() => lossOf(x), [x, ...trained], undefined, true);
  const [dx, ...headGrads] = grads as (tf.Tensor | null)[];
  const named: tf.NamedTensorMap = {};
  trained.forEach((v, i) => {
    const g = headGrads[i];
    if (g) named[v.name] = g;
  });
  return { value, grads: withNet(net, acts, dx as tf.Tensor2D | null, named), features: x };
}

/** Each batch sample's ‖x‖ and cos θ_y, read back as numbers (what a loss's running statistics follow). */
export function batchNumbers(x: tf.Tensor2D, W: tf.Tensor2D, labels: tf.Tensor1D): BatchNumbers {
  const [norms, targetCos] = tf.tidy(() => {
    const n = tf.norm(x, 'euclidean', 1);
    const w = tf.gather(tf.transpose(W), labels);
    const c = tf.div(tf.sum(tf.mul(x, w), 1), tf.maximum(tf.mul(n, tf.norm(w, 'euclidean', 1)), 1e-12));
    return [n, c];
  });
  const out = { norms: readCopy(norms!), targetCos: readCopy(targetCos!) };
  tf.dispose([norms!, targetCos!]);
  return out;
}
