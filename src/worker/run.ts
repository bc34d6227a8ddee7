// A run of the worker's loop and its models, as runLoop.ts keeps them (types and two questions).
import type { LiveParams } from '../train/config';
import type { Trainer } from '../train/trainer';
import type { RunState } from './protocol';

/** One model of a run: compare mode trains several on the same data, initialisation and batches. */
export interface Model {
  trainer?: Trainer;
  /** Live params (received before the trainer existed, too). */
  params: LiveParams;
  /** Stopped on NaN/Inf; the other models go on. */
  diverged: boolean;
}

export interface Run {
  id: number;
  models: Model[];
  playing: boolean;
  /** Steps a second while playing (0: full speed), for every model at once. */
  pace: number;
  pendingSteps: number;
  snapshotHz: number;
  lastFrameAt: number;
  /** Cost of the last snapshot of every model: frames are spaced so snapshots take ≤ 20 % of the time. */
  snapshotMs: number;
  nextStepAt: number;
  /** When the last checkpoint was sent (the run's start counts as one). */
  lastCheckpointAt: number;
  state: RunState;
}

/** The models that still train: built, and not diverged. */
export const alive = (r: Run) => r.models.filter((m) => m.trainer && !m.diverged);
/** Whether every model of the run is built. */
export const ready = (r: Run) => r.models.length > 0 && r.models.every((m) => m.trainer);
