import { describe, expect, it } from 'vitest';
import { makeToyDataset } from './datasets';
import { LOW_QUALITY_KEEP } from './corruption';

const P = { classes: 6, perClass: 100, noise: 1, testFraction: 0.3, seed: 5 };

describe('label noise', () => {
  it('reassigns exactly the rate of training labels, each to another class, seeded; test labels stay clean', () => {
    const clean = makeToyDataset('identities', P);
    const noisy = makeToyDataset('identities', { ...P, labelNoise: 0.3 });
    const flags = noisy.noisy!;
    expect(flags.reduce((a, f) => a + f, 0)).toBe(Math.round(0.3 * clean.train.n));
    clean.train.y.forEach((y, i) => expect(noisy.train.y[i] !== y, `row ${i}`).toBe(flags[i] === 1));
    expect(noisy.train.x).toEqual(clean.train.x);
    expect(noisy.test).toEqual(clean.test);
    expect(makeToyDataset('identities', { ...P, labelNoise: 0.3 })).toEqual(noisy);
    expect(makeToyDataset('identities', { ...P, labelNoise: 0.3, seed: 6 }).noisy).not.toEqual(flags);
    // Every wrong class is used: the reassignment is uniform over the others, not a shift by one.
    const wrong = new Set<number>();
    clean.train.y.forEach((y, i) => flags[i] && wrong.add((noisy.train.y[i]! - y + 6) % 6));
    expect([...wrong].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(makeToyDataset('blobs', { ...P, labelNoise: 0 })).toEqual(makeToyDataset('blobs', P));
  });

  it('pair noise moves the same samples, each to the next class (c → c + 1)', () => {
    const clean = makeToyDataset('identities', P);
    const uniform = makeToyDataset('identities', { ...P, labelNoise: 0.3 });
    const pair = makeToyDataset('identities', { ...P, labelNoise: 0.3, noiseKind: 'pair' });
    expect(pair.noisy).toEqual(uniform.noisy);
    clean.train.y.forEach((y, i) => expect(pair.train.y[i], `row ${i}`).toBe(pair.noisy![i] ? (y + 1) % 6 : y));
    expect(pair.test).toEqual(clean.test);
  });
});

describe('low-quality samples', () => {
  it('blurs exactly the rate of each split, seeded, keeping its size and leaving the rest as they were', () => {
    const clean = makeToyDataset('identities', P);
    const low = makeToyDataset('identities', { ...P, lowQuality: 0.25 });
    const { train, test } = low.lowQuality!;
    expect(train.reduce((a, f) => a + f, 0)).toBe(Math.round(0.25 * clean.train.n));
    expect(test.reduce((a, f) => a + f, 0)).toBe(Math.round(0.25 * clean.test.n));
    expect(low.train.y).toEqual(clean.train.y);
    const d = low.inputDim;
    const row = (x: Float32Array, i: number) => Array.from(x.subarray(i * d, i * d + d));
    const mean = Array.from(
      { length: d },
      (_, j) => clean.train.x.filter((_, k) => k % d === j).reduce((a, b) => a + b, 0) / clean.train.n,
    );
    const sq = (v: number[]) => v.reduce((a, x, j) => a + (x - mean[j]!) ** 2, 0);
    let cleanEnergy = 0;
    let lowEnergy = 0;
    let kept = 0;
    for (let i = 0; i < clean.train.n; i++) {
      const a = row(clean.train.x, i);
      const b = row(low.train.x, i);
      if (!train[i]) {
        expect(b).toEqual(a);
        continue;
      }
      cleanEnergy += sq(a);
      lowEnergy += sq(b);
      // What is left of the sample's own deviation: its projection on the clean one.
      kept += a.reduce((s, x, j) => s + (x - mean[j]!) * (b[j]! - mean[j]!), 0) / sq(a);
    }
    const n = train.reduce((a, f) => a + f, 0);
    expect(lowEnergy / cleanEnergy).toBeGreaterThan(0.9); // the size is kept…
    expect(lowEnergy / cleanEnergy).toBeLessThan(1.1);
    expect(kept / n).toBeCloseTo(LOW_QUALITY_KEEP, 1); // …the detail is not
    expect(makeToyDataset('identities', { ...P, lowQuality: 0.25 })).toEqual(low);
  });
});
