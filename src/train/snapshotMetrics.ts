import { meanIntraClassAngle, minWeightAngle, quantile, type Labeled } from '../metrics/metrics';
import { featurePass } from '../metrics/featurePass';
import { meanLength, tangentForces } from '../losses/forces';
import type { FrameMetrics, RunInfo } from './frame';

export const HISTOGRAM_BINS = 36;

/** Share of predictions that match the labels (0 for none). */
function hitRate(pred: Int32Array, y: Int32Array): number {
  let hits = 0;
  for (let i = 0; i < pred.length; i++) if (pred[i] === y[i]) hits++;
  return pred.length ? hits / pred.length : 0;
}

/**
 * All metrics of a snapshot from its arrays (pure). One pass over each split gives the predictions
 * and each feature's angles to its own and its nearest other weight; the accuracies, the mean
 * angle, the margins and the histograms come from those (metrics.test.ts checks them against the
 * functions of metrics.ts, one by one).
 */
export function snapshotMetrics(
  s: { train: Float32Array; test: Float32Array; W: Float32Array; bias: Float32Array; forces?: Float32Array },
  info: RunInfo,
  mode: 'cosine' | 'logits',
): FrameMetrics {
  const D = info.dim;
  const C = info.numClasses;
  const train: Labeled = { x: s.train, y: info.trainLabels, n: info.trainLabels.length, dim: D };
  const test: Labeled = { x: s.test, y: info.testLabels, n: info.testLabels.length, dim: D };
  const clf = { W: s.W, numClasses: C, bias: s.bias, mode };
  const tr = featurePass(train, clf);
  const te = featurePass(test, clf);
  const histOwn = new Uint32Array(HISTOGRAM_BINS);
  const histNearest = new Uint32Array(HISTOGRAM_BINS);
  const bin = (theta: number) => Math.min(HISTOGRAM_BINS - 1, Math.floor((theta / Math.PI) * HISTOGRAM_BINS));
  let ownSum = 0;
  for (let i = 0; i < train.n; i++) {
    ownSum += tr.own[i]!;
    histOwn[bin(tr.own[i]!)]!++;
    if (Number.isFinite(tr.nearest[i]!)) histNearest[bin(tr.nearest[i]!)]!++;
  }
  const margins = C < 2 ? new Float64Array(0) : Float64Array.from(te.nearest, (v, i) => v - te.own[i]!);
  return {
    trainAccuracy: hitRate(tr.pred, train.y),
    testAccuracy: hitRate(te.pred, test.y),
    meanAngleToWeight: train.n ? ownSum / train.n : 0,
    intraClassAngle: meanIntraClassAngle(train, C),
    testIntraClassAngle: meanIntraClassAngle(test, C),
    marginP5: quantile(margins, 0.05),
    marginMedian: quantile(margins, 0.5),
    minWeightAngle: minWeightAngle(s.W, D, C),
    turningForce:
      s.forces && s.forces.length === s.train.length
        ? meanLength(tangentForces(s.train, s.forces, D), D, (i) => tr.pred[i] === train.y[i])
        : NaN,
    histOwn,
    histNearest,
  };
}
