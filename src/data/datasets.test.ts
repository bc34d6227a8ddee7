import { describe, expect, it } from 'vitest';
import { makeBlobs, makeSpirals, makeToyDataset, type ToyParams } from './datasets';
import { createRng } from './rng';
import { decodeMnist, encodeMnist } from './mnist/format';
import { mnistDataset } from './mnist/mnistDataset';

const P: ToyParams = { classes: 5, perClass: 40, noise: 0.2, testFraction: 0.25, seed: 3 };

describe('toy datasets', () => {
  for (const make of [makeBlobs, makeSpirals]) {
    it(`${make.name}: shapes, balance, split sizes`, () => {
      const d = make(P);
      expect(d.inputDim).toBe(2);
      expect(d.numClasses).toBe(5);
      expect(d.train.n).toBe(5 * 30);
      expect(d.test.n).toBe(5 * 10);
      expect(d.train.x.length).toBe(d.train.n * 2);
      const counts = (y: Int32Array) => Array.from({ length: 5 }, (_, c) => y.filter((v) => v === c).length);
      expect(counts(d.train.y)).toEqual([30, 30, 30, 30, 30]);
      expect(counts(d.test.y)).toEqual([10, 10, 10, 10, 10]);
      expect(Array.from(d.train.x).every(Number.isFinite)).toBe(true);
    });
    it(`${make.name}: same seed, same data; another seed, other data`, () => {
      expect(make(P)).toEqual(make(P));
      expect(Array.from(make({ ...P, seed: 4 }).train.x)).not.toEqual(Array.from(make(P).train.x));
    });
  }
  it('blobs sit around evenly spaced centres on the unit circle', () => {
    const d = makeBlobs({ ...P, noise: 0, testFraction: 0 });
    for (let i = 0; i < d.train.n; i++) {
      const a = (2 * Math.PI * d.train.y[i]!) / 5;
      expect(d.train.x[2 * i]).toBeCloseTo(Math.cos(a), 6);
      expect(d.train.x[2 * i + 1]).toBeCloseTo(Math.sin(a), 6);
    }
  });
  it('makeToyDataset dispatches by name', () => {
    expect(makeToyDataset('spirals', P).name).toBe('spirals');
    expect(makeToyDataset('blobs', P).name).toBe('blobs');
  });
});

describe('seeded generator', () => {
  it('is reproducible and roughly standard normal', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 20000 }, () => a.normal());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.normal()));
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    const variance = xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(variance).toBeGreaterThan(0.95);
    expect(variance).toBeLessThan(1.05);
  });
});

describe('MNIST asset', () => {
  it('round-trips labels and component scores through the binary format', () => {
    const labels = Uint8Array.from({ length: 40 }, (_, i) => i % 10);
    const k = 3;
    const features = Float32Array.from({ length: 40 * k }, (_, i) => Math.sin(i) * 5);
    const bytes = encodeMnist(labels, features, k);
    const back = decodeMnist(bytes.buffer as ArrayBuffer);
    expect(back.count).toBe(40);
    expect(back.k).toBe(3);
    expect(Array.from(back.labels)).toEqual(Array.from(labels));
    expect(Array.from(back.features)).toEqual(Array.from(features));
    const ds = mnistDataset(bytes.buffer as ArrayBuffer, 0.5, 1);
    expect(ds.inputDim).toBe(3);
    expect(ds.train.n).toBe(20);
    expect(ds.test.n).toBe(20);
    // Every row of the split is a row of the asset with its own label.
    for (let i = 0; i < ds.train.n; i++) {
      const row = Array.from(ds.train.x.subarray(i * k, i * k + k));
      const src = Array.from({ length: 40 }, (_, r) => r).find((r) =>
        Array.from(features.subarray(r * k, r * k + k)).every((v, j) => v === row[j]),
      );
      expect(src).toBeDefined();
      expect(ds.train.y[i]).toBe(labels[src!]);
    }
  });
  it('rejects a file that is not the asset, or a truncated one', () => {
    expect(() => decodeMnist(new ArrayBuffer(16))).toThrow(/magic/);
    const bytes = encodeMnist(Uint8Array.of(1, 2), Float32Array.of(1, 2, 3, 4), 2);
    expect(() => decodeMnist(bytes.buffer.slice(0, bytes.length - 4) as ArrayBuffer)).toThrow(/truncated/);
  });
});
