import { describe, expect, it } from 'vitest';
import { auc, eer, pairHistogram, rank1, roc, tarAtFar } from './verification';

/** 2-D unit features at the given angles (degrees), row-major. */
const at = (...deg: number[]) => Float32Array.from(deg.flatMap((d) => [Math.cos((d * Math.PI) / 180), Math.sin((d * Math.PI) / 180)]));

describe('verification metrics', () => {
  it('a hand-computed case: same pairs at cos 0.5 and −0.5, different ones at 0.866 (twice), 0 and −0.866', () => {
    // Identity 0 at 0° and 60°, identity 1 at 30° and 150°.
    const x = at(0, 60, 30, 150);
    const labels = [0, 0, 1, 1];
    const h = pairHistogram(x, labels, 4, 2);
    expect([h.nSame, h.nDiff]).toEqual([2, 4]);
    const points = roc(h);
    // Accepting cos ≥ 0.866 lets 2 of 4 impostor pairs in and no genuine pair; ≥ 0.5 one genuine pair too; ≥ −0.5 both.
    expect(points.map((p) => [p.far, p.tar]).filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1])).toEqual([
      [0, 0],
      [0.5, 0],
      [0.5, 0.5],
      [0.75, 0.5],
      [0.75, 1],
      [1, 1],
    ]);
    // AUC = P(genuine score > impostor score) = 3/8 (Mann–Whitney, counted by hand).
    expect(auc(points)).toBeCloseTo(0.375, 12);
    expect(tarAtFar(points, 0.5)).toBe(0.5);
    expect(tarAtFar(points, 0.1)).toBe(0);
    expect(eer(points)).toBeCloseTo(0.5, 12);
    // Enrolled: 0° for identity 0, 30° for identity 1. 60° is nearer 30° (wrong); 150° is nearer 30° (right).
    expect(rank1(x, labels, 4, 2)).toBe(0.5);
  });

  it('a perfect separation: AUC 1, EER 0, every TAR at any FAR is 1, rank-1 is 1', () => {
    const x = at(0, 1, 2, 90, 91, 92, 200, 201);
    const labels = [0, 0, 0, 1, 1, 1, 2, 2];
    const points = roc(pairHistogram(x, labels, 8, 2));
    expect(auc(points)).toBeCloseTo(1, 12);
    expect(eer(points)).toBeCloseTo(0, 12);
    for (const far of [1e-1, 1e-2, 1e-3]) expect(tarAtFar(points, far)).toBe(1);
    expect(rank1(x, labels, 8, 2)).toBe(1);
  });

  it('no separation (every feature the same: all pairs tie): AUC 0.5, EER 0.5, no TAR at a small FAR', () => {
    const x = at(10, 10, 10, 10, 10, 10);
    const labels = [0, 0, 1, 1, 2, 2];
    const points = roc(pairHistogram(x, labels, 6, 2));
    expect(auc(points)).toBeCloseTo(0.5, 12);
    expect(eer(points)).toBeCloseTo(0.5, 12);
    expect(tarAtFar(points, 1e-2)).toBe(0);
  });

  it('random directions: AUC near chance, with a large sample', () => {
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const n = 400;
    const x = at(...Array.from({ length: n }, () => rand() * 360));
    const labels = Array.from({ length: n }, (_, i) => i % 4);
    const points = roc(pairHistogram(x, labels, n, 2));
    expect(Math.abs(auc(points) - 0.5)).toBeLessThan(0.03);
    expect(Math.abs(eer(points) - 0.5)).toBeLessThan(0.03);
  });

  it('a zero feature scores 0 against everything, and one identity gives no rank-1', () => {
    const x = Float32Array.from([0, 0, 1, 0]);
    const h = pairHistogram(x, [0, 1], 2, 2);
    expect(h.nDiff).toBe(1);
    expect(roc(h).find((p) => p.far === 1)!.threshold).toBeLessThanOrEqual(0);
    expect(rank1(at(0, 5, 10), [3, 3, 3], 3, 2)).toBeNaN();
  });
});
