import { describe, expect, it } from 'vitest';
import { makeIdentities, IDENTITY_INPUT_DIM } from './identities';
import { holdOutLastClasses, MAX_HELDOUT_PER_CLASS } from './holdout';
import { makeBlobs, makeToyDataset } from './datasets';

const P = { classes: 8, perClass: 100, noise: 1, testFraction: 0.3, seed: 7 };

/** A checksum of a dataset's training and test arrays. */
function checksum(d: ReturnType<typeof makeIdentities>): number {
  let h = 0;
  for (const v of [...d.train.x, ...d.test.x, ...d.train.y]) h = (h * 31 + Math.round(v * 1e4)) | 0;
  return h;
}

/** What is left of v after projecting out the orthonormal rows of `basis`. */
function residual(v: Float64Array, basis: Float64Array[]): Float64Array {
  const out = Float64Array.from(v);
  for (const b of basis) {
    const dot = out.reduce((s, x, i) => s + x * b[i]!, 0);
    out.forEach((x, i) => (out[i] = x - dot * b[i]!));
  }
  return out;
}

/** An orthonormal basis of the rows' span (Gram–Schmidt, dropping rows already spanned). */
function orthonormalBasis(rows: Float64Array[]): Float64Array[] {
  const basis: Float64Array[] = [];
  for (const r of rows) {
    const v = residual(r, basis);
    const n = Math.hypot(...v);
    if (n > 1e-6 * Math.hypot(...r)) basis.push(v.map((x) => x / n));
  }
  return basis;
}

describe('held-out identities', () => {
  it('leave the default data as it was (links keep their meaning)', () => {
    // Pinned from the generator before the identity subspace and holdout existed.
    expect(checksum(makeIdentities(P))).toBe(-51384483);
    expect(checksum(makeIdentities({ ...P, idDims: IDENTITY_INPUT_DIM, idScale: 1, holdout: 0 }))).toBe(-51384483);
  });

  it('never change the trained data, and are seeded', () => {
    const plain = makeIdentities({ ...P, idDims: 6, idScale: 5 });
    const withHeldout = makeIdentities({ ...P, idDims: 6, idScale: 5, holdout: 4 });
    expect(withHeldout.train).toEqual(plain.train);
    expect(withHeldout.test).toEqual(plain.test);
    expect(plain.heldout).toBeUndefined();
    const h = withHeldout.heldout!;
    expect(h.n).toBe(4 * 100);
    expect(Array.from(new Set(h.y))).toEqual([0, 1, 2, 3]);
    expect(makeIdentities({ ...P, idDims: 6, idScale: 5, holdout: 4 }).heldout).toEqual(h);
    expect(makeIdentities({ ...P, idDims: 6, idScale: 5, holdout: 4, seed: 8 }).heldout!.x).not.toEqual(h.x);
    // A separate stream: more held-out identities extend the first ones' means, never reshuffle the trained ones.
    expect(makeIdentities({ ...P, holdout: 2 }).train).toEqual(makeIdentities(P).train);
  });

  it('caps the held-out samples per identity', () => {
    expect(makeIdentities({ ...P, perClass: 1000, holdout: 2 }).heldout!.n).toBe(2 * MAX_HELDOUT_PER_CLASS);
  });

  it('put the class means, trained and held out, in a subspace of idDims dimensions at idScale', () => {
    const d = IDENTITY_INPUT_DIM;
    const data = makeIdentities({ ...P, classes: 12, perClass: 400, noise: 0, testFraction: 0, idDims: 3, idScale: 6, holdout: 4 });
    const means = (x: Float32Array, y: Int32Array, C: number) =>
      Array.from({ length: C }, (_, c) => {
        const m = new Float64Array(d);
        let n = 0;
        y.forEach((v, i) => {
          if (v !== c) return;
          n++;
          for (let j = 0; j < d; j++) m[j]! += x[i * d + j]!;
        });
        return m.map((v) => v / n);
      });
    const trained = means(data.train.x, data.train.y, 12);
    const held = means(data.heldout!.x, data.heldout!.y, 4);
    // The sample means carry the nuisance's sampling error (sd 1.5·√32/√400 ≈ 0.4 against means of norm ≈ 6·√32):
    // differences of means lie close to a 3-D subspace, far from 32-D.
    const centred = [...trained, ...held].map((m) => m.map((v, j) => v - trained[0]![j]!)).slice(1);
    const big = (rows: Float64Array[]) => rows.map((r) => Math.hypot(...r));
    expect(Math.min(...big(centred))).toBeGreaterThan(3);
    const basis = orthonormalBasis(centred.slice(0, 3));
    expect(basis).toHaveLength(3);
    // Projecting out the span of three differences leaves only the sampling error.
    for (const v of centred.slice(3)) expect(Math.hypot(...residual(v, basis)) / Math.hypot(...v)).toBeLessThan(0.15);
  });
});

describe('holdOutLastClasses', () => {
  it('moves the last classes, train and test, to the held-out split and keeps the rest', () => {
    const data = makeBlobs({ classes: 6, perClass: 50, noise: 0.1, testFraction: 0.2, seed: 3 });
    const out = holdOutLastClasses(data, 2);
    expect(out.numClasses).toBe(4);
    expect(out.train.n).toBe(4 * 40);
    expect(out.test.n).toBe(4 * 10);
    expect(Math.max(...out.train.y, ...out.test.y)).toBe(3);
    expect(out.heldout!.n).toBe(2 * 50);
    expect(Array.from(out.heldout!.y.slice(0, 50))).toEqual(new Array(50).fill(0));
    expect(Array.from(out.heldout!.y.slice(50))).toEqual(new Array(50).fill(1));
    // A held-out row is a row of class 4 of the original data.
    const first = Array.from(out.heldout!.x.slice(0, 2));
    const rows = [...Array(data.train.n).keys()]
      .filter((i) => data.train.y[i] === 4)
      .map((i) => Array.from(data.train.x.slice(2 * i, 2 * i + 2)));
    expect(rows).toContainEqual(first);
    expect(holdOutLastClasses(data, 0)).toBe(data);
    expect(() => holdOutLastClasses(data, 5)).toThrow(/at least 2/);
    expect(makeToyDataset('blobs', { classes: 6, perClass: 50, noise: 0.1, testFraction: 0.2, seed: 3, holdout: 2 })).toEqual(out);
  });
});
