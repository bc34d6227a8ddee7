// SphereFace's λ annealing (Caffe code): the blend of softmax into the margin target, eased out.

/** The λ annealing schedule of SphereFace's Caffe code, λ(it) = max(λ_min, base·(1+γ·it)^(−power)). */
export interface LambdaSchedule {
  base: number;
  gamma: number;
  power: number;
  lambdaMin: number;
}

/** Caffe defaults: base 1000, γ 0.12, power 1, λ_min 5 (λ(1) ≈ 893, λ_min reached at it ≈ 1659). */
export const CAFFE_LAMBDA: LambdaSchedule = { base: 1000, gamma: 0.12, power: 1, lambdaMin: 5 };

/** λ at iteration `it` (≥ 0) of the annealing schedule. */
export function annealedLambda(it: number, schedule: LambdaSchedule = CAFFE_LAMBDA): number {
  const { base, gamma, power, lambdaMin } = schedule;
  return Math.max(lambdaMin, base * Math.pow(1 + gamma * Math.max(0, it), -power));
}
