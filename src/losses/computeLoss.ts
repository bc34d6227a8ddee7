// The losses of docs/losses.md as TensorFlow.js ops: the mean batch loss of every kind.
import * as tf from '@tensorflow/tfjs-core';
// Gradients are registered by a side-effect module; the tfjs union package does it, core alone does not.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { LossInputs, LossSpec } from './types';
import {
  angleFromCos,
  l2NormalizeCols,
  l2NormalizeRows,
  marginCrossEntropy,
  pickTarget,
  sinFromCos,
  straightThrough,
} from './tensorOps';

type ArcSpec = Extract<LossSpec, { kind: 'arcface' }>;
type SphereSpec = Extract<LossSpec, { kind: 'sphereface' }>;

/** cos θ between every normalised feature and every normalised class weight, N×C. */
function cosines(x: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(l2NormalizeRows(x), l2NormalizeCols(W));
}

/** Softmax cross-entropy on raw logits x·W + b. */
function softmaxLoss(x: tf.Tensor2D, W: tf.Tensor2D, oneHot: tf.Tensor2D, bias?: tf.Tensor1D): tf.Scalar {
  const logits: tf.Tensor2D = bias ? tf.add(tf.matMul(x, W), bias) : tf.matMul(x, W);
  return marginCrossEntropy(logits, pickTarget(logits, oneHot), oneHot);
}

/** a where `gate` > 0, else b. tf.step has a zero gradient (tf.greater has none at all). */
function select(gate: tf.Tensor1D, a: tf.Tensor1D, b: tf.Tensor1D): tf.Tensor1D {
  const mask = tf.step(gate);
  return tf.add(tf.mul(a, mask), tf.mul(b, tf.sub(1, mask))) as tf.Tensor1D;
}

/** ArcFace's φ(c) on the target cosines, per fallback convention and gradient mode. */
function arcfacePhiT(c: tf.Tensor1D, spec: ArcSpec): tf.Tensor1D {
  const { m } = spec;
  const phi: tf.Tensor1D = tf.sub(tf.mul(c, Math.cos(m)), tf.mul(sinFromCos(c), Math.sin(m)));
  let out: tf.Tensor1D;
  switch (spec.fallback ?? 'insightface') {
    case 'insightface':
      out = select(tf.sub(c, Math.cos(Math.PI - m)), phi, tf.sub(c, m * Math.sin(m)));
      break;
    case 'easy':
      out = select(c, phi, c);
      break;
    case 'none':
      out = phi;
      break;
  }
  return spec.gradient === 'detached' ? straightThrough(c, out) : out;
}

/** cos(mθ) as the Chebyshev polynomial T_m(c) for integer m (no acos), else cos(m·acos c). */
function cosMultipleAngle(c: tf.Tensor1D, m: number): tf.Tensor1D {
  if (!Number.isInteger(m) || m < 0) return tf.cos(tf.mul(angleFromCos(c), m)) as tf.Tensor1D;
  let prev: tf.Tensor1D = tf.onesLike(c);
  let cur: tf.Tensor1D = c;
  if (m === 0) return prev;
  for (let k = 1; k < m; k++) {
    const next: tf.Tensor1D = tf.sub(tf.mul(tf.mul(c, 2), cur), prev);
    prev = cur;
    cur = next;
  }
  return cur;
}

/** SphereFace's ψ(θ) = (−1)^k cos(mθ) − 2k on the target cosines; k carries no gradient. */
function spherePsiT(c: tf.Tensor1D, m: number): tf.Tensor1D {
  // floor() has a zero gradient in tfjs, so k and the sign are constants for autodiff.
  const kMax = Math.max(Math.ceil(m) - 1, 0);
  const k = tf.clipByValue(tf.floor(tf.div(tf.mul(angleFromCos(c), m), Math.PI)), 0, kMax);
  const sign = tf.sub(1, tf.mul(2, tf.mod(k, 2)));
  return tf.sub(tf.mul(sign, cosMultipleAngle(c, m)), tf.mul(2, k)) as tf.Tensor1D;
}

/** A-Softmax: W normalised, x not; target ‖x‖(λc + ψ)/(1+λ), others ‖x‖c (or s on x̂ when s is set). */
function spherefaceLoss(x: tf.Tensor2D, W: tf.Tensor2D, oneHot: tf.Tensor2D, spec: SphereSpec): tf.Scalar {
  const norm: tf.Tensor2D =
    spec.s === undefined
      ? (tf.sqrt(tf.add(tf.sum(tf.square(x), 1, true), 1e-12)) as tf.Tensor2D)
      : tf.fill([x.shape[0], 1], spec.s);
  const cos = cosines(x, W);
  const c = pickTarget(cos, oneHot);
  const logits: tf.Tensor2D = tf.mul(cos, norm);
  const blended: tf.Tensor1D = tf.div(tf.add(tf.mul(c, spec.lambda), spherePsiT(c, spec.m)), 1 + spec.lambda);
  const target: tf.Tensor1D = tf.mul(blended, tf.squeeze(norm, [1]));
  return marginCrossEntropy(logits, target, oneHot);
}

/** Cosine-softmax family: logits s·c_j, target s·f(c_y) for a margin function f. */
function cosineMarginLoss(
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

/** Wen et al.'s center term (1/N)·Σ ½‖f_i − c_{y_i}‖², centers constant for autodiff. */
function centerTerm(f: tf.Tensor2D, centers: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Scalar {
  const own = tf.matMul(oneHot, centers); // N×D: c_{y_i}
  return tf.mul(tf.mean(tf.sum(tf.square(tf.sub(f, own)), 1)), 0.5) as tf.Scalar;
}

/** Mean loss over the batch; normalises x and W internally as each loss requires. */
export function computeLoss(spec: LossSpec, inputs: LossInputs): tf.Scalar {
  return tf.tidy(() => {
    const { x, W, labels, bias } = inputs;
    const oneHot = tf.cast(tf.oneHot(tf.cast(labels, 'int32'), W.shape[1]), 'float32') as tf.Tensor2D;
    switch (spec.kind) {
      case 'softmax':
        return softmaxLoss(x, W, oneHot, bias);
      case 'center': {
        const { centers } = inputs;
        if (!centers) throw new Error('center loss needs inputs.centers (C×D)');
        const f = spec.normalize ? l2NormalizeRows(x) : x;
        const lc: tf.Scalar = tf.mul(centerTerm(f, centers, oneHot), spec.lambda);
        return spec.includeSoftmax === false ? lc : (tf.add(softmaxLoss(x, W, oneHot, bias), lc) as tf.Scalar);
      }
      case 'normface':
        return cosineMarginLoss(x, W, oneHot, spec.s, (c) => c);
      case 'cosface':
        return cosineMarginLoss(x, W, oneHot, spec.s, (c) => tf.sub(c, spec.m) as tf.Tensor1D);
      case 'arcface':
        return cosineMarginLoss(x, W, oneHot, spec.s, (c) => arcfacePhiT(c, spec));
      case 'combined':
        return cosineMarginLoss(x, W, oneHot, spec.s, (c) =>
          tf.sub(tf.cos(tf.add(tf.mul(angleFromCos(c), spec.m1), spec.m2)), spec.m3) as tf.Tensor1D,
        );
      case 'sphereface':
        return spherefaceLoss(x, W, oneHot, spec);
    }
  });
}
