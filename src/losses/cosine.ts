// Plain-number cosine helpers every loss shares.

/** Cosines are clamped to ±COS_CLAMP before acos or √(1−c²): float32 rounding can pass ±1. */
export const COS_CLAMP = 1 - 1e-5;

/** Clamp a cosine into [−COS_CLAMP, COS_CLAMP]. */
export function clampCos(c: number): number {
  return Math.min(COS_CLAMP, Math.max(-COS_CLAMP, c));
}
