import type * as tf from '@tensorflow/tfjs-core';

export type { ArcFallback } from './arcface';
export type { LossKind, LossSpec } from './registry';

/** What computeLoss takes: raw features and weights, labels, and the bias and centres where a loss uses them. */
export interface LossInputs {
  x: tf.Tensor2D; // N×D raw features, not normalised
  W: tf.Tensor2D; // D×C raw class weights, column j = class j (sub-centre ArcFace: D×(C·K), column c·K + k)
  labels: tf.Tensor1D; // int32 class ids
  bias?: tf.Tensor1D; // length C: softmax and center; length 1: SphereFace2's b
  centers?: tf.Tensor2D; // C×D: center
}
