// Where the tour's cue points, from the view's state (pure: no three.js).
import type { ViewState } from '../frame/viewState';

/** What the tour's cue points at, on class 1. */
export type CueAnchor =
  /** The tip of class 1's weight arrow. */
  | 'weight'
  /** Class 1's centre (center loss). */
  | 'center'
  /** Class 1's cluster, at its mean direction. */
  | 'cluster'
  /** The boundary between class 1 and its nearest neighbour, where the margin zone lies. */
  | 'boundary'
  /** The first held-out class's cluster (never trained on), at its mean direction. */
  | 'heldout';

type Point = [number, number, number];

/** The view position of `anchor` for class 1 (index 0), or null before the first frame. */
export function cueAnchorPoint(
  vs: Pick<ViewState, 'wDirs' | 'centers' | 'means' | 'heldoutMeans' | 'radius'>,
  anchor: CueAnchor,
): Point | null {
  const C = vs.wDirs.length / 3;
  if (C < 1) return null;
  const at = (a: ArrayLike<number>, j: number): Point => [a[3 * j] as number, a[3 * j + 1] as number, a[3 * j + 2] as number];
  const scaled = (v: Point, r: number): Point => {
    const n = Math.hypot(...v) || 1;
    return [(v[0] * r) / n, (v[1] * r) / n, (v[2] * r) / n];
  };
  const w0 = at(vs.wDirs, 0);
  switch (anchor) {
    case 'weight':
      return scaled(w0, vs.radius);
    case 'center':
      return vs.centers.length >= 3 ? at(vs.centers, 0) : null;
    case 'cluster':
      return vs.means.length >= 3 ? scaled(at(vs.means, 0), vs.radius) : null;
    case 'heldout':
      return vs.heldoutMeans.length >= 3 ? scaled(at(vs.heldoutMeans, 0), vs.radius) : null;
    case 'boundary': {
      if (C < 2) return null;
      let best = 1;
      let bestDot = -Infinity;
      for (let j = 1; j < C; j++) {
        const w = at(vs.wDirs, j);
        const dot = w0[0] * w[0] + w0[1] * w[1] + w0[2] * w[2];
        if (dot > bestDot) {
          bestDot = dot;
          best = j;
        }
      }
      const wk = at(vs.wDirs, best);
      return scaled([w0[0] + wk[0], w0[1] + wk[1], w0[2] + wk[2]], vs.radius);
    }
  }
}
