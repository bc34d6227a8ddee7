// Decision regions and margin zones on the circle/sphere (pure numbers; the shader mirrors this).
import type { ArcFallback, LossKind, LossSpec } from '../losses/types';
import { targetLogit } from '../losses/curves';

/** What the regions are drawn from: the loss, its live parameters, and the classifier. */
export interface RegionModel {
  kind: LossKind;
  s: number;
  m: number;
  m1: number;
  m2: number;
  m3: number;
  /** SphereFace's λ now (annealed or fixed). */
  lambda: number;
  fallback: ArcFallback;
  /** ‖x‖ at which softmax/center logits are evaluated (the features' typical norm). */
  featureNorm: number;
  /** ‖w_j‖ and b_j (softmax and center only). */
  weightNorms: ArrayLike<number>;
  bias: ArrayLike<number>;
}

/** The LossSpec whose target logit decides the margin test (softmax and center have none). */
export function marginSpec(r: RegionModel): LossSpec {
  switch (r.kind) {
    case 'softmax':
      return { kind: 'softmax' };
    case 'center':
      return { kind: 'center', lambda: 0 };
    case 'normface':
      return { kind: 'normface', s: r.s };
    case 'cosface':
      return { kind: 'cosface', s: r.s, m: r.m };
    case 'arcface':
      return { kind: 'arcface', s: r.s, m: r.m, fallback: r.fallback };
    case 'combined':
      return { kind: 'combined', s: r.s, m1: r.m1, m2: r.m2, m3: r.m3 };
    case 'sphereface':
      return { kind: 'sphereface', m: Math.max(1, Math.round(r.m)), lambda: r.lambda, s: 1 };
  }
}

/** Whether a loss's regions come from raw logits ‖x‖‖w‖cos θ + b rather than cosines. */
export function usesRawLogits(kind: LossKind): boolean {
  return kind === 'softmax' || kind === 'center';
}

/**
 * The class a direction belongs to and whether it wins *with* the margin: `secure` is false in
 * the margin zone, where a feature of the winning class would still be penalised — its target
 * logit f(θ_y) does not beat the best other logit (ArcFace θ_y + m = θ_j, CosFace cos θ_y − m =
 * cos θ_j, SphereFace (λcos θ_y + ψ(θ_y))/(1+λ) = cos θ_j, combined cos(m1θ_y + m2) − m3 = cos θ_j).
 * `cos[j]` is the cosine between the direction and class weight j.
 */
export function classifyDirection(cos: ArrayLike<number>, r: RegionModel): { winner: number; secure: boolean } {
  const C = cos.length;
  if (usesRawLogits(r.kind)) {
    let winner = 0;
    let best = -Infinity;
    for (let j = 0; j < C; j++) {
      const z = r.featureNorm * (r.weightNorms[j] ?? 1) * (cos[j] as number) + (r.bias[j] ?? 0);
      if (z > best) {
        best = z;
        winner = j;
      }
    }
    return { winner, secure: true };
  }
  let winner = 0;
  for (let j = 1; j < C; j++) if ((cos[j] as number) > (cos[winner] as number)) winner = j;
  let other = -Infinity;
  for (let j = 0; j < C; j++) if (j !== winner) other = Math.max(other, cos[j] as number);
  const spec = marginSpec(r);
  const scale = spec.kind === 'sphereface' ? 1 : r.s;
  const theta = Math.acos(Math.max(-1, Math.min(1, cos[winner] as number)));
  return { winner, secure: C < 2 || targetLogit(spec, theta) > scale * other };
}

/**
 * Angular width (radians) of the margin gap between two classes whose weights are `phi` apart
 * (2-D, only these two classes): φ − 2θ*, where θ* solves f(θ)/scale = cos(φ − θ) for the margin
 * target logit f. 0 for the losses without a margin.
 */
export function marginGapWidth(spec: LossSpec, phi: number): number {
  const scale = spec.kind === 'sphereface' ? spec.s ?? 1 : 's' in spec ? spec.s : 1;
  const excess = (theta: number) => targetLogit(spec, theta) / scale - Math.cos(phi - theta);
  // excess(0) > 0 (the weight itself wins) for any sane margin; it decreases in θ on [0, φ].
  let lo = 0;
  let hi = phi / 2;
  if (excess(hi) >= 0) return 0;
  if (excess(lo) <= 0) return phi;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (excess(mid) > 0) lo = mid;
    else hi = mid;
  }
  return phi - 2 * lo;
}
