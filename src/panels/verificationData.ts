// What the verification panel draws, from a frame's pair histograms (pure).
import { acceptedAt, roc, type PairHistogram } from '../metrics/verification';

/** Angle bins of the panel's histogram over [0°, 180°]. */
export const ANGLE_BINS = 90;
/** The ROC's FAR axis starts here (a log axis cannot hold 0). */
export const MIN_FAR = 1e-4;

/**
 * Same- and different-identity pairs per angle bin, each as a share of its own pairs (so the two
 * read on one axis): cosine bins are moved to the angle of their centre.
 */
export function angleShares(h: PairHistogram, bins = ANGLE_BINS): { centers: number[]; same: number[]; diff: number[] } {
  const same = new Array<number>(bins).fill(0);
  const diff = new Array<number>(bins).fill(0);
  const n = h.same.length;
  for (let b = 0; b < n; b++) {
    const cos = -1 + ((b + 0.5) * 2) / n;
    const k = Math.min(bins - 1, Math.floor((Math.acos(cos) / Math.PI) * bins));
    same[k]! += h.same[b]!;
    diff[k]! += h.diff[b]!;
  }
  const scale = (a: number[], total: number) => a.map((v) => (total > 0 ? v / total : 0));
  return {
    centers: Array.from({ length: bins }, (_, i) => ((i + 0.5) * 180) / bins),
    same: scale(same, h.nSame),
    diff: scale(diff, h.nDiff),
  };
}

/** The ROC as two arrays for a log-FAR chart: points with FAR below MIN_FAR are dropped, duplicates merged. */
export function rocSeries(h: PairHistogram): { far: number[]; tar: number[] } {
  const far: number[] = [];
  const tar: number[] = [];
  for (const p of roc(h)) {
    if (p.far < MIN_FAR) continue;
    if (far.length && far[far.length - 1] === p.far) tar[tar.length - 1] = p.tar;
    else {
      far.push(p.far);
      tar.push(p.tar);
    }
  }
  return { far, tar };
}

/** TAR and FAR when pairs at most `deg` degrees apart are accepted. */
export function atThresholdAngle(h: PairHistogram, deg: number): { tar: number; far: number } {
  return acceptedAt(h, Math.cos((deg * Math.PI) / 180));
}

/** The angle (degrees, to the panel's 0.5° step) where FAR is closest to 1 − TAR: the threshold the panel starts at. */
export function eerAngle(h: PairHistogram): number {
  let best = 90;
  let gap = Infinity;
  for (let deg = 0.5; deg < 180; deg += 0.5) {
    const { tar, far } = atThresholdAngle(h, deg);
    const g = Math.abs(far - (1 - tar));
    if (g < gap) {
      gap = g;
      best = deg;
    }
  }
  return best;
}
