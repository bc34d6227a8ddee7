import { describe, expect, it } from 'vitest';
import { makeToyDataset } from './datasets';
import { LOW_QUALITY_NOISE } from './corruption';

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
});

describe('low-quality samples', () => {
  it('degrades exactly the rate of each split with much larger noise, seeded, leaving the rest as they were', () => {
    const clean = makeToyDataset('blobs', { ...P, noise: 0.1 });
    const low = makeToyDataset('blobs', { ...P, noise: 0.1, lowQuality: 0.25 });
    const { train, test } = low.lowQuality!;
    expect(train.reduce((a, f) => a + f, 0)).toBe(Math.round(0.25 * clean.train.n));
    expect(test.reduce((a, f) => a + f, 0)).toBe(Math.round(0.25 * clean.test.n));
    expect(low.train.y).toEqual(clean.train.y);
    let moved = 0;
    let count = 0;
    for (let i = 0; i < clean.train.n; i++) {
      const d = Math.hypot(low.train.x[2 * i]! - clean.train.x[2 * i]!, low.train.x[2 * i + 1]! - clean.train.x[2 * i + 1]!);
      if (!train[i]) expect(d).toBe(0);
      else {
        moved += d;
        count++;
      }
    }
    // Blobs on the unit circle: the inputs' sd is about 0.7 a coordinate, so a degraded point moves ≈ LOW_QUALITY_NOISE·0.7·√(π/2).
    expect(moved / count).toBeGreaterThan(LOW_QUALITY_NOISE * 0.5);
    expect(makeToyDataset('blobs', { ...P, noise: 0.1, lowQuality: 0.25 })).toEqual(low);
  });
});
