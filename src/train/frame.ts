// What the worker sends the page: one snapshot of the training (types only).
import type { LossSpec } from '../losses/registry';

/** Scalar metrics of a snapshot; angles in radians. */
export interface FrameMetrics {
  trainAccuracy: number;
  testAccuracy: number;
  /** Mean angle of each training feature to its own class weight. */
  meanAngleToWeight: number;
  /** Mean angle of each training feature to its class's mean direction (the intra-class spread). */
  intraClassAngle: number;
  /** The same on the test features, around the test features' own class means. */
  testIntraClassAngle: number;
  /** Angular margin of the test features (θ to the nearest other weight − θ to the own): 5th percentile and median. */
  marginP5: number;
  marginMedian: number;
  /** Smallest angle between two class weights. */
  minWeightAngle: number;
  /**
   * The mean force on the direction of the correctly classified training features: the length of
   * ‖x‖ times the tangent part of −∂ℓ/∂x (losses/forces.ts), scale-free; NaN when none is correct.
   */
  turningForce: number;
  /** Counts over [0, π] in equal bins: θ to the own weight, θ to the nearest other weight. */
  histOwn: Uint32Array;
  histNearest: Uint32Array;
}

/** Open-set verification on the held-out classes' features (every pair scored by cosine). */
export interface VerificationMetrics {
  /** Pair counts per cosine bin over [−1, 1]: same identity, different identities (metrics/verification.ts). */
  same: Float32Array;
  diff: Float32Array;
  nSame: number;
  nDiff: number;
  /** TAR at FAR = 10⁻¹, 10⁻², 10⁻³. */
  tarAtFar1e1: number;
  tarAtFar1e2: number;
  tarAtFar1e3: number;
  eer: number;
  auc: number;
  /** Rank-1 identification with one enrolled sample per held-out class. */
  rank1: number;
  /** Mean angle of the held-out features to their class's mean direction, radians. */
  heldoutSpread: number;
}

/** One snapshot: raw features, classifier parameters and metrics at a training step. */
export interface Frame {
  step: number;
  /** Mean batch loss of the last step (NaN before the first step). */
  loss: number;
  /**
   * The loss as this snapshot was trained and is drawn: the step's spec (the margin warm-up and
   * the λ schedule where the step stood), with the running statistics and the learned b it carried.
   * After the settings change while paused, the spec the next step will train with. Every reader
   * of a frame (view, hover tip, formula, metrics, the picture in words) takes the loss from here,
   * never from the page's current settings: a timeline frame keeps the margin it was trained with.
   */
  spec: LossSpec;
  /** The λ schedule's value at this step (SphereFace's and L-Softmax's, annealed or fixed); NaN for the others. */
  lambda: number;
  /** The loss's running statistics after the last batch, in its definition's order (empty when it keeps none). */
  lossState: number[];
  /** Raw features: training points N×D, test points M×D, row-major. */
  train: Float32Array;
  test: Float32Array;
  /** Features of the held-out classes (empty when none are held out). */
  heldout: Float32Array;
  /** −∂ℓ_i/∂x_i of each training feature under `spec` (N×D, raw: radial part included); empty when the loss names no head. */
  forces: Float32Array;
  /** Verification on the held-out features; absent when none are held out. */
  verification?: VerificationMetrics;
  /** D×C class weights (column j = class j), length-C bias, C×D centers. */
  W: Float32Array;
  bias: Float32Array;
  centers: Float32Array;
  /** Sub-center ArcFace: every sub-centre (D×(C·K), column c·K + k) and each class's dominant k; W is then the dominant ones. */
  subcenters?: { K: number; W: Float32Array; dominant: Int32Array };
  /** SphereFace2's learned b (absent under the other losses). */
  scalarBias?: number;
  metrics: FrameMetrics;
  /** tf.memory().numTensors when the snapshot was taken (flat over a run: no leak). */
  numTensors: number;
}

/** The fixed facts of a run, sent once: labels and sizes. */
export interface RunInfo {
  dim: number;
  numClasses: number;
  trainLabels: Int32Array;
  testLabels: Int32Array;
  /** Labels 0…h−1 of the held-out samples (empty when none), and h. */
  heldoutLabels: Int32Array;
  numHeldout: number;
  inputDim: number;
}

/** A learned tensor by name (layer1.w, …, W, bias, centers), row-major values. */
export interface NamedTensor {
  name: string;
  shape: number[];
  values: Float32Array;
}
