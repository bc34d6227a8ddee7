// The data-* attributes a status element carries for automation (the page's and each compare panel's).
import type { ModelStatus } from '../state/status';
import type { RunState } from '../worker/protocol';

/** Radians as degrees for a data attribute ('' before the first frame). */
const degAttr = (r: number | undefined) => (r === undefined || !Number.isFinite(r) ? '' : ((r * 180) / Math.PI).toFixed(2));

/**
 * data-step, data-loss, data-accuracy, data-test-accuracy, data-state, data-loss-kind (the loss
 * in force); the lesson's angles in degrees: data-spread, data-test-spread, data-margin-p5,
 * data-margin-median; with held-out classes, the open-set numbers (shares 0–1, '' without):
 * data-tar-far-1e-1, data-tar-far-1e-2, data-tar-far-1e-3, data-eer, data-auc, data-rank1 and
 * data-heldout-spread (degrees); data-subcenters (sub-center ArcFace's K) and data-scalar-bias
 * (SphereFace2's b), '' under the other losses; data-snapshot-ms and data-tensors for the benchmark.
 */
export function statusAttributes(m: ModelStatus, state: RunState, lossKind: string): Record<`data-${string}`, string | number> {
  const metrics = m.frame?.metrics;
  const v = m.frame?.verification;
  const share = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '' : x.toFixed(4));
  return {
    'data-step': m.step,
    'data-loss': Number.isFinite(m.loss) ? m.loss.toFixed(6) : String(m.loss),
    'data-accuracy': m.trainAccuracy.toFixed(4),
    'data-test-accuracy': m.testAccuracy.toFixed(4),
    'data-state': state,
    'data-loss-kind': lossKind,
    'data-spread': degAttr(metrics?.intraClassAngle),
    'data-test-spread': degAttr(metrics?.testIntraClassAngle),
    'data-margin-p5': degAttr(metrics?.marginP5),
    'data-margin-median': degAttr(metrics?.marginMedian),
    'data-tar-far-1e-1': share(v?.tarAtFar1e1),
    'data-tar-far-1e-2': share(v?.tarAtFar1e2),
    'data-tar-far-1e-3': share(v?.tarAtFar1e3),
    'data-eer': share(v?.eer),
    'data-auc': share(v?.auc),
    'data-rank1': share(v?.rank1),
    'data-heldout-spread': degAttr(v?.heldoutSpread),
    'data-subcenters': m.frame?.subcenters?.K ?? '',
    'data-scalar-bias': m.frame?.scalarBias === undefined ? '' : m.frame.scalarBias.toFixed(3),
    'data-snapshot-ms': m.snapshotMs.toFixed(2),
    'data-tensors': m.frame?.numTensors ?? 0,
  };
}
