import type * as tf from '@tensorflow/tfjs-core';

/** ArcFace's handling of θ_y + m > π (see docs/losses.md). */
export type ArcFallback = 'insightface' | 'easy' | 'none';

/** Which loss to compute and its hyper-parameters. Margins of ArcFace/combined are radians. */
export type LossSpec =
  | { kind: 'softmax' }
  | { kind: 'center'; lambda: number; normalize?: boolean; includeSoftmax?: boolean } // defaults: false, true
  | { kind: 'normface'; s: number }
  | { kind: 'cosface'; s: number; m: number }
  | {
      kind: 'arcface';
      s: number;
      m: number;
      fallback?: ArcFallback; // default 'insightface'
      gradient?: 'exact' | 'detached'; // default 'exact'
    }
  | { kind: 'combined'; s: number; m1: number; m2: number; m3: number }
  | { kind: 'sphereface'; m: number; lambda: number; s?: number }; // no s: the feature norm is the scale

export type LossKind = LossSpec['kind'];

export const LOSS_KINDS: readonly LossKind[] = [
  'softmax',
  'center',
  'normface',
  'sphereface',
  'cosface',
  'arcface',
  'combined',
] as const;

export interface LossInputs {
  x: tf.Tensor2D; // N×D raw features, not normalised
  W: tf.Tensor2D; // D×C raw class weights, column j = class j
  labels: tf.Tensor1D; // int32 class ids
  bias?: tf.Tensor1D; // length C: softmax and center
  centers?: tf.Tensor2D; // C×D: center
}
