// A sweep as the panel shows it (types and the idle state; no React, no worker).
import type { SweepResult } from '../metrics/sweepAggregate';
import type { SweepSpec } from '../params/sweep';
import type { Params } from '../params/table';

export type SweepPhase = 'idle' | 'running' | 'done' | 'cancelled';

/** What a sweep runs, what has finished, how far it is. */
export interface SweepState {
  spec: SweepSpec | null;
  /** The settings it started from (a run's are these with its value and seed). */
  base: Params | null;
  labels: string[];
  results: SweepResult[];
  phase: SweepPhase;
  total: number;
  /** Runs finished (or given up), and the running one's step. */
  finished: number;
  step: number;
  /** Estimated time left, ms (null until a run has measured the pace). */
  leftMs: number | null;
  /** Crashed runs, in words. */
  crashes: string[];
  /** Tensors left behind over the runs (the worker's count after each run less before it; 0 when none leaked). */
  leaked: number;
  /** From its start to its end, ms (for the bench). */
  elapsedMs: number;
}

export const IDLE: SweepState = {
  spec: null,
  base: null,
  labels: [],
  results: [],
  phase: 'idle',
  total: 0,
  finished: 0,
  step: 0,
  leftMs: null,
  crashes: [],
  leaked: 0,
  elapsedMs: 0,
};
