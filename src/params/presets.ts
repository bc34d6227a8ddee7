// Presets: each is just a query string (what "Copy link" would give for that state).
import { OPEN_SET_QUERY } from './openSet';
import type { ParamKey, Params } from './table';
import { decodeParams } from './urlCodec';

export interface Preset {
  id: string;
  group: string;
  label: string;
  query: string;
}

/**
 * Toy-scale settings on the default data (8 Gaussian identities in 32-D, see docs/measured.md "The lesson,
 * measured"), paced so the audience can watch. The papers' s = 64 and m = 0.5 are for 512-D face
 * features and train poorly with 2-D/3-D features; s = 10 and m ≈ 0.1–0.4 are measured here.
 */
export const PRESETS: readonly Preset[] = [
  {
    id: 'arc-fig3-softmax',
    group: 'ArcFace Fig. 3 (8 classes, 2-D)',
    label: 'Softmax',
    query: 'v=2&loss=softmax&dim=2&projection=raw&show=weights,regions',
  },
  { id: 'arc-fig3-arcface', group: 'ArcFace Fig. 3 (8 classes, 2-D)', label: 'ArcFace m = 0.3', query: 'v=2&loss=arcface&m=0.3&dim=2' },
  { id: 'cos-fig4-m0', group: 'CosFace Fig. 4 (8 classes, 2-D)', label: 'm = 0 (NormFace)', query: 'v=2&loss=cosface&m=0&dim=2' },
  { id: 'cos-fig4-m01', group: 'CosFace Fig. 4 (8 classes, 2-D)', label: 'm = 0.1', query: 'v=2&loss=cosface&m=0.1&dim=2' },
  { id: 'cos-fig4-m02', group: 'CosFace Fig. 4 (8 classes, 2-D)', label: 'm = 0.2', query: 'v=2&loss=cosface&m=0.2&dim=2' },
  ...[1, 2, 3, 4].map((m) => ({
    id: `sphere-m${m}`,
    group: 'SphereFace (3-D, λ annealed)',
    label: `m = ${m}`,
    query: `v=2&loss=sphereface&m=${m}&projection=raw`,
  })),
  ...[1, 2, 4, 7, 11].map((s) => ({
    id: `norm-s${s}`,
    group: 'NormFace scale sweep (3-D)',
    label: `s = ${s}`,
    query: `v=2&loss=normface&s=${s}`,
  })),
  ...[0, 0.01, 0.1, 1].map((lambda) => ({
    id: `center-l${lambda}`,
    group: 'Center loss λ sweep (2-D, raw)',
    label: `λ = ${lambda}`,
    query: `v=2&loss=center&lambda=${lambda}&dim=2&projection=raw&show=weights,regions,centers`,
  })),
  // The papers' sweeps, side by side: compare mode (same data, initialisation and batches).
  {
    id: 'cmp-arc-fig3',
    group: 'Side by side (compare mode)',
    label: 'ArcFace Fig. 3: softmax vs ArcFace (2-D)',
    query: 'v=2&dim=2&compare=softmax,arcface:m=0.3',
  },
  {
    id: 'cmp-cos-fig4',
    group: 'Side by side (compare mode)',
    label: 'CosFace Fig. 4: m = 0, 0.1, 0.2 (2-D)',
    query: 'v=2&dim=2&compare=cosface:m=0,cosface:m=0.1,cosface:m=0.2',
  },
  {
    id: 'cmp-sphere',
    group: 'Side by side (compare mode)',
    label: 'SphereFace m = 1, 2, 3, 4 (3-D)',
    query: 'v=2&projection=raw&compare=sphereface:m=1,sphereface:m=2,sphereface:m=3,sphereface:m=4',
  },
  {
    id: 'cmp-norm-s',
    group: 'Side by side (compare mode)',
    label: 'NormFace s = 1, 2, 4, 7, 11 (3-D)',
    query: 'v=2&compare=normface:s=1,normface:s=2,normface:s=4,normface:s=7,normface:s=11',
  },
  {
    id: 'cmp-center',
    group: 'Side by side (compare mode)',
    label: 'Center loss λ = 0, 0.01, 0.1, 1 (2-D, raw)',
    query:
      'v=2&dim=2&projection=raw&show=weights,regions,centers&compare=center:lambda=0,center:lambda=0.01,center:lambda=0.1,center:lambda=1',
  },
  {
    id: 'cmp-four',
    group: 'Side by side (compare mode)',
    label: 'Softmax, NormFace, CosFace, ArcFace (3-D)',
    query: 'v=2&compare=softmax,normface,cosface,arcface',
  },
  // The open-set lesson: identities that generalise, four held out (src/params/openSet.ts).
  {
    id: 'open-arcface',
    group: 'Open set: identities never trained on',
    label: 'ArcFace m = 0.3, 4 held out (3-D)',
    query: `v=2&${OPEN_SET_QUERY}&loss=arcface&m=0.3`,
  },
  {
    id: 'open-losses',
    group: 'Open set: identities never trained on',
    label: 'Open set: softmax vs NormFace vs ArcFace (3-D)',
    query: `v=2&${OPEN_SET_QUERY}&compare=softmax,normface,arcface:m=0.3`,
  },
  {
    id: 'open-arc-sweep',
    group: 'Open set: identities never trained on',
    label: 'Open set: ArcFace m = 0, 0.2, 0.4, 0.6 (3-D)',
    query: `v=2&${OPEN_SET_QUERY}&compare=arcface:m=0,arcface:m=0.2,arcface:m=0.4,arcface:m=0.6`,
  },
  // After ArcFace, each on the data that shows why it exists (docs/measured.md, "After ArcFace, measured").
  {
    id: 'after-magface',
    group: 'After ArcFace (3-D)',
    label: 'MagFace on blurred samples (raw: radius = quality)',
    query: 'v=2&loss=magface&lowQuality=0.3&projection=raw&show=weights,regions,test',
  },
  {
    id: 'after-adaface',
    group: 'After ArcFace (3-D)',
    label: 'AdaFace m = 0.4 on blurred samples',
    query: 'v=2&loss=adaface&m=0.4&lowQuality=0.3',
  },
  {
    id: 'after-curricular',
    group: 'After ArcFace (3-D)',
    label: 'CurricularFace m = 0.3 (watch t in Angles)',
    query: 'v=2&loss=curricular&m=0.3',
  },
  {
    id: 'after-lsoftmax',
    group: 'After ArcFace (3-D)',
    label: 'L-Softmax m = 4 (raw: weight norms skew the sectors)',
    query: 'v=2&loss=lsoftmax&m=4&projection=raw&show=weights,regions,test',
  },
  {
    id: 'after-subcenter',
    group: 'After ArcFace (3-D)',
    label: 'Sub-center ArcFace K = 3 on 30 % noisy labels (confusable pairs)',
    query: 'v=2&loss=subcenter&K=3&m=0.3&labelNoise=0.3&noiseKind=pair&perClass=800',
  },
  {
    id: 'after-sphereface2',
    group: 'After ArcFace (3-D)',
    label: 'SphereFace2: each class its own cap (grey: nobody’s)',
    query: 'v=2&loss=sphereface2&m=0.4&r=15',
  },
  {
    id: 'after-sphereface2-open',
    group: 'After ArcFace (3-D)',
    label: 'SphereFace2 on faces never seen (open set)',
    query: `v=2&loss=sphereface2&m=0.4&r=15&${OPEN_SET_QUERY}`,
  },
  {
    id: 'cmp-after-all',
    group: 'Side by side (compare mode)',
    label: 'After ArcFace: all six (3-D)',
    query: 'v=2&compare=lsoftmax:m=4,subcenter:K=3,magface,adaface:m=0.4,curricular:m=0.3,sphereface2:m=0.4',
  },
  {
    id: 'cmp-after-noise',
    group: 'Side by side (compare mode)',
    label: 'Noisy labels: ArcFace vs sub-center ArcFace (3-D)',
    query: 'v=2&labelNoise=0.3&noiseKind=pair&perClass=800&compare=arcface:m=0.3,subcenter:K=3:m=0.3',
  },
  {
    id: 'cmp-after',
    group: 'Side by side (compare mode)',
    label: 'Blurred samples: ArcFace, MagFace, AdaFace (3-D)',
    query: 'v=2&lowQuality=0.3&compare=arcface,magface,adaface:m=0.4',
  },
  // Sweeps: each value trained from scratch over 3 seeds, in a worker beside the main run (the sweep panel).
  {
    id: 'sweep-arcface-m',
    group: 'Sweeps: the papers’ tables, live',
    label: 'ArcFace: m from 0 to 0.6 (closed set)',
    query: 'v=2&loss=arcface&sweep=m:0,0.1,0.2,0.3,0.4,0.5,0.6',
  },
  {
    id: 'sweep-arcface-m-open',
    group: 'Sweeps: the papers’ tables, live',
    label: 'ArcFace: m from 0 to 0.6 (open set: identities never trained on)',
    query: `v=2&${OPEN_SET_QUERY}&loss=arcface&sweep=m:0,0.1,0.2,0.3,0.4,0.5,0.6`,
  },
  {
    id: 'sweep-normface-s',
    group: 'Sweeps: the papers’ tables, live',
    label: 'NormFace: s from 1 to 32',
    query: 'v=2&loss=normface&sweep=s:1,2,4,8,16,32',
  },
  {
    id: 'sweep-cosface-fig4',
    group: 'Sweeps: the papers’ tables, live',
    label: 'CosFace: m from 0 to 0.25 on 8 identities in 2-D (under its bound 0.29)',
    query: 'v=2&loss=cosface&dim=2&classes=8&sweep=m:0,0.05,0.1,0.15,0.2,0.25',
  },
  {
    id: 'sweep-dim-softmax',
    group: 'Sweeps: the papers’ tables, live',
    label: 'Why 512-D: unseen identities against the embedding dimension (softmax)',
    query: `v=2&${OPEN_SET_QUERY}&loss=softmax&sweep=dim:2,3,4,8,16,32`,
  },
  {
    id: 'sweep-dim-arcface',
    group: 'Sweeps: the papers’ tables, live',
    label: 'Why 512-D: unseen identities against the embedding dimension (ArcFace m = 0.3)',
    query: `v=2&${OPEN_SET_QUERY}&loss=arcface&m=0.3&sweep=dim:2,3,4,8,16,32`,
  },
  {
    id: 'mnist-softmax',
    group: 'MNIST digits (3-D features)',
    label: 'Softmax',
    query: 'v=2&loss=softmax&dataset=mnist&testFraction=0.2&speed=0&projection=raw',
  },
  {
    id: 'mnist-arcface',
    group: 'MNIST digits (3-D features)',
    label: 'ArcFace m = 0.3',
    query: 'v=2&loss=arcface&m=0.3&dataset=mnist&testFraction=0.2&speed=0&warmup=300',
  },
];

/** The preset with this id, if any. */
export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** Whether `params` already show what the preset sets: every key its query names has the preset's value. */
export function presetApplied(params: Params, preset: Preset): boolean {
  const wanted = decodeParams(preset.query).params;
  const keys = [...new URLSearchParams(preset.query).keys()].filter((k) => k !== 'v' && k in wanted) as ParamKey[];
  return keys.every((k) => JSON.stringify(params[k]) === JSON.stringify(wanted[k]));
}
