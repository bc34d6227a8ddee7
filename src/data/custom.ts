// Uploaded data as a Dataset: the user's rows, split per class with the run's seed (pure).
import type { CustomData } from './csv';
import type { Dataset } from './types';
import { createRng } from './rng';
import { stratifiedSplit } from './stratified';

/** The user's data as a Dataset, split per class with the run's seed. */
export function customDataset(data: CustomData, testFraction: number, seed: number): Dataset {
  return {
    name: 'custom',
    inputDim: data.inputDim,
    numClasses: data.numClasses,
    ...stratifiedSplit(data.x, data.inputDim, data.y, data.numClasses, testFraction, createRng(seed)),
  };
}
