// The open-set numbers of a snapshot: every pair of held-out features scored, and the spread (pure).
import { meanIntraClassAngle } from '../metrics/metrics';
import { auc, eer, pairHistogram, rank1, roc, tarAtFar } from '../metrics/verification';
import type { VerificationMetrics } from './frame';

/** Verification metrics of n held-out features (n×D) with labels 0…h−1; undefined when there are none. */
export function verificationMetrics(x: Float32Array, labels: Int32Array, h: number, D: number): VerificationMetrics | undefined {
  const n = labels.length;
  if (n < 2 || h < 1) return undefined;
  const hist = pairHistogram(x, labels, n, D);
  const points = roc(hist);
  return {
    ...hist,
    tarAtFar1e1: tarAtFar(points, 1e-1),
    tarAtFar1e2: tarAtFar(points, 1e-2),
    tarAtFar1e3: tarAtFar(points, 1e-3),
    eer: eer(points),
    auc: auc(points),
    rank1: rank1(x, labels, n, D),
    heldoutSpread: meanIntraClassAngle({ x, y: labels, n, dim: D }, h),
  };
}
