import * as tf from '@tensorflow/tfjs-core';
import { l2NormalizeRows } from './tensorOps';

/**
 * Wen et al. center update: c_j ← c_j − α·Σ_{y_i=j}(c_j − f_i)/(1+n_j), with f = x̂ when
 * `normalize`, else raw x. Returns new C×D centers; the inputs are not disposed.
 */
export function updateCenters(x: tf.Tensor2D, labels: tf.Tensor1D, centers: tf.Tensor2D, alpha: number, normalize = false): tf.Tensor2D {
  return tf.tidy(() => {
    const f = normalize ? l2NormalizeRows(x) : x;
    const oneHot = tf.cast(tf.oneHot(tf.cast(labels, 'int32'), centers.shape[0]), 'float32'); // N×C
    const counts = tf.expandDims(tf.sum(oneHot, 0), 1); // C×1: n_j
    const featureSums = tf.matMul(oneHot, f, true, false); // C×D: Σ_{y_i=j} f_i
    const delta = tf.div(tf.sub(tf.mul(centers, counts), featureSums), tf.add(counts, 1));
    return tf.sub(centers, tf.mul(delta, alpha));
  });
}
