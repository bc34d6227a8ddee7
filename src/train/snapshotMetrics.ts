import {
  accuracy,
  angleHistograms,
  angularMargins,
  quantile,
  meanAngleToOwnWeight,
  meanIntraClassAngle,
  minWeightAngle,
  type Labeled,
} from '../metrics/metrics';
import type { FrameMetrics, RunInfo } from './frame';

export const HISTOGRAM_BINS = 36;

/** All metrics of a snapshot from its arrays (pure). */
export function snapshotMetrics(
  s: { train: Float32Array; test: Float32Array; W: Float32Array; bias: Float32Array },
  info: RunInfo,
  mode: 'cosine' | 'logits',
): FrameMetrics {
  const D = info.dim;
  const C = info.numClasses;
  const train: Labeled = { x: s.train, y: info.trainLabels, n: info.trainLabels.length, dim: D };
  const test: Labeled = { x: s.test, y: info.testLabels, n: info.testLabels.length, dim: D };
  const clf = { W: s.W, numClasses: C, bias: s.bias, mode };
  const hist = angleHistograms(train, s.W, C, HISTOGRAM_BINS);
  const margins = angularMargins(test, s.W, C);
  return {
    trainAccuracy: accuracy(train, clf),
    testAccuracy: accuracy(test, clf),
    meanAngleToWeight: meanAngleToOwnWeight(train, s.W, C),
    intraClassAngle: meanIntraClassAngle(train, C),
    testIntraClassAngle: meanIntraClassAngle(test, C),
    marginP5: quantile(margins, 0.05),
    marginMedian: quantile(margins, 0.5),
    minWeightAngle: minWeightAngle(s.W, D, C),
    histOwn: hist.own,
    histNearest: hist.nearestOther,
  };
}
