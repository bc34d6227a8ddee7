import { describe, expect, it } from 'vitest';
import { createRng } from '../data/rng';
import { accuracy, angleHistograms, angularMargins, meanAngleToOwnWeight, quantile, type Labeled } from '../metrics/metrics';
import type { RunInfo } from './frame';
import { HISTOGRAM_BINS, snapshotMetrics } from './snapshotMetrics';

/** Random features and weights, with a zero feature and a zero weight among them (the π/2 convention). */
function snapshot(seed: number, D: number, C: number, n: number) {
  const rng = createRng(seed);
  const x = Float32Array.from({ length: n * D }, () => rng.normal());
  x.fill(0, 0, D);
  const W = Float32Array.from({ length: D * C }, () => rng.normal());
  for (let d = 0; d < D; d++) W[d * C + C - 1] = 0;
  const y = Int32Array.from({ length: n }, () => rng.int(C));
  return { x, W, y, bias: Float32Array.from({ length: C }, () => rng.normal()) };
}

describe('snapshotMetrics in one pass', () => {
  for (const [D, C, mode] of [
    [3, 8, 'cosine'],
    [2, 5, 'logits'],
    [3, 1, 'cosine'],
  ] as const) {
    it(`equals metrics.ts's functions one by one (D ${D}, C ${C}, ${mode})`, () => {
      const a = snapshot(D * 10 + C, D, C, 400);
      const b = snapshot(D * 10 + C + 1, D, C, 150);
      const info = { dim: D, numClasses: C, trainLabels: a.y, testLabels: b.y } as RunInfo;
      const m = snapshotMetrics({ train: a.x, test: b.x, W: a.W, bias: a.bias }, info, mode);
      const train: Labeled = { x: a.x, y: a.y, n: 400, dim: D };
      const test: Labeled = { x: b.x, y: b.y, n: 150, dim: D };
      const clf = { W: a.W, numClasses: C, bias: a.bias, mode };
      expect(m.trainAccuracy).toBeCloseTo(accuracy(train, clf), 12);
      expect(m.testAccuracy).toBeCloseTo(accuracy(test, clf), 12);
      expect(m.meanAngleToWeight).toBeCloseTo(meanAngleToOwnWeight(train, a.W, C), 12);
      const margins = angularMargins(test, a.W, C);
      if (C > 1) {
        expect(m.marginP5).toBeCloseTo(quantile(margins, 0.05), 12);
        expect(m.marginMedian).toBeCloseTo(quantile(margins, 0.5), 12);
      } else expect(m.marginMedian).toBeNaN();
      const hist = angleHistograms(train, a.W, C, HISTOGRAM_BINS);
      expect(Array.from(m.histOwn)).toEqual(Array.from(hist.own));
      expect(Array.from(m.histNearest)).toEqual(Array.from(hist.nearestOther));
    });
  }
});
