// Plain-number logits of any loss, for curves, panels and the view (no tensors): each asks the loss's definition.
import { lossDef } from './registry';
import type { LossSpec } from './types';

export { COS_CLAMP, clampCos } from './cosine';
export { CAFFE_LAMBDA, annealedLambda, type LambdaSchedule } from './lambdaSchedule';
export { arcfacePhi } from './arcface';
export { sphereK, spherePsi } from './sphereface';
export { cosfaceMaxMargin } from './cosface';
export { cosfaceMinScale, idealMinAngle } from './bounds';

/** Scale applied to cosines for a spec: s for the cosine losses, `featureNorm` for softmax/center/SphereFace. */
export function logitScale(spec: LossSpec, featureNorm = 1): number {
  return lossDef(spec.kind).view.scale(spec, featureNorm);
}

/**
 * The target logit as a function of θ ∈ [0, π] (radians) for unit-norm weights, no bias.
 * `featureNorm` is ‖x‖ for the losses without a fixed scale (softmax, center, SphereFace without s).
 * The non-target logits are logitScale(spec)·cos θ_j.
 */
export function targetLogit(spec: LossSpec, theta: number, featureNorm = 1): number {
  return lossDef(spec.kind).view.targetLogit(spec, theta, featureNorm);
}
