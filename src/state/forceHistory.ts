// The mean turning force over the steps of a run, per model, as columns (pure): the forces chart.
import { MAX_HISTORY_POINTS, type HistoryRows } from './runHistory';
import type { TrainerStatus } from './status';

/** No rows yet: the step, then one column per model. */
export const emptyForceRows = (models: number): HistoryRows => Array.from({ length: 1 + models }, () => []);

/**
 * Appends each model's mean turning force (its latest frame's, FrameMetrics.turningForce) at the
 * status's step, in place, when the step is new and every model has a frame of it; returns whether it did.
 */
export function appendForces(rows: HistoryRows, status: TrainerStatus, models: number): boolean {
  const all = models > 1 ? status.models : [status];
  const frames = all.map((m) => m.frame);
  const first = frames[0];
  if (!first || first.step === 0 || all.length !== models || rows.length !== 1 + models) return false;
  const steps = rows[0]!;
  const last = steps[steps.length - 1];
  if (last !== undefined && first.step <= last) return false;
  steps.push(first.step);
  frames.forEach((f, i) => rows[1 + i]!.push(f ? f.metrics.turningForce : NaN));
  if (steps.length > MAX_HISTORY_POINTS) for (const a of rows) a.splice(0, a.length - MAX_HISTORY_POINTS);
  return true;
}
