// The runs of `npm run bench:newer`: each newer loss on the data that shows why it exists (pure data).
import { OPEN_SET_QUERY } from '../../src/params/openSet';
import type { LiveParams } from '../../src/train/config';

export type Setting = 'clean' | 'lowQuality' | 'labelNoise' | 'openSet';

/**
 * Label noise as sub-center ArcFace's paper meets it: pairs of confusable identities (each noisy label
 * goes to the next class) and enough samples that the network does not simply memorise the noise
 * (800 per class). With noise spread over every other class, or 300 per class, the network memorises it
 * under both losses: the uniform runs below report that.
 */
const PAIR_NOISE = 'labelNoise=0.3&noiseKind=pair';

/** The data each setting adds to the default identities (URL keys). */
export const SETTING_QUERY: Record<Setting, string> = {
  clean: '',
  lowQuality: 'lowQuality=0.3',
  labelNoise: `${PAIR_NOISE}&perClass=800`,
  openSet: OPEN_SET_QUERY,
};

export interface NewerRun {
  label: string;
  setting: Setting;
  live: Partial<LiveParams>;
  /** The data, when not the setting's (URL keys). */
  query?: string;
}

const ARC = { loss: 'arcface', m: 0.3 } as const;
const COS = { loss: 'cosface', m: 0.2 } as const;
const MAG = { loss: 'magface' } as const;
const ADA = { loss: 'adaface', m: 0.4, h: 0.333 } as const;
const CUR = { loss: 'curricular', m: 0.3 } as const;
const SUB = { loss: 'subcenter', m: 0.3, K: 3 } as const;
const SF2 = { loss: 'sphereface2', m: 0.4 } as const;
const LSM = { loss: 'lsoftmax', m: 4 } as const;
const SPH = { loss: 'sphereface', m: 4 } as const;

/**
 * MagFace and AdaFace against ArcFace and CosFace on low-quality samples (and clean), CurricularFace,
 * ArcFace and sub-center ArcFace under label noise, SphereFace2 (caps; open set beside ArcFace), L-Softmax beside SphereFace.
 */
export const NEWER_RUNS: NewerRun[] = [
  ...(['clean', 'lowQuality'] as const).flatMap((setting) => [
    { label: 'MagFace', setting, live: MAG },
    { label: 'ArcFace m = 0.3', setting, live: ARC },
    { label: 'CosFace m = 0.2', setting, live: COS },
    { label: 'AdaFace m = 0.4', setting, live: ADA },
  ]),
  { label: 'CurricularFace m = 0.3', setting: 'clean', live: CUR },
  { label: 'ArcFace m = 0.3', setting: 'labelNoise', live: ARC },
  { label: 'Sub-center ArcFace K = 3', setting: 'labelNoise', live: SUB },
  { label: 'ArcFace m = 0.3 (uniform noise)', setting: 'labelNoise', live: ARC, query: 'labelNoise=0.3&perClass=800' },
  { label: 'Sub-center ArcFace K = 3 (uniform noise)', setting: 'labelNoise', live: SUB, query: 'labelNoise=0.3&perClass=800' },
  { label: 'Sub-center ArcFace K = 3', setting: 'clean', live: SUB },
  { label: 'SphereFace2 m = 0.4', setting: 'clean', live: SF2 },
  { label: 'SphereFace2 m = 0.4', setting: 'openSet', live: SF2 },
  { label: 'ArcFace m = 0.3', setting: 'openSet', live: ARC },
  { label: 'L-Softmax m = 4', setting: 'clean', live: LSM },
  { label: 'SphereFace m = 4', setting: 'clean', live: SPH },
];
