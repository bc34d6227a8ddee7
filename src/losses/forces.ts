// The force each loss puts on each feature: −∂ℓ_i/∂x_i, from the head training runs (plain numbers,
// so the worker's snapshot and the tests call the same code), and its part that turns the feature.
import { lossDef, type LossSpec } from './registry';
import { headClasses, headReads, runHead } from './runHead';

/** What a snapshot's forces read: raw features (N×D), W as the loss reads it (D×columns), labels; the bias and centres where the loss uses them. */
export interface ForceInputs {
  x: ArrayLike<number>;
  W: ArrayLike<number>;
  labels: ArrayLike<number>;
  D: number;
  /** The class bias (raw logits), or SphereFace2's one b. */
  bias?: ArrayLike<number>;
  /** Center loss's centres, C×D. */
  centers?: ArrayLike<number>;
}

/**
 * −∂ℓ_i/∂x_i for every feature, N×D: each sample's own loss ℓ_i (the batch mean is ℓ/N, so −N·∂L/∂x_i),
 * under the spec's fused head with its clamps, branches and gradient mode: the gradient training sees.
 * Running statistics (AdaFace's, CurricularFace's t) and SphereFace2's b are the spec's and inputs'.
 */
export function featureForces(spec: LossSpec, { x, W, labels, D, bias, centers }: ForceInputs): Float32Array {
  const head = lossDef(spec.kind).fused(spec);
  if (head.kind === 'none') throw new Error(`${spec.kind} has no head to take forces from: ${head.why}`);
  const N = labels.length;
  const reads = headReads(head);
  if (reads.bias && !bias) throw new Error(`${spec.kind}'s forces need its bias`);
  if (reads.centers && !centers) throw new Error(`${spec.kind}'s forces need its centres`);
  const dx = new Float32Array(N * D);
  const out = { dx, ...(reads.bias ? { db: new Float32Array(bias!.length) } : {}) };
  runHead(
    head,
    { x, W, labels, ...(reads.bias ? { bias } : {}), ...(reads.centers ? { centers } : {}) },
    { N, D, C: headClasses(head, W.length / D) },
    out,
  );
  for (let k = 0; k < dx.length; k++) dx[k]! *= -N;
  return dx;
}

/**
 * The force on each feature's direction: ‖x‖ times the force's part in the tangent plane at x̂,
 * which is −∂ℓ/∂x̂ with the norm held (scale-free: what turns a feature on the sphere). The radial
 * part, which grows or shrinks ‖x‖, is dropped. A zero feature has none.
 */
export function tangentForces(x: ArrayLike<number>, force: ArrayLike<number>, D: number): Float32Array {
  const out = new Float32Array(force.length);
  for (let i = 0; i < force.length / D; i++) {
    let xx = 0;
    let fx = 0;
    for (let d = 0; d < D; d++) {
      xx += (x[i * D + d] as number) ** 2;
      fx += (x[i * D + d] as number) * (force[i * D + d] as number);
    }
    if (xx === 0) continue;
    const norm = Math.sqrt(xx);
    for (let d = 0; d < D; d++) out[i * D + d] = norm * ((force[i * D + d] as number) - (fx / xx) * (x[i * D + d] as number));
  }
  return out;
}

/** The mean length of the rows of an N×D array over the rows `which` keeps (NaN for none). */
export function meanLength(v: ArrayLike<number>, D: number, which: (i: number) => boolean): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < v.length / D; i++) {
    if (!which(i)) continue;
    let s = 0;
    for (let d = 0; d < D; d++) s += (v[i * D + d] as number) ** 2;
    sum += Math.sqrt(s);
    n++;
  }
  return n ? sum / n : NaN;
}
