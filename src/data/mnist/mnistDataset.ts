import type { Dataset, Split } from '../datasets';
import { createRng, shuffleInPlace } from '../rng';
import { MNIST_PIXELS, decodeMnist } from './format';

/** The decoded asset as a Dataset: pixels scaled to [0, 1], a seeded per-class train/test split. */
export function mnistDataset(buffer: ArrayBuffer, testFraction: number, seed: number): Dataset {
  const { count, labels, pixels } = decodeMnist(buffer);
  const rng = createRng(seed);
  const byClass: number[][] = Array.from({ length: 10 }, () => []);
  for (let i = 0; i < count; i++) byClass[labels[i] ?? 0]!.push(i);
  const train: number[] = [];
  const test: number[] = [];
  for (const rows of byClass) {
    shuffleInPlace(rows, rng);
    const nTest = Math.round(rows.length * testFraction);
    test.push(...rows.slice(0, nTest));
    train.push(...rows.slice(nTest));
  }
  shuffleInPlace(train, rng);
  shuffleInPlace(test, rng);
  const take = (idx: number[]): Split => {
    const x = new Float32Array(idx.length * MNIST_PIXELS);
    const y = new Int32Array(idx.length);
    idx.forEach((row, i) => {
      y[i] = labels[row] ?? 0;
      const src = row * MNIST_PIXELS;
      for (let p = 0; p < MNIST_PIXELS; p++) x[i * MNIST_PIXELS + p] = (pixels[src + p] ?? 0) / 255;
    });
    return { x, y, n: idx.length };
  };
  return { name: 'mnist', inputDim: MNIST_PIXELS, numClasses: 10, train: take(train), test: take(test) };
}
