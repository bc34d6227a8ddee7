import { describe, expect, it } from 'vitest';
import { ranks, spearman } from './spearman';

describe('spearman', () => {
  it('ranks with ties at their mean rank', () => {
    expect(Array.from(ranks([10, 30, 20, 30]))).toEqual([1, 3.5, 2, 3.5]);
  });
  it('is 1 for any increasing map, −1 for a decreasing one, NaN for a constant', () => {
    const x = [0.3, 1.2, -4, 8, 2.5];
    expect(
      spearman(
        x,
        x.map((v) => Math.exp(v)),
      ),
    ).toBeCloseTo(1, 12);
    expect(
      spearman(
        x,
        x.map((v) => -(v ** 3)),
      ),
    ).toBeCloseTo(-1, 12);
    expect(spearman(x, [1, 1, 1, 1, 1])).toBeNaN();
  });
  it('matches a hand-computed case with ties (a binary quality flag)', () => {
    // norms 1…6; quality 0 0 1 0 1 1: ranks of quality 2,2,5,2,5,5; of norm 1…6.
    // Pearson of (1…6) and (2,2,5,2,5,5): cov = Σ(x−3.5)(y−3.5) = 3.75 + 2.25 − 0.75 − 0.75 + 2.25 + 3.75 = 10.5, var_x = 17.5, var_y = 13.5.
    expect(spearman([1, 2, 3, 4, 5, 6], [0, 0, 1, 0, 1, 1])).toBeCloseTo(10.5 / Math.sqrt(17.5 * 13.5), 12);
  });
});
