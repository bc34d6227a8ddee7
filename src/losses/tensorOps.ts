// Small differentiable building blocks shared by the losses.
import * as tf from '@tensorflow/tfjs-core';
import { COS_CLAMP } from './cosine';

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

/** The value of `t` with no gradient through it: tfjs has no stop_gradient (the margin scalers of AdaFace, CurricularFace's hard-negative mask). */
export function detach<T extends tf.Tensor>(t: T): T {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
    value: tf.clone(args[0] as tf.Tensor),
    gradFunc: (dy: tf.Tensor) => [tf.zerosLike(dy)],
  }));
  return op(t) as T;
}

/**
 * Mean softmax cross-entropy where column y_i of `logits` (N×C) is replaced by `target` (N):
 * mean_i [ logsumexp_j(z_ij) − z_{i,y_i} ], max-subtracted so s = 64 does not overflow float32.
 * Its gradient is written out (p the softmax of z): ∂/∂logits_ij = p_ij/N off the target column
 * (0 on it), ∂/∂target_i = (p_{i,y_i} − 1)/N. A handful of kernels instead of autodiff's dozens.
 */
export function marginCrossEntropy(logits: tf.Tensor2D, target: tf.Tensor1D, oneHot: tf.Tensor2D): tf.Scalar {
  const n = logits.shape[0];
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [lg, tg, save] = args as [tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
    const off = tf.sub(1, oneHot);
    const replaced = tf.add(tf.mul(lg, off), tf.mul(tf.expandDims(tg, 1), oneHot));
    const lse = tf.logSumExp(replaced, 1, true);
    save([replaced, lse, off, oneHot]);
    return {
      value: tf.mean(tf.sub(tf.squeeze(lse, [1]), tg)),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [z, l, notTarget, hot] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
        const k = tf.div(dy, n);
        const p = tf.exp(tf.sub(z, l));
        return [tf.mul(tf.mul(p, notTarget), k), tf.mul(tf.sub(tf.sum(tf.mul(p, hot), 1), 1), k)];
      },
    };
  });
  return op(logits, target) as tf.Scalar;
}

/** The target column of a N×C matrix: Σ_j M_ij·onehot_ij. */
export function pickTarget(M: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Tensor1D {
  return tf.sum(tf.mul(M, oneHot), 1);
}

/** cos θ between every normalised feature and every normalised class weight, N×C. */
export function cosines(x: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(l2NormalizeRows(x), l2NormalizeCols(W));
}

/** a where `gate` > 0, else b. tf.step has a zero gradient (tf.greater has none at all). */
export function select(gate: tf.Tensor1D, a: tf.Tensor1D, b: tf.Tensor1D): tf.Tensor1D {
  const mask = tf.step(gate);
  return tf.add(tf.mul(a, mask), tf.mul(b, tf.sub(1, mask))) as tf.Tensor1D;
}

/** Softmax cross-entropy on raw logits x·W + b (no bias when absent). */
export function rawLogitCrossEntropy(x: tf.Tensor2D, W: tf.Tensor2D, oneHot: tf.Tensor2D, bias?: tf.Tensor1D): tf.Scalar {
  const logits: tf.Tensor2D = bias ? tf.add(tf.matMul(x, W), bias) : tf.matMul(x, W);
  return marginCrossEntropy(logits, pickTarget(logits, oneHot), oneHot);
}

/** Cosine-softmax family: logits s·c_j, target s·f(c_y) for a margin function f of the target cosines. */
export function cosineMarginLoss(
  x: tf.Tensor2D,
  W: tf.Tensor2D,
  oneHot: tf.Tensor2D,
  s: number,
  margin: (c: tf.Tensor1D) => tf.Tensor1D,
): tf.Scalar {
  const cos = cosines(x, W);
  const target = margin(pickTarget(cos, oneHot));
  return marginCrossEntropy(tf.mul(cos, s) as tf.Tensor2D, tf.mul(target, s) as tf.Tensor1D, oneHot);
}
