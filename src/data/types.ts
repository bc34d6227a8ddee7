// The data layer's types: point sets, datasets and the toy generators' parameters (no code but the names).

/** A labelled point set: `x` is n×dim row-major, `y` the class ids 0…C−1. */
export interface Split {
  x: Float32Array;
  y: Int32Array;
  n: number;
}

/** A dataset ready to train on: input dimension, class count and the two splits. */
export interface Dataset {
  name: DatasetName;
  inputDim: number;
  numClasses: number;
  train: Split;
  test: Split;
  /** Classes never trained on (the open-set lesson), labelled 0…h−1; absent when none are held out. */
  heldout?: Split;
  /** Training samples whose label was reassigned (label noise), 1 per noisy sample. */
  noisy?: Uint8Array;
  /** Low-quality samples (much larger noise), 1 per such sample, per split. */
  lowQuality?: { train: Uint8Array; test: Uint8Array };
}

/** The datasets; 'custom' is data the user uploaded, which a link cannot carry. */
export const DATASET_NAMES = ['identities', 'blobs', 'spirals', 'mnist', 'custom'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/** Parameters of the toy datasets: C classes (2–12), samples per class, noise (≥ 0), test fraction [0, 0.9]. */
export interface ToyParams {
  classes: number;
  perClass: number;
  noise: number;
  testFraction: number;
  seed: number;
  /** Identities only: dimension of the subspace the class means span (default: the whole input) and their scale (default 1). */
  idDims?: number;
  idScale?: number;
  /** Classes held out of training (default 0): extra identities, or the last classes of the other sets. */
  holdout?: number;
  /** Share of training labels reassigned at random (0–0.5), and of samples made low-quality (0–0.5). */
  labelNoise?: number;
  noiseKind?: 'uniform' | 'pair';
  lowQuality?: number;
}
