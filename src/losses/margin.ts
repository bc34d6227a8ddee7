// The one rule that puts m into a loss's range (SphereFace's whole-number m is rounded here only).
import type { MarginRange } from './definition';

/** m moved into `range`: rounded first when the range is of whole numbers, then clamped. */
export function fitMargin(range: MarginRange, m: number): number {
  const v = range.integer ? Math.round(m) : m;
  return Math.min(range.max, Math.max(range.min, v));
}
