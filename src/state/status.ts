// The training status the page shows (types and the starting value; pure).
import type { BackendName } from '../train/config';
import type { Frame, RunInfo } from '../train/frame';
import type { RunState } from '../worker/protocol';

/** One model's numbers (compare mode has one model per panel). */
export interface ModelStatus {
  step: number;
  loss: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** The latest frame's metrics and schedule values (for panels). */
  frame: Frame | null;
  /** Worker time to take the last snapshot, ms. */
  snapshotMs: number;
  /** Stopped on NaN/Inf while the other models go on. */
  diverged: boolean;
}

/**
 * Low-frequency training status for React (updated at most STATUS_HZ times a second): the run's
 * shared state, the first model's numbers at the top level, and every model's in `models`.
 */
export interface TrainerStatus extends ModelStatus {
  state: RunState;
  backend: BackendName | '';
  backendReport: string;
  /** A message for people: divergence, a crash and restart, a backend fallback. */
  message: string;
  models: ModelStatus[];
  /** Counts runs (a reset, new data, a crash restart): history belongs to one run. */
  run: number;
  /** The run's fixed facts (labels, sizes), once it is ready. */
  info: RunInfo | null;
  /** The step of the last checkpoint the page holds (0: none yet); one worker's runs only. */
  checkpointStep: number;
}

export const INITIAL_MODEL: ModelStatus = {
  step: 0,
  loss: NaN,
  trainAccuracy: 0,
  testAccuracy: 0,
  frame: null,
  snapshotMs: 0,
  diverged: false,
};

/** The status of a run of `models` models that has not started. */
export function initialStatus(models: number): TrainerStatus {
  return {
    ...INITIAL_MODEL,
    state: 'loading',
    backend: '',
    backendReport: '',
    message: '',
    models: Array.from({ length: models }, () => INITIAL_MODEL),
    run: 0,
    info: null,
    checkpointStep: 0,
  };
}
