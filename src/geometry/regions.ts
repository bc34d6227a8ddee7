// Decision regions and margin zones on the circle/sphere (pure numbers; the shader mirrors this).
import { lossDef, type LossSpec } from '../losses/registry';

/** What the regions are drawn from: the loss's spec now, and the classifier. */
export interface RegionModel {
  /** The spec at this step (warm-up and λ schedule applied). */
  spec: LossSpec;
  /** ‖x‖ at which raw logits are evaluated (the features' typical norm). */
  featureNorm: number;
  /** ‖w_j‖ and b_j (the raw-logit losses only). */
  weightNorms: ArrayLike<number>;
  bias: ArrayLike<number>;
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
  const def = lossDef(r.spec.kind);
  if (def.train.rawLogits) {
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
  // One-vs-all (SphereFace2): the winner holds the direction only inside its own cap.
  if (def.view.capCos) return { winner, secure: (cos[winner] as number) > def.view.capCos(r.spec, C) };
  let other = -Infinity;
  for (let j = 0; j < C; j++) if (j !== winner) other = Math.max(other, cos[j] as number);
  // At the features' typical norm (a loss whose scale is the norm compares the same either way;
  // MagFace's margin depends on it).
  const theta = Math.acos(Math.max(-1, Math.min(1, cos[winner] as number)));
  return { winner, secure: C < 2 || def.view.targetLogit(r.spec, theta, r.featureNorm) > def.view.scale(r.spec, r.featureNorm) * other };
}

/**
 * Angular width (radians) of the margin gap between two classes whose weights are `phi` apart
 * (2-D, only these two classes): φ − 2θ*, where θ* solves f(θ)/scale = cos(φ − θ) for the margin
 * target logit f. 0 for the losses without a margin.
 */
export function marginGapWidth(spec: LossSpec, phi: number): number {
  const def = lossDef(spec.kind);
  const scale = def.view.scale(spec, 1);
  const excess = (theta: number) => def.view.targetLogit(spec, theta, 1) / scale - Math.cos(phi - theta);
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
