// Training configuration shared by the page and the worker (types and defaults, no tfjs).
import type { LiveKey, Params } from '../params/table';
import type { DatasetName } from '../data/types';

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
  /** Identities: dimension of the means' subspace (32: the whole input) and their per-coordinate sd. */
  idDims: number;
  idScale: number;
  /** Classes never trained on, 0–6 (extra identities, or the last classes of the other sets). */
  holdout: number;
  /** Share of training labels reassigned at random, and of samples made low-quality (toy sets; 0–0.5). */
  labelNoise: number;
  /** Where a noisy label goes: any other class, or the next one (c → c + 1: pairs of confusable identities). */
  noiseKind: 'uniform' | 'pair';
  lowQuality: number;
  /** Held-out fraction of each class, [0, 0.9]. */
  testFraction: number;
  /** Feature dimension: 2 (circle) or 3 (sphere) in the app; a sweep also trains 4–32 (measured, not drawn). */
  dim: number;
  /** Hidden width and number of hidden layers of the embedding MLP. */
  hidden: number;
  depth: number;
  seed: number;
  backend: BackendChoice;
  /** Names the uploaded data when dataset is 'custom' (a new upload starts a new run). */
  dataKey?: string;
}

/**
 * Parameters the running training picks up from its next step, without a reset: the live rows of
 * the parameter table (the loss, every loss setting, lr, decay, optimizer, batch, pace).
 */
export type LiveParams = Pick<Params, LiveKey>;

/** Classes trained on: identities add their held-out classes, the other sets hold out their last ones. */
export function trainedClasses(cfg: Pick<StructuralConfig, 'dataset' | 'classes' | 'holdout'>): number {
  return cfg.dataset === 'identities' ? cfg.classes : cfg.classes - cfg.holdout;
}
