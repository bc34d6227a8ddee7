import { describe, expect, it } from 'vitest';
import { fitPca, projectPca } from './pca';

describe('PCA projection', () => {
  it('finds the hand-computed components of a small 2-D set', () => {
    // Points (−2,−2), (−1,−1), (1,1), (2,2), (1,−1), (−1,1): mean 0. Covariance (n − 1 = 5):
    // Σxx = Σyy = (4+1+1+4+1+1)/5 = 12/5, Σxy = (4+1+1+4−1−1)/5 = 8/5.
    // Eigen: (1,1)/√2 with 12/5 + 8/5 = 4, and (1,−1)/√2 with 12/5 − 8/5 = 4/5.
    const x = [-2, -2, -1, -1, 1, 1, 2, 2, 1, -1, -1, 1];
    const p = fitPca(x, 6, 2, 2);
    expect(p.mean[0]).toBeCloseTo(0, 12);
    expect(p.mean[1]).toBeCloseTo(0, 12);
    expect(p.variances[0]).toBeCloseTo(4, 10);
    expect(p.variances[1]).toBeCloseTo(0.8, 10);
    const r = Math.SQRT1_2;
    // Signs: the largest-magnitude entry of each component is positive (ties: the first).
    expect(p.components[0]).toBeCloseTo(r, 10);
    expect(p.components[1]).toBeCloseTo(r, 10);
    expect(p.components[2]).toBeCloseTo(r, 10);
    expect(p.components[3]).toBeCloseTo(-r, 10);
    // Scores: (2,2) → 2√2 on the first component and 0 on the second; (1,−1) → 0 and √2.
    const scores = projectPca(x, 6, p);
    expect(scores[6]).toBeCloseTo(2 * Math.SQRT2, 5);
    expect(scores[7]).toBeCloseTo(0, 5);
    expect(scores[8]).toBeCloseTo(0, 5);
    expect(scores[9]).toBeCloseTo(Math.SQRT2, 5);
  });

  it('centres on the mean, keeps k components, and is the same on every run', () => {
    const x = [1, 10, 5, 3, 12, 4, 5, 14, 6, 7, 20, 1];
    const a = fitPca(x, 4, 3, 1);
    Array.from(a.mean).forEach((v, j) => expect(v).toBeCloseTo([4, 14, 4][j]!, 12));
    expect(a.components.length).toBe(3);
    expect(Array.from(fitPca(x, 4, 3, 1).components)).toEqual(Array.from(a.components));
    const s = projectPca(x, 4, a);
    expect(s.reduce((t, v) => t + v, 0)).toBeCloseTo(0, 5); // centred scores
    expect(() => fitPca(x, 4, 3, 4)).toThrow(/k ≤ d/);
  });
});
