// Every loss at its defaults and the variants whose gradient takes a path of its own, with random
// head inputs for each: what the tests of the forces, the probe and the landscape run over.
import { createRng } from '../../data/rng';
import { lossDef, LOSS_KINDS, type LossSpec } from '../registry';
import { headReads } from '../runHead';
import { defaultSpecOf } from '../../params/defaultSpec';

/** Every loss at its defaults, and the variants whose gradient takes a path of its own. */
export const SPECS: LossSpec[] = [
  ...LOSS_KINDS.map((k) => defaultSpecOf(k, 5)),
  { kind: 'arcface', s: 16, m: 1.1, fallback: 'insightface' },
  { kind: 'arcface', s: 10, m: 0.4, fallback: 'easy' },
  { kind: 'arcface', s: 10, m: 0.4, gradient: 'detached' },
  { kind: 'sphereface', m: 3, lambda: 0, s: 6 },
  { kind: 'adaface', s: 10, m: 0.6, h: 1, batchMean: 0.5, batchStd: 0.3, alpha: 0.01 },
  { kind: 'curricular', s: 16, m: 0.3, t: 0.6 },
  { kind: 'magface', s: 16, la: 2, ua: 4, lm: 0.2, um: 0.9, lambdaG: 3 },
  { kind: 'subcenter', K: 2, s: 16, m: 0.5, fallback: 'insightface' },
  { kind: 'sphereface2', alpha: 0.7, r: 15, m: 0.4, t: 3, lw: 50, gradient: 'exact' },
];

/** N random raw features of labels i mod C, a random W (D×C·K), the bias and centres the head reads. */
export function inputs(spec: LossSpec, N: number, D: number, C: number) {
  const head = lossDef(spec.kind).fused(spec);
  if (head.kind === 'none') throw new Error(head.why);
  const K = head.kind === 'cosine' ? (head.K ?? 1) : 1;
  const reads = headReads(head);
  const rng = createRng(N * 31 + D);
  const x = Float32Array.from({ length: N * D }, () => rng.normal() * 2);
  const W = Float32Array.from({ length: D * C * K }, () => rng.normal());
  const labels = Int32Array.from({ length: N }, (_, i) => i % C);
  const bias = !reads.bias
    ? undefined
    : head.kind === 'binary'
      ? Float32Array.of(lossDef(spec.kind).train.scalarBias?.initial(spec, C) ?? 0)
      : Float32Array.from({ length: C }, (_, j) => 0.3 * Math.sin(j));
  const centers = reads.centers ? Float32Array.from({ length: C * D }, (_, k) => Math.sin(k)) : undefined;
  return { x, W, labels, D, bias, centers };
}
