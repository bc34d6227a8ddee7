// @ts-check
// The plain tfjs reference of `bench:step` (Node) and `npm run bench` (a browser worker): the app's
// default model (MLP 32→64→64→3) and ArcFace head, written the way the TensorFlow.js docs teach:
// tf.layers, plain ops for the head, and optimizer.minimize. No fused gradients, no flat optimizer:
// what the app's step is measured against. Plain JavaScript that takes `tf` (the union package),
// so the browser bench can load this very source into a worker beside tfjs's own script bundles.

/**
 * A reference trainer on n×d inputs `x` with labels `y` of 0…C−1: ArcFace (s, m) on D-dimensional features, Adam at lr.
 * @param {typeof import('@tensorflow/tfjs')} tf
 * @param {Float32Array} x
 * @param {Int32Array} y
 * @param {number} d
 * @param {number} C
 * @param {{ D: number; hidden: number; depth: number; batch: number; s: number; m: number; lr: number }} opts
 * @returns {{ step(): void; dispose(): void }}
 */
export function referenceArcFace(tf, x, y, d, C, opts) {
  const n = y.length;
  const xs = tf.tensor2d(x, [n, d]);
  const ys = tf.tensor1d(y, 'int32');
  const model = tf.sequential();
  for (let l = 0; l < opts.depth; l++)
    model.add(tf.layers.dense({ units: opts.hidden, activation: 'relu', ...(l === 0 ? { inputShape: [d] } : {}) }));
  model.add(tf.layers.dense({ units: opts.D }));
  const W = tf.variable(tf.randomNormal([opts.D, C], 0, 1 / Math.sqrt(opts.D)));
  const optimizer = tf.train.adam(opts.lr);
  const { s, m } = opts;
  return {
    step() {
      const idx = tf.tensor1d(
        Int32Array.from({ length: opts.batch }, () => Math.floor(Math.random() * n)),
        'int32',
      );
      const xb = tf.gather(xs, idx);
      const yb = tf.oneHot(tf.gather(ys, idx), C);
      const cost = optimizer.minimize(() => {
        const f = /** @type {import('@tensorflow/tfjs').Tensor2D} */ (model.apply(xb));
        const cos = tf.matMul(tf.div(f, tf.norm(f, 'euclidean', 1, true)), tf.div(W, tf.norm(W, 'euclidean', 0, true)));
        const c = tf.clipByValue(cos, -1 + 1e-7, 1 - 1e-7);
        const target = tf.cos(tf.add(tf.acos(c), m)); // cos(θ + m), taken on every column, used on the label's
        const logits = tf.mul(tf.add(tf.mul(target, yb), tf.mul(c, tf.sub(1, yb))), s);
        return /** @type {import('@tensorflow/tfjs').Scalar} */ (tf.losses.softmaxCrossEntropy(yb, logits));
      }, true);
      cost?.dataSync();
      tf.dispose([idx, xb, yb, ...(cost ? [cost] : [])]);
    },
    dispose() {
      model.dispose();
      tf.dispose([xs, ys, W]);
      optimizer.dispose();
    },
  };
}
