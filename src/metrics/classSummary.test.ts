import { describe, expect, it } from 'vitest';
import { summariseClasses } from './classSummary';

describe('summariseClasses', () => {
  it('reads a known frame: directions, spreads, per-class test accuracy and the nearest class', () => {
    // Class 1 around +x (two features 10° either side), class 2 at +y, class 3 at −x (3-D, on the equator but one up).
    const r = (deg: number) => [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180), 0];
    const train = {
      x: Float32Array.from([...r(10), ...r(-10), ...r(90), ...r(90), ...r(180), 0, 0, 1]),
      y: Int32Array.from([0, 0, 1, 1, 2, 2]),
      n: 6,
      dim: 3,
    };
    // Test: class 1 right, class 2 once right once wrong (a feature at −x), class 3 none.
    const test = { x: Float32Array.from([...r(5), ...r(85), ...r(180)]), y: Int32Array.from([0, 1, 1]), n: 3, dim: 3 };
    const W = Float32Array.from([1, 0, -1, 0, 1, 0, 0, 0, 0]); // columns +x, +y, −x
    const s = summariseClasses(train, test, { W, numClasses: 3, mode: 'cosine' });
    expect(s.map((c) => c.label)).toEqual([1, 2, 3]);
    expect(s[0]!.azimuth).toBeCloseTo(0, 4);
    expect(s[0]!.elevation).toBeCloseTo(0, 4);
    expect(s[0]!.spread).toBeCloseTo(10, 4);
    expect(s[1]!.azimuth).toBeCloseTo(90, 4);
    expect(s[1]!.spread).toBeCloseTo(0, 3);
    expect(s[2]!.azimuth).toBeCloseTo(180, 4);
    expect(s[2]!.elevation).toBeCloseTo(45, 4);
    expect(s[2]!.spread).toBeCloseTo(45, 4);
    expect(s[0]!.testAccuracy).toBe(1);
    expect(s[1]!.testAccuracy).toBe(0.5);
    expect(s[2]!.testAccuracy).toBeNaN();
    expect(s[0]!.nearest).toBe(2);
    expect(s[0]!.nearestAngle).toBeCloseTo(90, 4);
  });
});
