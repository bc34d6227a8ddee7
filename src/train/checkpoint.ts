// A trainer's whole state at a step, as plain arrays: what a restarted worker resumes from (types only).
import type { RngState } from '../data/rng';
import type { NamedTensor } from './frame';
import type { OptimizerState } from './optimizer';

/** Where the seeded batch order stands: the epoch's permutation, the position in it and the stream. */
export interface SamplerState {
  order: Int32Array;
  pos: number;
  rng: RngState;
}

/** One model's checkpoint: its learned tensors, optimizer, batch order and step counters. */
export interface TrainerCheckpoint {
  step: number;
  /** The loss of the step it was taken after (NaN before the first). */
  loss: number;
  lossSteps: number;
  episodeStart: number;
  weights: NamedTensor[];
  optimizer: OptimizerState;
  sampler: SamplerState;
  /** The loss's running statistics, when it keeps any. */
  lossState?: number[];
  /** The model had diverged (it stays stopped when resumed). */
  diverged: boolean;
}

/** Every model of a run at one step (compare mode's models step together). */
export interface RunCheckpoint {
  step: number;
  models: TrainerCheckpoint[];
}
