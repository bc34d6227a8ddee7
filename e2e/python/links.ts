// The links the Python tests check (python/tests): data parity, step parity and whole notebooks.

/** Data parity: the default, the open set with held-out identities and label noise, 2-D, low quality. */
export const DATA_LINKS: Record<string, string> = {
  default: '',
  'open-set-noisy': 'holdout=3&labelNoise=0.2&noiseKind=pair',
  'spirals-2d': 'dataset=spirals&dim=2&classes=5&holdout=1',
  'blobs-2d': 'dataset=blobs&dim=2&classes=6&noise=0.3',
  'low-quality': 'lowQuality=0.3&idDims=8&labelNoise=0.1',
};

/** Step parity: softmax 2-D, ArcFace 3-D open set, SphereFace, AdaFace. */
export const STEP_LINKS: Record<string, string> = {
  'softmax-2d': 'loss=softmax&dim=2',
  'arcface-open-set': 'loss=arcface&holdout=3',
  sphereface: 'loss=sphereface',
  adaface: 'loss=adaface&lowQuality=0.3',
};

/** Whole notebooks, run headless to NOTEBOOK_STEPS. */
export const NOTEBOOK_LINKS: Record<string, string> = {
  default: '',
  'softmax-2d': 'loss=softmax&dim=2',
};

export const STEP_PARITY_STEPS = 50;
/** The Node Trainer's losses are kept this long: the report gives the step at which the runs first part by 1 %. */
export const REPORT_STEPS = 1000;
export const NOTEBOOK_STEPS = 1000;

/** Every loss's exported script runs this many steps beside the Node Trainer. */
export const EVERY_LOSS_STEPS = 20;
