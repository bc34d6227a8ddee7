// The page ⇄ sweep worker wire format (types only: the page never pulls in tfjs).
import type { CustomData } from '../data/csv';
import type { SweepMetric } from '../metrics/sweepAggregate';
import type { LiveParams, StructuralConfig } from '../train/config';

/** Whether to yield to the main run (it is training): the sweep rests between its chunks. */
export interface YieldMessage {
  type: 'yield';
  on: boolean;
}

/** One run to train: its structure (with its seed and dimension) and live settings, for `steps` steps. */
export interface ToSweepWorker {
  type: 'run';
  id: number;
  structure: StructuralConfig;
  live: LiveParams;
  steps: number;
  assetBase: string;
  custom?: CustomData;
}

export type FromSweepWorker =
  | { type: 'progress'; id: number; step: number }
  | {
      type: 'result';
      id: number;
      metrics: Partial<Record<SweepMetric, number>>;
      /** tfjs's tensor count before the run and after it was freed: equal when nothing leaked. */
      tensorsBefore: number;
      tensorsAfter: number;
      ms: number;
    }
  | { type: 'error'; id: number; message: string };
