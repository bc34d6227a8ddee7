// Training configuration shared by the page and the worker (types and defaults, no tfjs).
import type { ArcFallback, LossKind } from '../losses/types';
import type { DatasetName } from '../data/datasets';

export type BackendChoice = 'auto' | 'webgl' | 'wasm' | 'cpu';
export type BackendName = Exclude<BackendChoice, 'auto'>;
export type OptimizerName = 'adam' | 'sgd';

/** Parameters that need a fresh network and dataset: changing one resets the run. */
export interface StructuralConfig {
  dataset: DatasetName;
  /** Classes C: 2–12 for the toy sets; mnist always has 10. */
  classes: number;
  perClass: number;
  /** Per-sample σ (identities, blobs) or angular jitter (spirals), ≥ 0. */
  noise: number;
  /** Held-out fraction of each class, [0, 0.9]. */
  testFraction: number;
  /** Feature dimension: 2 (circle) or 3 (sphere). */
  dim: 2 | 3;
  /** Hidden width and number of hidden layers of the embedding MLP. */
  hidden: number;
  depth: number;
  seed: number;
  backend: BackendChoice;
  /** Names the uploaded data when dataset is 'custom' (a new upload starts a new run). */
  dataKey?: string;
}

/** Parameters the running training picks up from its next step, without a reset. */
export interface LiveParams {
  loss: LossKind;
  /** Margin: ArcFace radians, CosFace cosine offset, SphereFace integer multiplier. */
  m: number;
  /** Scale of the cosine losses. */
  s: number;
  m1: number;
  m2: number;
  m3: number;
  /** Center loss weight λ and center learning rate α. */
  lambda: number;
  alpha: number;
  /** SphereFace λ annealing (Caffe schedule) on, or λ held at lambdaMin. */
  anneal: boolean;
  lambdaMin: number;
  arcFallback: ArcFallback;
  /** Steps over which margins ramp linearly from 0 (0: no warm-up). */
  warmup: number;
  lr: number;
  /** Steps over which the learning rate decays after each change of these settings (0: constant). */
  decay: number;
  optimizer: OptimizerName;
  batch: number;
  /** Cap on training steps per second; 0 runs as fast as the backend allows. */
  speed: number;
}
