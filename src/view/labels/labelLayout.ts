// Keeps screen-space labels apart and inside their panel (pure).

/** A label's centre and half-size in pixels; `x`/`y` are moved in place. A `fixed` box (an arrowhead) is an obstacle: labels move off it, it never moves. */
export interface LabelBox {
  x: number;
  y: number;
  halfW: number;
  halfH: number;
  fixed?: boolean;
}

/** How far two boxes overlap along x and y, with `gap` pixels kept between them (≤ 0: apart). */
function overlap(p: LabelBox, q: LabelBox, gap: number): [number, number] {
  return [p.halfW + q.halfW + gap - Math.abs(p.x - q.x), p.halfH + q.halfH + gap - Math.abs(p.y - q.y)];
}

/**
 * Separates overlapping boxes by moving each pair apart along the axis of least overlap, half
 * each (all of it for a label on a fixed box), for a few passes. Boxes that coincide exactly are
 * split vertically in index order, so the result never depends on iteration noise. Within a
 * `panel`, each move is held inside it. Returns the number of overlaps left.
 */
export function separateLabels(boxes: LabelBox[], passes = 6, gap = 2, panel?: { width: number; height: number }): number {
  let left = 0;
  for (let pass = 0; pass < passes; pass++) {
    left = 0;
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const p = boxes[a]!;
        const q = boxes[b]!;
        if (p.fixed && q.fixed) continue;
        const [ox, oy] = overlap(p, q, gap);
        if (ox <= 0 || oy <= 0) continue;
        left++;
        // Each box's share of the move: a fixed one takes none.
        const sp = p.fixed ? 0 : q.fixed ? 1 : 0.5;
        const sq = 1 - sp;
        if (ox < oy) {
          const s = p.x < q.x || (p.x === q.x && a < b) ? -1 : 1;
          p.x += s * ox * sp;
          q.x -= s * ox * sq;
        } else {
          const s = p.y < q.y || (p.y === q.y && a < b) ? -1 : 1;
          p.y += s * oy * sp;
          q.y -= s * oy * sq;
        }
        // Held inside the panel as they go: a label against an edge leaves the move to the other.
        if (panel) keepInside([p, q], panel.width, panel.height);
      }
    }
    if (left === 0) break;
  }
  return left;
}

/** Moves every label (not the fixed boxes) inside a width × height panel, `margin` pixels from its edges; one wider than the panel is centred. */
export function keepInside(boxes: LabelBox[], width: number, height: number, margin = 2): void {
  const clamp = (v: number, half: number, size: number) =>
    2 * (half + margin) >= size ? size / 2 : Math.min(size - half - margin, Math.max(half + margin, v));
  for (const b of boxes) {
    if (b.fixed) continue;
    b.x = clamp(b.x, b.halfW, width);
    b.y = clamp(b.y, b.halfH, height);
  }
}

/** The labels that still overlap another label (not an obstacle), as pairs of indices. */
export function labelOverlaps(boxes: readonly LabelBox[], gap = 0): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < boxes.length; a++)
    for (let b = a + 1; b < boxes.length; b++) {
      if (boxes[a]!.fixed || boxes[b]!.fixed) continue;
      const [ox, oy] = overlap(boxes[a]!, boxes[b]!, gap);
      if (ox > 0 && oy > 0) out.push([a, b]);
    }
  return out;
}

/**
 * Lays labels out in a panel: inside it, then apart from each other and off the obstacles, every
 * move held inside (a label pushed against an edge leaves the room to its neighbour); a label that
 * cannot also stay off the arrowheads gives way on those. Returns how many pairs of labels still
 * overlap.
 */
export function layoutLabels(boxes: LabelBox[], width: number, height: number): number {
  const panel = { width, height };
  keepInside(boxes, width, height);
  separateLabels(boxes, 40, 2, panel);
  // Where a label cannot be off both an arrowhead and its neighbours, its neighbours come first.
  const labels = boxes.filter((b) => !b.fixed);
  if (labelOverlaps(labels, 2).length > 0) separateLabels(labels, 40, 2, panel);
  return labelOverlaps(labels).length;
}
