import { describe, expect, it } from 'vitest';
import { IDENTITY_INPUT_DIM, makeIdentities } from './identities';
import { stratifiedSplit } from './stratified';
import { createRng } from './rng';

const P = { classes: 8, perClass: 100, noise: 1, testFraction: 0.3, seed: 7 };

/** Mean of each class's rows. */
function classMeans(x: Float32Array, y: Int32Array, d: number, C: number): Float64Array[] {
  const sums = Array.from({ length: C }, () => new Float64Array(d));
  const counts = new Array<number>(C).fill(0);
  y.forEach((c, i) => {
    counts[c]!++;
    for (let j = 0; j < d; j++) sums[c]![j]! += x[i * d + j]!;
  });
  return sums.map((s, c) => s.map((v) => v / counts[c]!));
}

describe('identities dataset', () => {
  it('is seeded, balanced and split per class', () => {
    const a = makeIdentities(P);
    expect(a).toEqual(makeIdentities(P));
    expect(Array.from(makeIdentities({ ...P, seed: 8 }).train.x.slice(0, 10))).not.toEqual(Array.from(a.train.x.slice(0, 10)));
    expect(a.inputDim).toBe(IDENTITY_INPUT_DIM);
    expect(a.name).toBe('identities');
    expect(a.train.n).toBe(8 * 70);
    expect(a.test.n).toBe(8 * 30);
    const counts = (y: Int32Array) => Array.from({ length: 8 }, (_, c) => y.filter((v) => v === c).length);
    expect(counts(a.train.y)).toEqual(new Array(8).fill(70));
    expect(counts(a.test.y)).toEqual(new Array(8).fill(30));
  });

  it('varies within a class along shared nuisance directions beyond the noise', () => {
    // With σ = 0 a class still spreads (the nuisance factors), and only in a few directions.
    const d = IDENTITY_INPUT_DIM;
    const data = makeIdentities({ ...P, noise: 0, testFraction: 0 });
    const means = classMeans(data.train.x, data.train.y, d, 8);
    let within = 0;
    for (let i = 0; i < data.train.n; i++) {
      const m = means[data.train.y[i]!]!;
      for (let j = 0; j < d; j++) within += (data.train.x[i * d + j]! - m[j]!) ** 2;
    }
    within /= data.train.n;
    expect(within).toBeGreaterThan(0.5 * d); // a real spread, comparable to the means' own
    // Noise adds σ² per coordinate on top of it.
    const noisy = makeIdentities({ ...P, noise: 1, testFraction: 0 });
    const nm = classMeans(noisy.train.x, noisy.train.y, d, 8);
    let within1 = 0;
    for (let i = 0; i < noisy.train.n; i++)
      for (let j = 0; j < d; j++) within1 += (noisy.train.x[i * d + j]! - nm[noisy.train.y[i]!]![j]!) ** 2;
    within1 /= noisy.train.n;
    expect(within1 - within).toBeGreaterThan(0.8 * d);
    expect(within1 - within).toBeLessThan(1.2 * d);
  });
});

describe('stratified split', () => {
  it('keeps each class’s share, at least one training row per class, and every row once', () => {
    const y = Int32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2]);
    const x = Float32Array.from(y.keys());
    const { train, test } = stratifiedSplit(x, 1, y, 3, 0.3, createRng(1));
    const count = (s: Int32Array, c: number) => s.filter((v) => v === c).length;
    expect([count(test.y, 0), count(test.y, 1), count(test.y, 2)]).toEqual([3, 1, 0]);
    expect([count(train.y, 0), count(train.y, 1), count(train.y, 2)]).toEqual([7, 3, 1]);
    const rows = [...train.x, ...test.x].sort((a, b) => a - b);
    expect(rows).toEqual(Array.from(y.keys()));
    for (let i = 0; i < train.n; i++) expect(train.y[i]).toBe(y[train.x[i]!]);
  });
});
