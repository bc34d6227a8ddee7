import { describe, expect, it } from 'vitest';
import { ADAFACE_START, adafaceScaler, adafaceStats, adafaceTarget } from './adaface';
import { arcfacePhi } from './arcface';
import { curricularNegative, curricularT } from './curricular';
import { loadVectorCases } from './test/vectors';

const cases = loadVectorCases().flatMap((f) => f.cases);
const norm = (r: number[]) => Math.hypot(...r);

describe('AdaFace batch statistics', () => {
  it('match the reference case: updated first, unbiased sd, EMA with t_alpha', () => {
    const c = cases.find((k) => k.loss === 'adaface')!;
    const p = c.params as Record<string, number>;
    const s = adafaceStats({ mean: p.batch_mean_before!, std: p.batch_std_before! }, c.inputs.x.map(norm), p.t_alpha!);
    expect(s.mean).toBeCloseTo(p.batch_mean!, 10);
    expect(s.std).toBeCloseTo(p.batch_std!, 10);
  });
  it('move by α of the way from the old values to the batch’s, on clipped norms', () => {
    const s = adafaceStats({ mean: 10, std: 4 }, [1, 3], 0.01);
    expect(s.mean).toBeCloseTo(0.01 * 2 + 0.99 * 10, 12);
    expect(s.std).toBeCloseTo(0.01 * Math.SQRT2 + 0.99 * 4, 12);
    expect(adafaceStats({ mean: 0, std: 0 }, [1e-9, 1e9], 1).mean).toBeCloseTo((0.001 + 100) / 2, 12);
    expect(adafaceStats(ADAFACE_START, [], 0.5)).toEqual(ADAFACE_START);
  });
  it('ẑ = −1 is ArcFace, ẑ = 0 is CosFace, ẑ = 1 both at once', () => {
    const m = 0.4;
    for (const theta of [0.5, 1, 2]) {
      expect(adafaceTarget(m, -1, theta)).toBeCloseTo(arcfacePhi(Math.cos(theta), m, 'none'), 12);
      expect(adafaceTarget(m, 0, theta)).toBeCloseTo(Math.cos(theta) - m, 12);
      expect(adafaceTarget(m, 1, theta)).toBeCloseTo(Math.cos(theta - m) - 2 * m, 12);
    }
    // The angle is clipped into [ε, π − ε]: θ − m·ẑ below 0 stops at ε.
    expect(adafaceTarget(m, 1, 0.2)).toBeCloseTo(Math.cos(1e-3) - 2 * m, 12);
    const spec = { h: 0.5, batchMean: 5, batchStd: 2 };
    expect(adafaceScaler(spec, 5)).toBe(0);
    expect(adafaceScaler(spec, 7)).toBeCloseTo(0.5 * (2 / 2.001), 12);
    expect(adafaceScaler(spec, 100)).toBe(1);
    expect(adafaceScaler(spec, 0)).toBe(-1);
  });
});

describe('CurricularFace t', () => {
  it('matches the reference case: t ← 0.01·mean cos θ_y + 0.99·t, before use', () => {
    const c = cases.find((k) => k.loss === 'curricular')!;
    const p = c.params as Record<string, number>;
    const W = c.inputs.W;
    const col = (j: number) => W.map((row) => row[j]!);
    const cosY = c.inputs.x.map((x, i) => {
      const w = col(c.inputs.labels[i]!);
      return x.reduce((s, v, k) => s + v * w[k]!, 0) / (norm(x) * norm(w));
    });
    expect(curricularT(p.t_before!, cosY)).toBeCloseTo(p.t!, 10);
  });
  it('rises toward the mean target cosine, and re-weights only the hard negatives', () => {
    let t = 0;
    for (let i = 0; i < 1000; i++) t = curricularT(t, [0.8, 0.9]);
    expect(t).toBeCloseTo(0.85 * (1 - 0.99 ** 1000), 10);
    expect(curricularNegative(0.5, 0.6, 0.3)).toBe(0.5); // easy: below cos(θ_y + m)
    expect(curricularNegative(0.7, 0.6, 0.3)).toBeCloseTo(0.7 * 1.0, 12); // hard: c(t + c)
    expect(curricularNegative(0.7, 0.6, 0)).toBeCloseTo(0.49, 12); // t = 0: a hard negative counts less (c² < c)
  });
});
