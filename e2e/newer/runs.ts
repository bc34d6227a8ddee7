// The runs of `npm run bench:newer`: each newer loss on the data that shows why it exists (pure data).
import type { LiveParams } from '../../src/train/config';

export type Setting = 'clean' | 'lowQuality' | 'labelNoise';

/** The data each setting adds to the default identities (URL keys). */
export const SETTING_QUERY: Record<Setting, string> = { clean: '', lowQuality: 'lowQuality=0.3', labelNoise: 'labelNoise=0.3' };

export interface NewerRun {
  label: string;
  setting: Setting;
  live: Partial<LiveParams>;
}

const ARC = { loss: 'arcface', m: 0.3 } as const;
const COS = { loss: 'cosface', m: 0.2 } as const;
const MAG = { loss: 'magface' } as const;
const ADA = { loss: 'adaface', m: 0.4, h: 0.333 } as const;
const CUR = { loss: 'curricular', m: 0.3 } as const;

/** MagFace and AdaFace against ArcFace and CosFace on low-quality samples (and clean), CurricularFace, ArcFace under label noise. */
export const NEWER_RUNS: NewerRun[] = [
  ...(['clean', 'lowQuality'] as const).flatMap((setting) => [
    { label: 'MagFace', setting, live: MAG },
    { label: 'ArcFace m = 0.3', setting, live: ARC },
    { label: 'CosFace m = 0.2', setting, live: COS },
    { label: 'AdaFace m = 0.4', setting, live: ADA },
  ]),
  { label: 'CurricularFace m = 0.3', setting: 'clean', live: CUR },
  { label: 'ArcFace m = 0.3', setting: 'labelNoise', live: ARC },
];
