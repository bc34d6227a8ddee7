// A seeded per-class train/test split for labelled data whose classes may differ in size.
import type { Split } from './types';
import { shuffleInPlace, type Rng } from './rng';

/**
 * Splits n rows of x (n×d) with labels y (0…C−1) so each class keeps `testFraction` of its rows
 * for the test set (at least one row stays in training), each split shuffled with `rng`.
 */
export function stratifiedSplit(
  x: Float32Array,
  d: number,
  y: ArrayLike<number>,
  classes: number,
  testFraction: number,
  rng: Rng,
): { train: Split; test: Split } {
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < y.length; i++) byClass[y[i] as number]?.push(i);
  const train: number[] = [];
  const test: number[] = [];
  for (const rows of byClass) {
    shuffleInPlace(rows, rng);
    const nTest = Math.min(Math.max(0, rows.length - 1), Math.round(rows.length * testFraction));
    test.push(...rows.slice(0, nTest));
    train.push(...rows.slice(nTest));
  }
  shuffleInPlace(train, rng);
  shuffleInPlace(test, rng);
  const take = (idx: number[]): Split => {
    const out = new Float32Array(idx.length * d);
    const labels = new Int32Array(idx.length);
    idx.forEach((row, i) => {
      labels[i] = y[row] as number;
      out.set(x.subarray(row * d, row * d + d), i * d);
    });
    return { x: out, y: labels, n: idx.length };
  };
  return { train: take(train), test: take(test) };
}

/**
 * Points grouped by class (class j holds `perClass` rows in order), split per class so train and
 * test stay balanced, each split shuffled with the seed: the stratified split of equal classes.
 */
export function splitByClass(
  x: Float32Array,
  dim: number,
  classes: number,
  perClass: number,
  testFraction: number,
  rng: Rng,
): { train: Split; test: Split } {
  const y = Int32Array.from({ length: classes * perClass }, (_, row) => Math.floor(row / perClass));
  return stratifiedSplit(x, dim, y, classes, testFraction, rng);
}
