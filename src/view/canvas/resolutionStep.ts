// The adaptive resolution's rule (pure): a software renderer draws every pixel on the CPU that
// training also needs, so while training the view trades resolution for frame rate.

/** The lowest internal resolution, as a share of the screen's. */
export const MIN_SCALE = 0.5;
/** Keep at least this share of the frame rate the view reaches when nothing trains. */
export const TARGET_SHARE = 0.9;

/**
 * The resolution scale after a one-second window at `fps` frames/s, when `reference` frames/s is
 * what the view reaches paused: 0.1 lower while under 90 % of it (down to half), 0.05 higher
 * with 8 % of room (up to 1), else the same.
 */
export function nextScale(scale: number, fps: number, reference: number): number {
  const target = TARGET_SHARE * reference;
  if (fps < target && scale > MIN_SCALE) return Math.max(MIN_SCALE, Math.round((scale - 0.1) * 100) / 100);
  if (fps > 1.08 * target && scale < 1) return Math.min(1, Math.round((scale + 0.05) * 100) / 100);
  return scale;
}
