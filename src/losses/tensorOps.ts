// Small differentiable building blocks shared by the losses.
import * as tf from '@tensorflow/tfjs-core';
import { COS_CLAMP } from './curves';

/** Guards 0/0 for an all-zero row; far below float32 resolution of any real feature norm². */
const NORM_EPS = 1e-12;

/** Row-wise L2 normalisation x/‖x‖ with its true Jacobian (autodiff through the norm). */
export function l2NormalizeRows(x: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(x, tf.rsqrt(tf.add(tf.sum(tf.square(x), 1, true), NORM_EPS))) as tf.Tensor2D;
}

/** Column-wise L2 normalisation of W (D×C): each class weight to unit length. */
export function l2NormalizeCols(W: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(W, tf.rsqrt(tf.add(tf.sum(tf.square(W), 0, true), NORM_EPS))) as tf.Tensor2D;
}

/** Clamp cosines to ±(1 − 1e-5) before acos or √(1−c²) (an infinite derivative at ±1). */
export function clampCosT<T extends tf.Tensor>(c: T): T {
  return tf.clipByValue(c, -COS_CLAMP, COS_CLAMP);
}

/** sin θ = √(1 − c²) for θ ∈ [0, π], on clamped cosines. */
export function sinFromCos<T extends tf.Tensor>(c: T): T {
  return tf.sqrt(tf.sub(1, tf.square(clampCosT(c)))) as T;
}

/** θ = acos(c) on clamped cosines, radians in (0, π). */
export function angleFromCos<T extends tf.Tensor>(c: T): T {
  return tf.acos(clampCosT(c));
}

/**
 * Value of `forward`, gradient of `through` (straight-through estimator): the result equals
 * `forward` but back-propagates as the identity into `through` (same shapes). tfjs has no stop_gradient.
 */
export function straightThrough<T extends tf.Tensor>(through: T, forward: T): T {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
    value: tf.clone(args[1] as tf.Tensor),
    gradFunc: (dy: tf.Tensor) => [tf.clone(dy), tf.zerosLike(dy)],
  }));
  return op(through, forward) as T;
}

/**
 * Mean softmax cross-entropy where column y_i of `logits` (N×C) is replaced by `target` (N):
 * mean_i [ logsumexp_j(z_ij) − z_{i,y_i} ], max-subtracted so s = 64 does not overflow float32.
 */
export function marginCrossEntropy(
  logits: tf.Tensor2D,
  target: tf.Tensor1D,
  oneHot: tf.Tensor2D,
): tf.Scalar {
  const replaced = tf.add(tf.mul(logits, tf.sub(1, oneHot)), tf.mul(tf.expandDims(target, 1), oneHot));
  return tf.mean(tf.sub(tf.logSumExp(replaced, 1), target)) as tf.Scalar;
}

/** The target column of a N×C matrix: Σ_j M_ij·onehot_ij. */
export function pickTarget(M: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Tensor1D {
  return tf.sum(tf.mul(M, oneHot), 1);
}
