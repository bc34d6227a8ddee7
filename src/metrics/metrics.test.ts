import { describe, expect, it } from 'vitest';
import {
  accuracy,
  angleHistograms,
  angularMargins,
  quantile,
  classMeanDirections,
  meanAngleToOwnWeight,
  meanIntraClassAngle,
  minWeightAngle,
  predict,
  type Labeled,
} from './metrics';

const deg = (d: number) => (d * Math.PI) / 180;
const at = (d: number, r = 1) => [r * Math.cos(deg(d)), r * Math.sin(deg(d))];

// Three class weights in 2-D at 0°, 90° and 200° (D×C row-major: first row x, second row y).
const weights = [at(0, 2), at(90, 1), at(200, 0.5)];
const W = Float32Array.from([weights[0]![0]!, weights[1]![0]!, weights[2]![0]!, weights[0]![1]!, weights[1]![1]!, weights[2]![1]!]);

// Features at 10° (class 0), 80° (class 1), 170° (class 2), 100° (class 0: misclassified by cosine).
const f: Labeled = {
  x: Float32Array.from([...at(10), ...at(80, 3), ...at(170), ...at(100)]),
  y: Int32Array.from([0, 1, 2, 0]),
  n: 4,
  dim: 2,
};

describe('metrics', () => {
  it('cosine predictions and accuracy', () => {
    expect(Array.from(predict(f, { W, numClasses: 3, mode: 'cosine' }))).toEqual([0, 1, 2, 1]);
    expect(accuracy(f, { W, numClasses: 3, mode: 'cosine' })).toBe(0.75);
  });
  it('logit predictions use raw norms and the bias', () => {
    // At 170°: logits x·w = 2cos170°, cos80°, 0.5cos30° → class 2 by cosine, but a bias of +1 on class 1 wins.
    const bias = Float32Array.from([0, 1, 0]);
    expect(predict(f, { W, numClasses: 3, mode: 'logits', bias })[2]).toBe(1);
  });
  it('mean angle to own weight: (10 + 10 + 30 + 100)/4 degrees', () => {
    expect(meanAngleToOwnWeight(f, W, 3)).toBeCloseTo(deg(37.5), 5);
  });
  it('class mean directions and intra-class angle', () => {
    const means = classMeanDirections(f, 3);
    expect(Math.atan2(means[0]![1]!, means[0]![0]!)).toBeCloseTo(deg(55), 5); // between 10° and 100°
    expect(meanIntraClassAngle(f, 3)).toBeCloseTo(deg(45 / 2), 5); // (45 + 0 + 0 + 45)/4
  });
  it('minimum angle between class weights: 90°', () => {
    expect(minWeightAngle(W, 2, 3)).toBeCloseTo(deg(90), 5);
  });
  it('histograms of θ to own and nearest other weight', () => {
    const { own, nearestOther } = angleHistograms(f, W, 3, 12); // 15° bins
    expect(Array.from(own)).toEqual([2, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]); // 10°, 10°, 30°, 100°
    // Nearest other: 10°→80° (class 1), 80°→80° (class 0), 170°→80° (class 1), 100°→10° (class 1).
    expect(Array.from(nearestOther)).toEqual([1, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0]);
    expect(nearestOther.reduce((a, b) => a + b, 0)).toBe(4);
  });
});

describe('angular margin and spread', () => {
  // Three class weights on the circle at 0°, 90° and 180°.
  const W = Float32Array.from([1, 0, -1, 0, 1, 0]); // D×C row-major: row 0 = x components, row 1 = y
  const at = (deg: number) => [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];
  it('is θ to the nearest other weight minus θ to the own, per feature', () => {
    // Class 0 at 10°: own 10°, nearest other (90°) 80° → 70°. Class 1 at 60°: own 30°, other (0°) 60° → 30°.
    // Class 2 at 100°: own 80°, other (90°) 10° → −70° (misclassified).
    const f = { x: Float32Array.from([...at(10), ...at(60), ...at(100)]), y: Int32Array.from([0, 1, 2]), n: 3, dim: 2 };
    const m = Array.from(angularMargins(f, W, 3)).map((r) => (r * 180) / Math.PI);
    expect(m[0]).toBeCloseTo(70, 4);
    expect(m[1]).toBeCloseTo(30, 4);
    expect(m[2]).toBeCloseTo(-70, 4);
    expect(angularMargins(f, W, 1).length).toBe(0);
  });
  it('quantiles interpolate between order statistics (type 7)', () => {
    expect(quantile([3, 1, 2, 4], 0.5)).toBeCloseTo(2.5, 12);
    expect(quantile([10, 20, 30, 40, 50], 0.05)).toBeCloseTo(12, 12); // h = 0.2: 10 + 0.2·10
    expect(quantile([5], 0.05)).toBe(5);
    expect(quantile([], 0.5)).toBeNaN();
  });
  it('spread is the mean angle to the class mean direction, whatever the norms', () => {
    // Class 0 at ±20° (norms 1 and 5): mean direction 0°, spread 20°. Class 1 at 90° twice: 0°.
    const f = {
      x: Float32Array.from([...at(20), ...at(-20).map((v) => 5 * v), ...at(90), ...at(90)]),
      y: Int32Array.from([0, 0, 1, 1]),
      n: 4,
      dim: 2,
    };
    expect((meanIntraClassAngle(f, 2) * 180) / Math.PI).toBeCloseTo(10, 4);
  });
});
