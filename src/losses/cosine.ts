// Plain-number cosine helpers every loss shares.

/** Cosines are clamped to ±COS_CLAMP before acos or √(1−c²): float32 rounding can pass ±1. */
export const COS_CLAMP = 1 - 1e-5;

/** Clamp a cosine into [−COS_CLAMP, COS_CLAMP]. */
export function clampCos(c: number): number {
  return Math.min(COS_CLAMP, Math.max(-COS_CLAMP, c));
}

/** √(1 − c²) on the clamped cosine and its derivative in c (zero where the clamp holds, as tfjs's clip gives). */
export function sinAndSlope(c: number): readonly [sin: number, dSinDc: number] {
  const cc = clampCos(c);
  const sin = Math.sqrt(1 - cc * cc);
  return [sin, Math.abs(c) < COS_CLAMP ? -cc / sin : 0];
}
