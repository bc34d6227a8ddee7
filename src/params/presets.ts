// Presets: each is just a query string (what "Copy link" would give for that state).

export interface Preset {
  id: string;
  group: string;
  label: string;
  query: string;
}

/**
 * Toy-scale settings that show each paper's picture within a minute on a 2-core laptop. The
 * papers' s = 64 and m = 0.5 train poorly with 2-D/3-D features (see README, "Presets").
 */
export const PRESETS: readonly Preset[] = [
  { id: 'arc-fig3-softmax', group: 'ArcFace Fig. 3 (8 classes, 2-D)', label: 'Softmax', query: 'v=1&loss=softmax&dim=2&classes=8&noise=0.12&projection=raw&show=weights,regions' },
  { id: 'arc-fig3-arcface', group: 'ArcFace Fig. 3 (8 classes, 2-D)', label: 'ArcFace m = 0.3', query: 'v=1&loss=arcface&m=0.3&s=16&dim=2&classes=8&noise=0.12&warmup=300' },
  { id: 'cos-fig4-m0', group: 'CosFace Fig. 4 (8 classes, 2-D)', label: 'm = 0 (NormFace)', query: 'v=1&loss=cosface&m=0&s=16&dim=2&classes=8&noise=0.12' },
  { id: 'cos-fig4-m01', group: 'CosFace Fig. 4 (8 classes, 2-D)', label: 'm = 0.1', query: 'v=1&loss=cosface&m=0.1&s=16&dim=2&classes=8&noise=0.12' },
  { id: 'cos-fig4-m02', group: 'CosFace Fig. 4 (8 classes, 2-D)', label: 'm = 0.2', query: 'v=1&loss=cosface&m=0.2&s=16&dim=2&classes=8&noise=0.12' },
  ...[1, 2, 3, 4].map((m) => ({
    id: `sphere-m${m}`,
    group: 'SphereFace (3-D, λ annealed)',
    label: `m = ${m}`,
    query: `v=1&loss=sphereface&m=${m}&dim=3&classes=6&noise=0.15&projection=raw`,
  })),
  ...[1, 2, 4, 7, 11].map((s) => ({
    id: `norm-s${s}`,
    group: 'NormFace scale sweep (3-D)',
    label: `s = ${s}`,
    query: `v=1&loss=normface&s=${s}&dim=3&classes=6&noise=0.15`,
  })),
  ...[0, 0.01, 0.1, 1].map((lambda) => ({
    id: `center-l${lambda}`,
    group: 'Center loss λ sweep (2-D, raw)',
    label: `λ = ${lambda}`,
    query: `v=1&loss=center&lambda=${lambda}&dim=2&classes=8&noise=0.12&projection=raw&show=weights,regions,centers`,
  })),
  { id: 'mnist-softmax', group: 'MNIST digits (3-D features)', label: 'Softmax', query: 'v=1&loss=softmax&dataset=mnist&hidden=128&lr=0.003&projection=raw' },
  { id: 'mnist-arcface', group: 'MNIST digits (3-D features)', label: 'ArcFace m = 0.3', query: 'v=1&loss=arcface&m=0.3&s=16&dataset=mnist&hidden=128&lr=0.003&warmup=500' },
];
