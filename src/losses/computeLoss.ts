// The losses of docs/losses.md as TensorFlow.js ops: the mean batch loss of every kind.
import * as tf from '@tensorflow/tfjs-core';
// Gradients are registered by a side-effect module; the tfjs union package does it, core alone does not.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { TensorKit } from './definition';
import { lossDef } from './registry';
import * as ops from './tensorOps';
import * as tfOps from './tfOps';
import type { LossInputs, LossSpec } from './types';

const KIT: TensorKit = { tf: tfOps, ops };

/** Mean loss over the batch; normalises x and W internally as each loss requires. */
export function computeLoss(spec: LossSpec, inputs: LossInputs): tf.Scalar {
  return tf.tidy(() => {
    const def = lossDef(spec.kind);
    const classes = inputs.W.shape[1] / (def.train.weightColumns?.(spec) ?? 1);
    if (!Number.isInteger(classes))
      throw new Error(`W has ${inputs.W.shape[1]} columns: not a whole number of classes for ${def.meta.label}`);
    const oneHot = tf.cast(tf.oneHot(tf.cast(inputs.labels, 'int32'), classes), 'float32') as tf.Tensor2D;
    return def.train.loss(KIT, spec, { ...inputs, oneHot });
  });
}
