import type { Dataset } from '../datasets';
import { createRng } from '../rng';
import { stratifiedSplit } from '../stratified';
import { decodeMnist } from './format';

/** The decoded asset as a Dataset: the component scores, a seeded per-class train/test split. */
export function mnistDataset(buffer: ArrayBuffer, testFraction: number, seed: number): Dataset {
  const { k, labels, features } = decodeMnist(buffer);
  return { name: 'mnist', inputDim: k, numClasses: 10, ...stratifiedSplit(features, k, labels, 10, testFraction, createRng(seed)) };
}
