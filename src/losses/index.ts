// The loss library: pure TensorFlow.js and plain-number functions, no React, worker or DOM.
export type { ArcFallback, LossInputs, LossKind, LossSpec } from './types';
export { LOSS_KINDS, LOSSES, lossDef } from './registry';
export { computeLoss } from './computeLoss';
export { updateCenters } from './centers';
export {
  CAFFE_LAMBDA,
  COS_CLAMP,
  annealedLambda,
  arcfacePhi,
  clampCos,
  cosfaceMaxMargin,
  cosfaceMinScale,
  idealMinAngle,
  logitScale,
  sphereK,
  spherePsi,
  targetLogit,
} from './curves';
export type { LambdaSchedule } from './curves';
