// Keeps screen-space labels from overlapping: pushes overlapping boxes apart (pure).

/** A label's centre and half-size in pixels; `x`/`y` are moved in place. */
export interface LabelBox {
  x: number;
  y: number;
  halfW: number;
  halfH: number;
}

/**
 * Separates overlapping boxes by moving each pair apart along the axis of least overlap, half
 * each, for a few passes. Boxes that coincide exactly are split vertically in index order, so the
 * result never depends on iteration noise. Returns the number of overlaps left.
 */
export function separateLabels(boxes: LabelBox[], passes = 6, gap = 2): number {
  let left = 0;
  for (let pass = 0; pass < passes; pass++) {
    left = 0;
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const p = boxes[a]!;
        const q = boxes[b]!;
        const ox = p.halfW + q.halfW + gap - Math.abs(p.x - q.x);
        const oy = p.halfH + q.halfH + gap - Math.abs(p.y - q.y);
        if (ox <= 0 || oy <= 0) continue;
        left++;
        if (ox < oy) {
          const s = p.x < q.x || (p.x === q.x && a < b) ? -1 : 1;
          p.x += (s * ox) / 2;
          q.x -= (s * ox) / 2;
        } else {
          const s = p.y < q.y || (p.y === q.y && a < b) ? -1 : 1;
          p.y += (s * oy) / 2;
          q.y -= (s * oy) / 2;
        }
      }
    }
    if (left === 0) break;
  }
  return left;
}
